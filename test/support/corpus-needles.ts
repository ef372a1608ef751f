/**
 * What a corpus document must never leak into code or generated quotes: its companies, people,
 * addresses, brands, identifiers and amounts, taken from the corpus truths of the fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusTruthDir = fileURLToPath(new URL('../fixtures/corpus-truth', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NAME_KEYS = new Set([
  'raison_sociale',
  'nom',
  'prenom',
  'marque',
  'marque_isolant',
  'marque_caisson',
  'marque_capteurs',
  'marque_regulateur',
  'marque_bouche_extraction',
  'marque_bouches_entree_dair',
  'marque_bouches_soufflage',
  'assurance',
  'adresse',
]);
const IDENTIFIER_KEYS = new Set([
  'siret',
  'numero_tva',
  'rcs',
  'rne',
  'telephone',
  'email',
  'site_web',
  'numero_devis',
  'numero_acermi',
  'reference',
  'reference_isolant',
]);
const AMOUNT_KEYS = new Set([
  'prix_total_ht',
  'prix_total_ttc',
  'net_a_payer',
  'prix_ht_total',
  'montant_tva_total',
]);

function frenchAmount(value: number): string {
  const [int = '', dec = '00'] = value.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/gu, ' ')},${dec}`;
}

/** Whole-token match: the corpus first name "Rémi" must not flag the word "trémie". */
export function containsToken(haystack: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
}

function collect(node: Json, needles: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((item) => collect(item, needles));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && NAME_KEYS.has(key) && value.length >= 4)
      needles.add(value.toLowerCase());
    if (typeof value === 'string' && IDENTIFIER_KEYS.has(key) && value.length >= 6)
      needles.add(value.toLowerCase());
    if (key === 'rge_labels' && Array.isArray(value))
      value.forEach((v) => typeof v === 'string' && needles.add(v.toLowerCase()));
    if (typeof value === 'number' && AMOUNT_KEYS.has(key) && value >= 1000) {
      needles.add(frenchAmount(value));
      needles.add(value.toFixed(2));
    }
    collect(value, needles);
  }
}

/** The lowercased needles of every corpus truth of the fixtures. */
export function corpusNeedles(): Set<string> {
  const needles = new Set<string>();
  for (const file of readdirSync(corpusTruthDir).filter((f) => f.endsWith('.truth.json'))) {
    collect(JSON.parse(readFileSync(join(corpusTruthDir, file), 'utf8')) as Json, needles);
  }
  return needles;
}
