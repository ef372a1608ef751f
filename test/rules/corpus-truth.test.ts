/**
 * The rules on the ground truth of the corpus documents (test/fixtures/corpus-truth, copied from
 * the shared corpus): no registry answer, no price ranges, as the truths' expectations assume.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import type { ErrorDetail } from '../../src/domain/finding.js';
import { readingErrorDetail, validateQuote } from '../../src/rules/validate-quote.js';
import { truthAttributes, type TruthValues } from '../../src/eval/expected-codes.js';

interface ExpectedError {
  code: string;
  geste_index: number | null;
}

interface Truth extends Record<string, unknown> {
  kind: string;
  chantier?: { adresse?: string | null } | null;
  expected_error_codes: string[];
  expected_errors: ExpectedError[];
  expected_error_codes_if_decrypted?: string[];
}

const DIR = new URL('../fixtures/corpus-truth/', import.meta.url);
const CHECK_ID = 'corpus';

function toAttributes(truth: Truth): QuoteAttributes {
  const attributes = truthAttributes(truth as unknown as TruthValues);
  const site = truth.chantier?.adresse;
  if (site) attributes.client = { ...attributes.client, adresse_chantier: site };
  return attributes;
}

function gesteIndex(detail: ErrorDetail): number | null {
  const match = /-geste-(\d+)$/u.exec(detail.geste_id ?? '');
  return match ? Number(match[1]) - 1 : null;
}

const sortErrors = (errors: ExpectedError[]) =>
  errors.map((e) => `${e.code}@${e.geste_index ?? '-'}`).sort();

const unique = (codes: string[]) => [...new Set(codes)];

function validateTruth(truth: Truth) {
  return validateQuote({ checkId: CHECK_ID, attributes: toAttributes(truth), today: '2026-11-24' });
}

const truths = readdirSync(DIR)
  .filter((name) => name.endsWith('.truth.json'))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Truth] as const);

describe('corpus truths', () => {
  it('are all here', () => {
    expect(truths).toHaveLength(13);
  });

  const readable = truths.filter(([, t]) => !['corrupt', 'encrypted'].includes(t.kind));

  it.each(readable)('%s: the expected codes, in order of first occurrence', (_name, truth) => {
    const result = validateTruth(truth);
    expect(new Set(result.errors)).toEqual(new Set(truth.expected_error_codes));
    expect(unique(result.errors)).toEqual(truth.expected_error_codes);
  });

  it.each(readable)('%s: every expected occurrence, on its geste', (_name, truth) => {
    const result = validateTruth(truth);
    const got = result.details.map((d) => ({ code: d.code, geste_index: gesteIndex(d) }));
    expect(sortErrors(got)).toEqual(sortErrors(truth.expected_errors));
  });

  it.each(truths.filter(([, t]) => t.kind === 'encrypted'))(
    '%s: once decrypted, the expected codes',
    (_name, truth) => {
      expect(unique(validateTruth(truth).errors)).toEqual(truth.expected_error_codes_if_decrypted);
    },
  );

  it.each(truths.filter(([, t]) => ['corrupt', 'encrypted'].includes(t.kind)))(
    '%s: unreadable as a file, a reading error replaces validation',
    (_name, truth) => {
      expect(truth.expected_errors).toEqual([{ code: 'file_reading_error', geste_index: null }]);
      expect(readingErrorDetail(CHECK_ID, 'file_reading_error')).toMatchObject({
        code: 'file_reading_error',
        category: 'file',
      });
    },
  );
});
