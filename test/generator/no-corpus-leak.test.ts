/**
 * The generator invents everything: no company, person, brand, identifier or amount of a corpus
 * truth may appear in what it writes (truth files and document text).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateQuotes, type GeneratedQuote } from './generate.js';
import { pdfText } from './pdf-text.js';
import { rulesValidator } from './rules-validator.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The corpus truths: the project's fixture copy, else the shared corpus folder. */
const corpusDir = [join(root, 'test/fixtures/corpus-truth'), '/work/shared/corpus'].find((d) =>
  existsSync(d),
);

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
function containsToken(haystack: string, needle: string): boolean {
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

describe('generated quotes hold no data of the corpus', () => {
  let dir = '';
  let quotes: GeneratedQuote[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-gen-leak-'));
    quotes = await generateQuotes({
      outDir: dir,
      count: 60,
      seed: 'leak-check',
      validate: rulesValidator,
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the corpus truths, and matches whole tokens only', () => {
    expect(corpusDir).toBeDefined();
    expect(containsToken('madame héloïse dupré, 12 rue x', 'héloïse')).toBe(true);
    expect(containsToken('total ttc 4 245,32 €', '4 245,32')).toBe(true);
    expect(containsToken('silo : trémie intégrée', 'rémi')).toBe(false);
  });

  it('no company, person, address, brand, identifier or amount of a corpus truth is generated', async () => {
    const needles = new Set<string>();
    const truthFiles = readdirSync(corpusDir as string).filter((f) => f.endsWith('.truth.json'));
    for (const file of truthFiles)
      collect(JSON.parse(readFileSync(join(corpusDir as string, file), 'utf8')) as Json, needles);
    expect(needles.size).toBeGreaterThan(80);
    const leaks: string[] = [];
    for (const q of quotes) {
      const bytes = new Uint8Array(await readFile(join(dir, q.document)));
      const text = q.document.endsWith('.pdf')
        ? await pdfText(bytes)
        : new TextDecoder().decode(bytes);
      const haystack = `${await readFile(join(dir, q.truthFile), 'utf8')}\n${text}`.toLowerCase();
      for (const needle of needles)
        if (containsToken(haystack, needle)) leaks.push(`${q.document}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});
