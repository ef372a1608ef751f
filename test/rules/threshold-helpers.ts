/** Shared helpers of the aid-threshold tests: validate gestes at a date, keep what thresholds say. */
import type { AidThresholdRow, AidThresholdTable } from '../../src/domain/aid-thresholds.js';
import { AID_THRESHOLDS } from '../../src/domain/aid-thresholds.js';
import { THRESHOLD_CODES } from '../../src/domain/finding-codes.js';
import type { ToVerify } from '../../src/domain/finding.js';
import { validateQuote } from '../../src/rules/validate-quote.js';

export interface ThresholdResult {
  /** `wrong` findings of ours: code and the French « Constat ». */
  findings: { code: string; problem: string; value: string }[];
  /** Threshold and scheme lines (à vérifier, information). */
  lines: ToVerify[];
  /** Threshold codes evaluated as controls. */
  controls: string[];
}

const isThreshold = (code: string) => (THRESHOLD_CODES as readonly string[]).includes(code);

/** The gestes of a quote dated `date` (undefined: no date) checked against `table`. */
export function checkAt(
  gestes: Record<string, unknown>[],
  date: string | undefined,
  table: AidThresholdTable = AID_THRESHOLDS,
  today = '2026-12-07',
): ThresholdResult {
  const result = validateQuote({
    checkId: 't',
    attributes: {
      type_fichier: 'devis',
      mention_devis: true,
      ...(date === undefined ? {} : { date_devis: date }),
      gestes: gestes.map((g) => ({ intitule: 'Ligne', ...g })) as never,
    },
    today,
    thresholds: table,
  });
  return {
    findings: result.details
      .filter((d) => isThreshold(d.code))
      .map((d) => ({
        code: d.code,
        problem: d.problem ?? '',
        value: String(d.provided_value ?? ''),
      })),
    lines: result.toVerify.filter((t) => t.kind !== undefined),
    controls: result.controlCodes.filter(isThreshold),
  };
}

/** A table holding only these rows. */
export function tableOf(...rows: AidThresholdRow[]): AidThresholdTable {
  return { ...AID_THRESHOLDS, rows };
}

export function row(id: string): AidThresholdRow {
  const found = AID_THRESHOLDS.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

/** Codes of the findings. */
export const codes = (r: ThresholdResult): string[] => r.findings.map((f) => f.code);

/** ISO date one day before or after. */
export function dayShift(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
