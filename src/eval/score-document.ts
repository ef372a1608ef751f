/**
 * Scores one document: the engine's outcome against the document truth (pure, no I/O).
 *
 * Documents fall in three groups, reported apart:
 * - `scan`: the truth says OCR is required, or our reading says `scan`;
 * - `unreadable`: the truth kind is `corrupt`/`encrypted`, or our reading failed;
 * - `text`: everything else (text-layer PDFs, plain text, non-quotes).
 * Fields are scored for text documents and for scans we managed to read; never for documents we
 * could not read (their truth describes content no reader could reach). Finding codes are
 * compared as sets per document, leaving out the codes that need the RGE registry.
 */
import type { QuoteAttributes } from '../domain/attributes.js';
import { FINDING_CATALOGUE, isFindingCode } from '../domain/finding-codes.js';
import { isAbsenceFinding } from '../rules/evidence.js';
import type { ReadingKind } from '../pipeline/check-outcome.js';
import { normaliseText, sameNumber } from './compare.js';
import { addTo, scoreMultiset, scoreValue, type Counts } from './counts.js';
import { LIST_FIELDS, SCALAR_FIELDS } from './fields.js';
import { scoreGestes } from './gestes-score.js';
import type { DocumentTruth, TruthTvaLine } from './truth.js';

/** Codes whose outcome depends on the ADEME registry: never compared. */
export const NETWORK_CODES: ReadonlySet<string> = new Set([
  'rge_non_correspondant',
  'rge_hors_date',
  'geste_rge_non_correspondant',
  'geste_rge_non_mentionne',
  'geste_rge_hors_date',
]);

/** Codes saying the reading itself failed. */
const READING_FAILURE_CODES: ReadonlySet<string> = new Set([
  'file_reading_error',
  'empty_file_error',
  'unsupported_file_format',
  'llm_error',
]);

export type DocumentGroup = 'text' | 'scan' | 'unreadable';

/** What the scoring needs from a CheckOutcome. */
export interface EvalOutcome {
  reading: ReadingKind;
  attributes: QuoteAttributes;
  errors: string[];
}

export interface DocumentScore {
  id: string;
  document: string;
  group: DocumentGroup;
  reading: ReadingKind;
  /** False when the document was not read: its fields are left out of the field scores. */
  fieldsScored: boolean;
  fields: Record<string, Counts>;
  codes: { expected: string[]; emitted: string[]; counts: Counts; falseMissing: string[] };
}

/**
 * Emitted absence codes (type `missing`, or a `…_manquant` warning: « … n'est pas indiqué »)
 * that the truth does not expect: the worst failure (DESIGN §5).
 */
export function falseMissingCodes(
  expected: readonly string[],
  emitted: readonly string[],
): string[] {
  return emitted.filter(
    (c) =>
      !expected.includes(c) &&
      isFindingCode(c) &&
      isAbsenceFinding({ code: c, type: FINDING_CATALOGUE[c].type }),
  );
}

/** `<id>_<slug>.pdf` → `<id>`. */
export function documentId(file: string): string {
  const base = file.replace(/\.[^.]+$/u, '');
  return base.split('_')[0] ?? base;
}

function uniqueCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)].filter((c) => !NETWORK_CODES.has(c));
}

export function scoreCodes(expected: readonly string[], emitted: readonly string[]): Counts {
  return scoreMultiset(uniqueCodes(expected), uniqueCodes(emitted), (v) => String(v));
}

function readFailed(outcome: EvalOutcome): boolean {
  if (outcome.reading === 'unreadable' || outcome.reading === 'unsupported') return true;
  return outcome.errors.some((c) => READING_FAILURE_CODES.has(c));
}

export function groupOf(truth: DocumentTruth, outcome: EvalOutcome): DocumentGroup {
  if (truth.requires_ocr === true || outcome.reading === 'scan') return 'scan';
  if (truth.kind === 'corrupt' || truth.kind === 'encrypted' || readFailed(outcome))
    return 'unreadable';
  return 'text';
}

/** VAT lines are matched by rate; the rate, base and amount of each line are then compared. */
export function scoreTva(
  truth: readonly TruthTvaLine[],
  emitted: QuoteAttributes['tva'],
): Record<string, Counts> {
  const table: Record<string, Counts> = {};
  const left = [...(emitted ?? [])];
  for (const line of truth) {
    const i = left.findIndex((e) => sameNumber(line.taux_tva, e.taux_tva));
    const match = i >= 0 ? left.splice(i, 1)[0] : undefined;
    addTo(table, LIST_FIELDS.tvaRate, match ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 0, fn: 1 });
    addTo(
      table,
      LIST_FIELDS.tvaBase,
      scoreValue(line.prix_ht_total, match?.prix_ht_total, sameNumber),
    );
    addTo(
      table,
      LIST_FIELDS.tvaAmount,
      scoreValue(line.montant_tva_total, match?.montant_tva_total, sameNumber),
    );
  }
  for (const extra of left) {
    addTo(table, LIST_FIELDS.tvaRate, scoreValue(null, extra.taux_tva, sameNumber));
    addTo(table, LIST_FIELDS.tvaBase, scoreValue(null, extra.prix_ht_total, sameNumber));
    addTo(table, LIST_FIELDS.tvaAmount, scoreValue(null, extra.montant_tva_total, sameNumber));
  }
  return table;
}

function scoreFields(truth: DocumentTruth, attributes: QuoteAttributes): Record<string, Counts> {
  const table: Record<string, Counts> = {};
  for (const field of SCALAR_FIELDS) {
    addTo(table, field.name, scoreValue(field.truth(truth), field.emitted(attributes), field.same));
  }
  const rgeKey = (v: unknown): string => normaliseText(v).replace(/ /gu, '');
  addTo(
    table,
    LIST_FIELDS.rgeLabels,
    scoreMultiset(truth.pro?.rge_labels ?? [], attributes.pro?.rge_labels ?? [], rgeKey),
  );
  for (const [key, counts] of Object.entries(scoreTva(truth.tva ?? [], attributes.tva)))
    addTo(table, key, counts);
  for (const [key, counts] of Object.entries(
    scoreGestes(truth.gestes ?? [], attributes.gestes ?? []),
  )) {
    addTo(table, key, counts);
  }
  return table;
}

export function scoreDocument(truth: DocumentTruth, outcome: EvalOutcome): DocumentScore {
  const group = groupOf(truth, outcome);
  const fieldsScored = group === 'text' || (group === 'scan' && !readFailed(outcome));
  const expected = uniqueCodes(truth.expected_error_codes);
  const emitted = uniqueCodes(outcome.errors);
  return {
    id: documentId(truth.document),
    document: truth.document,
    group,
    reading: outcome.reading,
    fieldsScored,
    fields: fieldsScored ? scoreFields(truth, outcome.attributes) : {},
    codes: {
      expected,
      emitted,
      counts: scoreCodes(expected, emitted),
      falseMissing: falseMissingCodes(expected, emitted),
    },
  };
}
