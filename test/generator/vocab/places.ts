/** Invented addresses: generic street names and towns built from word parts. */
import type { Rng } from '../prng.js';

const STREET_TYPES = [
  'rue',
  'allée',
  'chemin',
  'impasse',
  'avenue',
  'route',
  'place',
  'boulevard',
  'sentier',
];

const STREET_NAMES = [
  'des Lavandières',
  'du Moulin Neuf',
  'des Glycines',
  'de la Source',
  'des Coquelicots',
  'du Vieux Pressoir',
  'des Écoliers',
  'de la Forge Haute',
  'des Genêts',
  'du Lavoir',
  'des Églantiers',
  'de la Croix Verte',
  'du Clos Fleuri',
  'des Bleuets',
  'des Acacias',
  'de la Fontaine',
  'du Petit Bois',
  'des Vergers',
  'de la Halle',
  'des Marronniers',
  'du Pré Carré',
  'des Tisserands',
  'des Charmilles',
  "de l'Étang",
  'du Calvaire',
];

const TOWN_ROOTS = [
  'Brumeval',
  'Orvillac',
  'Castelmoure',
  'Vernoux',
  'Sablonnay',
  'Montaurel',
  'Quimerven',
  'Rochebrune-Haute',
  'Lézardrieux-Neuf',
  'Fontbelle',
  'Aubrac-Ville',
  'Marvejac',
  'Pleumeur-Gast',
  'Savignol',
  'Treffiagat-Bas',
  'Clairvaux-Sud',
  'Belcastel-Vieux',
  'Kervoas',
  'Valmorin',
  'Essartières',
];

const TOWN_SUFFIXES = [
  '',
  '',
  '',
  '-sur-Lize',
  '-les-Prés',
  '-en-Vallée',
  '-le-Château',
  '-sous-Bois',
  '-la-Rivière',
];

const PARKS = [
  'ZA de la Pointe',
  "Parc d'activités des Prairies",
  'ZI du Grand Champ',
  'Zone artisanale des Landes',
  'Espace Entreprises du Val',
];

export interface Address {
  /** Building or business park line printed before the street, if any. */
  extra: string | null;
  street: string;
  postcode: string;
  city: string;
}

export function town(rng: Rng): string {
  return rng.pick(TOWN_ROOTS) + rng.pick(TOWN_SUFFIXES);
}

export function postcode(rng: Rng): string {
  const department = rng.pick([
    '01',
    '07',
    '12',
    '16',
    '22',
    '24',
    '29',
    '35',
    '38',
    '42',
    '47',
    '56',
    '63',
    '71',
    '79',
    '85',
    '87',
    '89',
  ]);
  return `${department}${rng.int(1, 9)}${rng.int(0, 9)}0`;
}

export function address(rng: Rng, opts: { business?: boolean } = {}): Address {
  const extra = opts.business && rng.chance(0.4) ? rng.pick(PARKS) : null;
  const number = rng.chance(0.15) ? `${rng.int(1, 60)} bis` : String(rng.int(1, 180));
  return {
    extra,
    street: `${number} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`,
    postcode: postcode(rng),
    city: town(rng),
  };
}

/** The truth form: `"<street>, <postcode> <city>"` (business park first when printed). */
export function addressTruth(a: Address): string {
  return `${a.extra ? `${a.extra}, ` : ''}${a.street}, ${a.postcode} ${a.city}`;
}

/** The printed lines of an address block. */
export function addressLines(a: Address, upperCity = false): string[] {
  const city = upperCity ? a.city.toUpperCase() : a.city;
  return [...(a.extra ? [a.extra] : []), a.street, `${a.postcode} ${city}`];
}
