/**
 * Runs the engine on every document of a folder laid out like the corpus
 * (`<id>_<slug>.<ext>` next to `<id>_<slug>.truth.json`) and builds the accuracy report.
 * The engine is passed in, so tests can run the scoring without reading any PDF.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aggregate, type EvalReport } from './aggregate.js';
import { THRESHOLD_CODES } from '../domain/finding-codes.js';
import { expectedCodesFromTruth, thresholdCodesFromTruth } from './expected-codes.js';
import {
  documentId,
  scoreDocument,
  type DocumentScore,
  type EvalOutcome,
} from './score-document.js';
import { parseTruth, type DocumentTruth } from './truth.js';

export type CheckFn = (input: { bytes: Uint8Array; filename: string }) => Promise<EvalOutcome>;

export interface RunEvalOptions {
  dir: string;
  today: string;
  check: CheckFn;
  /** Called before each document (progress on stderr). */
  onDocument?: (file: string, index: number, total: number) => void;
}

const TRUTH_SUFFIX = '.truth.json';

/** The document a truth describes: its `document` name, else any file with the same basename. */
function findDocument(
  truth: DocumentTruth,
  base: string,
  files: readonly string[],
): string | undefined {
  if (files.includes(truth.document)) return truth.document;
  return files.find((f) => !f.endsWith(TRUTH_SUFFIX) && f.startsWith(`${base}.`));
}

/** A failed engine call scores as a document we could not read, with nothing found. */
function failedOutcome(): EvalOutcome {
  return { reading: 'unreadable', attributes: {}, errors: [] };
}

export async function runEval(opts: RunEvalOptions): Promise<EvalReport> {
  const files = (await readdir(opts.dir)).sort();
  const truthFiles = files.filter((f) => f.endsWith(TRUTH_SUFFIX));
  const notes: string[] = [];
  const scores: DocumentScore[] = [];
  const derived: string[] = [];
  for (const [index, truthFile] of truthFiles.entries()) {
    const base = truthFile.slice(0, -TRUTH_SUFFIX.length);
    let truth: DocumentTruth;
    try {
      truth = parseTruth(JSON.parse(await readFile(join(opts.dir, truthFile), 'utf8')), truthFile);
    } catch (err) {
      notes.push(`Skipped ${truthFile}: invalid truth (${(err as Error).message}).`);
      continue;
    }
    if (truth.expected_error_codes === undefined) {
      truth.expected_error_codes = expectedCodesFromTruth(truth, opts.today);
      truth.expected_codes_derived = true;
      derived.push(documentId(truthFile));
    } else if (truth.kind !== 'corrupt' && truth.kind !== 'encrypted') {
      const listed = truth.expected_error_codes;
      const added = thresholdCodesFromTruth(truth, opts.today).filter((c) => !listed.includes(c));
      truth.expected_error_codes = [...listed, ...added];
    }
    const document = findDocument(truth, base, files);
    if (document === undefined) {
      notes.push(`Skipped ${truthFile}: document ${truth.document} not found.`);
      continue;
    }
    opts.onDocument?.(document, index, truthFiles.length);
    const bytes = new Uint8Array(await readFile(join(opts.dir, document)));
    let outcome: EvalOutcome;
    try {
      outcome = await opts.check({ bytes, filename: document });
    } catch (err) {
      notes.push(`Engine error on ${document}, scored as not read: ${(err as Error).message}`);
      outcome = failedOutcome();
    }
    scores.push(scoreDocument(truth, outcome));
  }
  if (truthFiles.length === 0) notes.push(`No *${TRUTH_SUFFIX} file in ${opts.dir}.`);
  notes.push(thresholdNote(scores));
  if (derived.length > 0) {
    notes.push(
      `Expected codes computed by the rules from the truth values (the truth lists none): ${derived.join(', ')}.`,
    );
  }
  return aggregate(scores, { today: opts.today, notes });
}

const isThresholdCode = (code: string) => (THRESHOLD_CODES as readonly string[]).includes(code);

/** Where aid-threshold codes were expected (from the truth values) or emitted, and how they fared. */
function thresholdNote(scores: readonly DocumentScore[]): string {
  const lines = scores.flatMap((s) => {
    const expected = s.codes.expected.filter(isThresholdCode);
    const emitted = s.codes.emitted.filter(isThresholdCode);
    if (expected.length === 0 && emitted.length === 0) return [];
    const codes = [...new Set([...expected, ...emitted])].map((code) => {
      const verdict = !emitted.includes(code)
        ? 'missed'
        : expected.includes(code)
          ? 'found'
          : 'NOT in the truth values';
      return `${code} (${verdict})`;
    });
    return [`${s.id}: ${codes.join(', ')}`];
  });
  return lines.length === 0
    ? 'Aid-threshold codes (expected from the truth values): none expected, none emitted.'
    : `Aid-threshold codes (expected from the truth values): ${lines.join('; ')}.`;
}
