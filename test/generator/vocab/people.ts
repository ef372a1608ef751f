/**
 * Invented people: first names from a short list, family names built from syllables, so that no
 * person of a real document (or of the evaluation corpus) is reproduced.
 */
import type { Rng } from '../prng.js';

const FIRST_NAMES_F = [
  'Adélaïde',
  'Bérénice',
  'Capucine',
  'Clémence',
  'Apolline',
  'Eugénie',
  'Félicie',
  'Gwenola',
  'Héloïse',
  'Inès',
  'Joséphine',
  'Léonie',
  'Maëlys',
  'Noémie',
  'Ophélie',
  'Perrine',
  'Rosalie',
  'Solène',
  'Victorine',
  'Zoé',
  'Anaëlle',
  'Maïwenn',
  'Lucille',
  'Marjolaine',
];

const FIRST_NAMES_M = [
  'Aristide',
  'Baptiste',
  'Côme',
  'Désiré',
  'Évariste',
  'Florian',
  'Gaspard',
  'Hippolyte',
  'Ignace',
  'Joachim',
  'Lazare',
  'Maël',
  'Noé',
  'Octave',
  'Pacôme',
  'Quentin',
  'Raphaël',
  'Séraphin',
  'Timothée',
  'Ulysse',
  'Valentin',
  'Yanis',
  'Loïc',
  'Mathéo',
];

const NAME_HEADS = [
  'Ker',
  'Mont',
  'Bel',
  'Dor',
  'Gar',
  'Lan',
  'Mar',
  'Ros',
  'Val',
  'Cha',
  'Fon',
  'Lav',
  'Pel',
  'Ver',
  'Bou',
  'Tres',
  'Quil',
  'Sar',
  'Cor',
  'Bri',
];

const NAME_TAILS = [
  'ouet',
  'andier',
  'ignac',
  'elin',
  'oulec',
  'assin',
  'eron',
  'illard',
  'otte',
  'ignol',
  'aud',
  'eneuc',
  'ival',
  'ézec',
  'anchon',
  'ellière',
  'oubert',
  'iffon',
  'azel',
  'uchet',
];

export type Gender = 'f' | 'm';

export interface Person {
  gender: Gender;
  prenom: string;
  nom: string;
}

const VOWELS = /[aeiouéè]/u;

function joinParts(head: string, tail: string): string {
  // Avoid vowel clashes such as "Bou" + "oubert".
  const clash = VOWELS.test(head.slice(-1)) && VOWELS.test(tail.charAt(0));
  return head + (clash ? tail.slice(1) : tail);
}

export function familyName(rng: Rng): string {
  const name = joinParts(rng.pick(NAME_HEADS), rng.pick(NAME_TAILS));
  return rng.chance(0.1)
    ? `${name}-${joinParts(rng.pick(NAME_HEADS), rng.pick(NAME_TAILS))}`
    : name;
}

export function person(rng: Rng): Person {
  const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
  const prenom = rng.pick(gender === 'f' ? FIRST_NAMES_F : FIRST_NAMES_M);
  return { gender, prenom, nom: familyName(rng) };
}

/** Civility as printed for a customer. */
export function civility(rng: Rng, gender: Gender): string {
  if (rng.chance(0.1)) return 'M. et Mme';
  return gender === 'f' ? rng.pick(['Mme', 'Madame']) : rng.pick(['M.', 'Monsieur']);
}

/** Lower-case ASCII slug of a text (accents removed), for e-mail addresses and domains. */
export function slug(text: string, separator = '-'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/&/gu, ' et ')
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .join(separator);
}
