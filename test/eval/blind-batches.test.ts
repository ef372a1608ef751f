/**
 * The blind batches (test/fixtures/blind-batches/): quotes written by people who never read the
 * reader, scored cold before any change they inspired (README, « Mesurer la précision »), kept
 * as a regression guard. Text documents only here (scans need OCR: `npm run eval` reads them).
 * The bounds are the figures measured after the fixes of this round: a change that makes the
 * reader tell a professional to add more printed mentions, or read fewer fields, fails.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { runEval } from '../../src/eval/run-eval.js';
import { checkFile, closeCheckFile } from '../../src/pipeline/check-file.js';

const TODAY = '2026-12-07';

/** batch → [false "missing" findings on its text documents at most, fields F1 at least]. */
const BOUNDS: Record<string, [number, number]> = {
  'batch-01': [3, 0.9],
  'batch-02': [2, 0.855],
  'batch-03': [0, 0.915],
  'batch-04': [0, 0.93],
  'batch-05': [1, 0.855],
  'batch-06': [2, 0.85],
  'batch-07': [5, 0.805],
  'batch-08': [0, 0.815],
  'batch-09': [1, 0.865],
  'batch-10': [1, 0.895],
  'batch-11': [1, 0.8],
  'batch-12': [0, 0.88],
  'batch-13': [0, 0.895],
};

afterAll(async () => {
  await closeCheckFile();
});

describe('blind batches (regression)', () => {
  it.each(Object.entries(BOUNDS))(
    '%s',
    async (batch, [maxFalseMissing, minFieldsF1]) => {
      const report = await runEval({
        dir: fileURLToPath(new URL(`../fixtures/blind-batches/${batch}/`, import.meta.url)),
        today: TODAY,
        check: (input) => checkFile(input, { today: TODAY }),
      });
      const text = report.documents.filter((d) => d.group === 'text');
      expect(text.length).toBeGreaterThanOrEqual(7);
      const falseMissing = text.flatMap((d) => d.falseMissing.map((c) => `${d.id}:${c}`));
      expect(falseMissing.length).toBeLessThanOrEqual(maxFalseMissing);
      expect(report.groups.text.overall.f1).toBeGreaterThanOrEqual(minFieldsF1);
    },
    60_000,
  );
});
