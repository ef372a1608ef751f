/**
 * The dated table of aid performance thresholds (DESIGN.md §11): the data lives in
 * aid-thresholds.json, this module gives it its types and refuses a malformed row at load, so a
 * bad edit of the table fails every test instead of silently checking nothing. No logic here:
 * the rules evaluate the rows (src/rules/thresholds.ts).
 */
import data from './aid-thresholds.json' with { type: 'json' };
import type { FindingCode } from './finding-codes.js';
import { isFindingCode } from './finding-codes.js';
import type { GesteType } from './geste-types.js';
import { isGesteType } from './geste-types.js';

/** ✓ two or more independent sources agree; ~ one or an old source; ? conflicting or unconfirmed. */
export type Confidence = '✓' | '~' | '?';
export const CONFIDENCES: readonly Confidence[] = ['✓', '~', '?'];

/** `mpr` MaPrimeRénov' (par geste), `cee` certificats d'économies d'énergie, or both. */
export type Scheme = 'mpr' | 'cee' | 'mpr_cee';
export const SCHEMES: readonly Scheme[] = ['mpr', 'cee', 'mpr_cee'];

/** `class_at_least`: an energy class as good as `value` or better; `one_of`: a listed class. */
export type Comparator = '>=' | '>' | '<=' | '<' | 'class_at_least' | 'one_of';
export const COMPARATORS: readonly Comparator[] = [
  '>=',
  '>',
  '<=',
  '<',
  'class_at_least',
  'one_of',
];

export interface ThresholdCriterion {
  /** The geste attribute compared (`resistance_thermique`, `uw`, `ETAS`…). */
  readonly attribute: string;
  readonly comparator: Comparator;
  readonly value: number | string | readonly string[];
  /** Unit of `value`, as written in French (`m²·K/W`, `%`, `kW`); empty for a ratio or a class. */
  readonly unit: string;
  /** Emissions: the O₂ content they are referred to; a value at another reference is not compared. */
  readonly o2_reference_percent?: number;
}

/**
 * When a row applies, read on the geste: `in` its folded text starts with one of `values`
 * (equals one when `exact`), `>` / `<=` its number against `value`, `not_true` it is not stated true.
 */
export interface RowCondition {
  readonly attribute: string;
  readonly op: 'in' | '>' | '<=' | 'not_true';
  readonly values?: readonly string[];
  readonly value?: number;
  readonly exact?: boolean;
}

export interface AidThresholdRow {
  readonly id: string;
  /** `threshold`: compared; `scheme`: a change of the aids, shown as a line; `note`: documentation. */
  readonly kind: 'threshold' | 'scheme' | 'note';
  readonly gestes: readonly GesteType[];
  /** Finding raised when a confirmed threshold row fails. */
  readonly code?: FindingCode;
  /** Rows of one group are alternatives: the geste passes when one applicable row passes. */
  readonly group?: string;
  /** All must hold for the row to pass. */
  readonly criteria: readonly ThresholdCriterion[];
  /** All must hold for the row to apply. */
  readonly conditions: readonly RowCondition[];
  /** French: the case the row is for (« au-delà de 20 kW »). */
  readonly condition_label?: string;
  readonly scheme: Scheme;
  /** Where the value comes from: fiche and version, legal text, corpus files. */
  readonly source: string;
  /** French, short: the source as a person reads it (« fiche CEE BAR-EN-101 »). */
  readonly source_label: string;
  /** ISO dates, both included; `valid_to` null = in force as far as known. */
  readonly valid_from: string;
  readonly valid_to: string | null;
  /** Why `valid_from` is that date. */
  readonly valid_from_basis: string;
  readonly confidence: Confidence;
  /** French: the line shown for a `scheme` row. */
  readonly message?: string;
  /** English: for maintainers. */
  readonly note?: string;
}

export interface AidThresholdTable {
  readonly description: string;
  readonly updated: string;
  readonly rows: readonly AidThresholdRow[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Every reason a row is malformed (empty when it is well formed). */
export function rowProblems(row: AidThresholdRow): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${row.id}: ${what}`);
  };
  need(['threshold', 'scheme', 'note'].includes(row.kind), 'unknown kind');
  need(row.gestes.every(isGesteType), 'unknown geste type');
  need(SCHEMES.includes(row.scheme), 'unknown scheme');
  need(CONFIDENCES.includes(row.confidence), 'unknown confidence');
  need(row.source.trim() !== '' && row.source_label.trim() !== '', 'no source');
  need(ISO_DATE.test(row.valid_from) && row.valid_from_basis.trim() !== '', 'no valid_from');
  need(
    row.valid_to === null || (ISO_DATE.test(row.valid_to) && row.valid_to >= row.valid_from),
    'bad valid_to',
  );
  if (row.kind === 'threshold') {
    need(row.code !== undefined && isFindingCode(row.code), 'no finding code');
    need(row.group !== undefined && row.gestes.length > 0, 'no group or no geste');
    need(row.criteria.length > 0, 'no criterion');
    need(
      row.criteria.every((c) => COMPARATORS.includes(c.comparator)),
      'unknown comparator',
    );
  }
  if (row.kind === 'scheme') need((row.message ?? '').trim() !== '', 'no message');
  return problems;
}

/** The table as typed rows; throws on the first malformed row (a data bug, caught by tests). */
export function parseAidThresholdTable(json: unknown): AidThresholdTable {
  const table = json as AidThresholdTable;
  const problems = table.rows.flatMap(rowProblems);
  if (problems.length > 0) throw new Error(`aid-thresholds.json: ${problems.join('; ')}`);
  return table;
}

export const AID_THRESHOLDS: AidThresholdTable = parseAidThresholdTable(data);
