/**
 * Runs the engine on every document of a folder laid out like the corpus
 * (`<id>_<slug>.<ext>` next to `<id>_<slug>.truth.json`) and builds the accuracy report.
 * The engine is passed in, so tests can run the scoring without reading any PDF.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { aggregate, type EvalReport } from './aggregate.js';
import { expectedCodesFromTruth } from './expected-codes.js';
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
  if (derived.length > 0) {
    notes.push(
      `Expected codes computed by the rules from the truth values (the truth lists none): ${derived.join(', ')}.`,
    );
  }
  return aggregate(scores, { today: opts.today, notes });
}
