/** Invented companies, insurers, brands and product models (word parts combined at random). */
import type { GesteGroup } from '../../../src/domain/geste-types.js';
import type { Rng } from '../prng.js';
import { familyName } from './people.js';
import { town } from './places.js';

const TRADES: Record<GesteGroup, string[]> = {
  isolation: ['Isolation', 'Iso Confort', 'Isolation Thermique', 'Combles et Façades'],
  menuiserie: ['Menuiseries', 'Fermetures', 'Baies et Volets', 'Menuiserie Alu PVC'],
  chauffage: ['Thermique', 'Chauffage', 'Énergies Nouvelles', 'Chaleur Services'],
  eau_chaude: ['Sanitaire Chauffage', 'Eau Chaude Services', 'Plomberie Énergie'],
  ventilation: ['Ventilation', 'Air Habitat', 'Aération Confort'],
};

const GENERIC = ['Habitat', 'Rénovation', 'Bâtiment', 'Éco Travaux', 'Multiservices'];

export function companyName(rng: Rng, group: GesteGroup): string {
  const trade = rng.pick([...TRADES[group], rng.pick(GENERIC)]);
  const place = town(rng).split('-')[0] ?? 'Brumeval';
  const templates = [
    () => `${trade} du ${place}`.toUpperCase(),
    () => `${familyName(rng)} ${trade}`,
    () => `Atelier ${place} ${trade}`,
    () => `${place} ${trade}`.toUpperCase(),
    () => `${trade} ${familyName(rng)} & Fils`,
  ];
  return rng.pick(templates)();
}

const INSURER_HEADS = ['Mutuelle', 'Union', 'Caisse', 'Compagnie', 'Société'];
const INSURER_MIDS = ['Régionale', 'Générale', 'Mutualiste', 'Centrale', 'Solidaire'];
const INSURER_TAILS = [
  'des Constructeurs',
  'du Bâti',
  'des Métiers du Bâtiment',
  'de la Construction',
  'des Artisans Réunis',
];

export function insurer(rng: Rng): string {
  return `${rng.pick(INSURER_HEADS)} ${rng.pick(INSURER_MIDS)} ${rng.pick(INSURER_TAILS)}`;
}

export function policyNumber(rng: Rng): string {
  const letters = rng.pick(['MRC', 'UGB', 'CMB', 'SRA', 'DEC']);
  return rng.pick([
    () => `${letters}-${rng.int(2019, 2026)}-${rng.int(10000, 99999)}`,
    () => `${letters}/${rng.int(100, 999)}/${rng.int(1000, 9999)}`,
    () => `${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)}`,
  ])();
}

const BRAND_HEADS = [
  'Vel',
  'Kor',
  'Zan',
  'Oby',
  'Tess',
  'Mira',
  'Quar',
  'Bry',
  'Nor',
  'Sil',
  'Ulm',
  'Dax',
];
const BRAND_TAILS = ['ondo', 'axia', 'elt', 'ivo', 'umex', 'orra', 'ynd', 'aro', 'isk', 'ovia'];

/** A brand in capitals, e.g. "KORAXIA" (never a real brand on purpose: syllables at random). */
export function brand(rng: Rng): string {
  const name = (rng.pick(BRAND_HEADS) + rng.pick(BRAND_TAILS)).toUpperCase();
  return rng.chance(0.15) ? `${name} ${rng.pick(['PRO', 'TECH', 'FRANCE'])}` : name;
}

const MODEL_WORDS = [
  'Alto',
  'Brio',
  'Cyme',
  'Doria',
  'Estra',
  'Floé',
  'Garrig',
  'Hélia',
  'Isba',
  'Jade',
  'Kiro',
  'Lumo',
  'Nova',
  'Opale',
  'Prima',
];

/** A product model, e.g. "Opale 11 HT" or "Brio-200 VM". */
export function model(rng: Rng, number: number | string, suffix?: string): string {
  const word = rng.pick(MODEL_WORDS);
  const sep = rng.pick([' ', '-', ' ']);
  return `${word}${sep}${number}${suffix ? ` ${suffix}` : ''}`;
}
