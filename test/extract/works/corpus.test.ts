/**
 * Integration over the corpus documents with a text layer (reader output stored in
 * test/fixtures/corpus-doc, and the same PDFs laid out by a second version of the PDF reader in
 * works-variants/layout2): gestes, priced lines and the supply/installation split against the
 * truth files of test/fixtures/corpus-truth.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuoteDocument } from '../../../src/extract/document.js';
import { extractWorks } from '../../../src/extract/works/index.js';
import { compareGestes, type ExpectedGeste } from './compare-gestes.js';

const FIXTURES = join(process.cwd(), 'test/fixtures');
const TRUTHS = join(FIXTURES, 'corpus-truth');

interface TruthLine {
  numero: string | null;
  designation: string;
  nature: string;
  quantite: number | null;
  prix_ht: number | null;
  prix_ttc?: number | null;
  taux_tva: number | null;
}

interface Truth {
  gestes: ExpectedGeste[];
  lignes: TruthLine[];
  separation_prix_fourniture_pose: boolean | null;
}

function documents(dir: string): [string, string][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.truth.json'))
    .map((f) => f.replace(/\.json$/u, ''))
    .filter((name) => existsSync(join(TRUTHS, `${name}.truth.json`)))
    .sort()
    .map((name) => [name, dir]);
}

const cases = [
  ...documents(join(FIXTURES, 'corpus-doc')),
  ...documents(join(FIXTURES, 'works-variants/layout2')),
];

function load(name: string, dir: string): { doc: QuoteDocument; truth: Truth } {
  const doc = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as QuoteDocument;
  const truth = JSON.parse(readFileSync(join(TRUTHS, `${name}.truth.json`), 'utf8')) as Truth;
  return { doc, truth };
}

describe('works extraction on the corpus', () => {
  test('fixtures are present', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
  });

  test.each(cases)('gestes of %s (%s)', (name, dir) => {
    const { doc, truth } = load(name, dir);
    const result = extractWorks(doc);
    expect(compareGestes(truth.gestes ?? [], result.gestes)).toEqual([]);
    if (truth.separation_prix_fourniture_pose !== null) {
      expect(result.separation_prix_fourniture_pose).toBe(truth.separation_prix_fourniture_pose);
    }
  });

  test.each(cases)('priced lines of %s (%s)', (name, dir) => {
    const { doc, truth } = load(name, dir);
    const lines = extractWorks(doc).lines;
    const summary = (l: Partial<TruthLine>) => [
      l.numero ?? null,
      l.nature,
      l.quantite ?? null,
      l.prix_ht ?? l.prix_ttc ?? null,
      l.taux_tva ?? null,
    ];
    expect(lines.map(summary)).toEqual((truth.lignes ?? []).map(summary));
    lines.forEach((line, i) => expect(line.designation).toBe(truth.lignes[i]?.designation));
  });

  test('every emitted value has a provenance path', () => {
    for (const [name, dir] of cases) {
      const result = extractWorks(load(name, dir).doc);
      const paths = result.gestes.flatMap((g, i) => Object.keys(g).map((k) => `gestes[${i}].${k}`));
      expect(result.provenancePaths).toEqual(expect.arrayContaining(paths));
    }
  });
});
