/**
 * Integration over the corpus documents that have a text layer (PDF reader output stored in
 * test/fixtures/corpus-doc): extracted administrative fields against the truth files.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAdmin } from '../../../src/extract/admin/index.js';
import type { QuoteDocument } from '../../../src/extract/document.js';
import { compareWithTruth, type TruthLike } from './truth-fields.js';

const DIR = join(process.cwd(), 'test/fixtures/corpus-doc');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => f.replace('.truth.json', ''))
  .sort();

function load(name: string): { doc: QuoteDocument; truth: TruthLike } {
  const doc = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as QuoteDocument;
  const truth = JSON.parse(readFileSync(join(DIR, `${name}.truth.json`), 'utf8')) as TruthLike;
  return { doc, truth };
}

describe('administrative extraction on the corpus', () => {
  test('fixtures are present', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  test.each(names)('%s', (name) => {
    const { doc, truth } = load(name);
    const results = compareWithTruth(truth, extractAdmin(doc));
    const wrong = results.filter((r) => !r.ok);
    const accuracy = (results.length - wrong.length) / results.length;
    // one field may be printed as an image on a document (web site inside the logo)
    expect(wrong.length <= 1 ? [] : wrong).toEqual([]);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  test('private-data values are literal substrings of the text', () => {
    for (const name of names) {
      const { doc } = load(name);
      const attrs = extractAdmin(doc) as Record<string, unknown>;
      const lists = Object.values(attrs).filter(
        (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'),
      );
      for (const value of lists.flat())
        expect({ name, value, found: doc.text.includes(value) }).toMatchObject({ found: true });
    }
  });
});
