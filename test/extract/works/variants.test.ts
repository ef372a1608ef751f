/**
 * Hand-written plain-text quotes of other companies and layouts (test/fixtures/works-variants),
 * covering the 21 geste types: headers in other orders or without accents, no header at all,
 * numbers as `1.234,56`, `1234.56 EUR` or `1 234,56 €`, quantity and unit in one cell, TTC-only
 * prices, VAT codes, discounts, labels wrapped before their prices, room titles, section notes,
 * tables over two pages, general terms after the quote.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GESTE_TYPES } from '../../../src/domain/geste-types.js';
import { documentFromText } from '../../../src/extract/document.js';
import { extractWorks } from '../../../src/extract/works/index.js';
import { compareGestes, type ExpectedGeste } from './compare-gestes.js';

const DIR = join(process.cwd(), 'test/fixtures/works-variants');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/u, ''))
  .sort();

interface Expected {
  gestes: ExpectedGeste[];
  separation_prix_fourniture_pose?: boolean;
}

function load(name: string): { text: string; expected: Expected } {
  const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
  return { text, expected };
}

describe('works extraction on hand-written quote variants', () => {
  test('the variants cover the 21 geste types', () => {
    const covered = new Set(names.flatMap((n) => load(n).expected.gestes.map((g) => g.type)));
    expect(GESTE_TYPES.filter((t) => !covered.has(t))).toEqual([]);
  });

  test.each(names)('%s', (name) => {
    const { text, expected } = load(name);
    const result = extractWorks(documentFromText(text));
    expect(compareGestes(expected.gestes, result.gestes)).toEqual([]);
    if (expected.separation_prix_fourniture_pose !== undefined) {
      expect(result.separation_prix_fourniture_pose).toBe(expected.separation_prix_fourniture_pose);
    }
  });
});
