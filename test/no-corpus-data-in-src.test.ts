/**
 * The engine must generalise, not memorise: no company, person, brand, identifier or amount of a
 * corpus document may appear in src/ (issue 2, "Beyond the corpus").
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const truthDir = join(root, 'test/fixtures/corpus-truth');

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

function collect(node: Json, needles: Set<string>): void {
  if (Array.isArray(node)) {
    node.forEach((item) => collect(item, needles));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && NAME_KEYS.has(key) && value.length >= 4)
      needles.add(value.toLowerCase());
    if (typeof value === 'string' && IDENTIFIER_KEYS.has(key) && value.length >= 6)
      needles.add(value.toLowerCase());
    if (key === 'rge_labels' && Array.isArray(value)) {
      value.forEach((v) => typeof v === 'string' && needles.add(v.toLowerCase()));
    }
    if (typeof value === 'number' && AMOUNT_KEYS.has(key) && value >= 1000) {
      needles.add(frenchAmount(value));
      needles.add(value.toFixed(2));
    }
    collect(value, needles);
  }
}

/** Whole words only: the corpus first name "Rémi" is not a leak inside the word "trémie". */
function containsWord(text: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe('src/ holds no data of the corpus', () => {
  const truths = readdirSync(truthDir).filter((f) => f.endsWith('.truth.json'));

  it('has corpus truths to compare with', () => {
    expect(truths.length).toBeGreaterThanOrEqual(10);
  });

  it('no company, person, brand, identifier or amount of a corpus truth appears in src/', () => {
    const needles = new Set<string>();
    for (const file of truths)
      collect(JSON.parse(readFileSync(join(truthDir, file), 'utf8')) as Json, needles);
    expect(needles.size).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8').toLowerCase();
      for (const needle of needles)
        if (containsWord(text, needle)) leaks.push(`${file}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});
