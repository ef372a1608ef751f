/**
 * Hand-written plain-text quotes (test/fixtures/extract-variants) in layouts, labels and formats
 * the corpus does not use: guards the generalisation of the administrative reader.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAdmin } from '../../../src/extract/admin/index.js';
import { documentFromText } from '../../../src/extract/document.js';
import { compareWithTruth, type TruthLike } from './truth-fields.js';

const DIR = join(process.cwd(), 'test/fixtures/extract-variants');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''))
  .sort();

interface Expected extends TruthLike {
  private_data?: string[];
}

describe('administrative extraction on hand-written variants', () => {
  test.each(names)('%s', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(DIR, `${name}.expected.json`), 'utf8'),
    ) as Expected;
    const doc = documentFromText(text);
    const got = extractAdmin(doc);
    expect(compareWithTruth(expected, got).filter((r) => !r.ok)).toEqual([]);
    const lists = Object.values(got as Record<string, unknown>)
      .filter((v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'))
      .flat();
    for (const value of lists) expect(doc.text).toContain(value);
    for (const wanted of expected.private_data ?? []) {
      expect({
        wanted,
        covered: lists.some((v) => v.toLowerCase().includes(wanted.toLowerCase())),
      }).toEqual({
        wanted,
        covered: true,
      });
    }
  });
});
