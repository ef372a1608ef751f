/**
 * Aid performance thresholds (DESIGN.md §11, issue 12): each geste's values against the rows of
 * the dated table (src/domain/aid-thresholds.json) valid at the quote's date.
 *
 * Rows of one group are alternatives covering every case (power bands, fuels, two Uw/Sw pairs):
 * the geste passes when one applicable row passes, fails when every applicable row fails. Among
 * alternatives, a row whose condition cannot be read stays applicable, so a value fails only when
 * it fails whatever the condition; a lone row whose condition cannot be read does not apply.
 * A failure of confirmed rows (✓) is a `wrong` finding stating the value read, the threshold,
 * the scheme and the source; a failure of rows of lower confidence is an *à vérifier* line.
 * Scheme changes valid at the date are lines too (`information` when confirmed). Pure.
 */
import type { AidThresholdRow, AidThresholdTable, Confidence } from '../domain/aid-thresholds.js';
import type { FindingCode } from '../domain/finding-codes.js';
import type { ToVerify } from '../domain/finding.js';
import { GESTE_TITLES, type GesteType } from '../domain/geste-types.js';
import type { FindingCollector } from './finding-collector.js';
import { gesteTarget, type PreparedGeste } from './prepare-gestes.js';
import {
  capitalised,
  requirementSentence,
  unconfirmedLine,
  valuesSentence,
  valueText,
  type FailedGroup,
  type ValueText,
} from './threshold-text.js';
import { conditionsHold, criterionValue, meets } from './threshold-values.js';
import type { Subject } from './values.js';

export interface ThresholdInput {
  readonly gestes: readonly PreparedGeste[];
  /** ISO date the rows must be valid at: the quote's date, else the day of the check. */
  readonly date: string;
  readonly table: AidThresholdTable;
}

interface GroupResult extends FailedGroup {
  readonly code: FindingCode;
  /** Code and compared attributes: groups with the same key make one finding. */
  readonly key: string;
  readonly state: 'pass' | 'fail' | 'unknown';
  /** The values read, in criterion order. */
  readonly values: readonly ValueText[];
}

const RANK: Readonly<Record<Confidence, number>> = { '✓': 2, '~': 1, '?': 0 };

export function isValidAt(row: AidThresholdRow, date: string): boolean {
  return row.valid_from <= date && (row.valid_to === null || date <= row.valid_to);
}

function evaluateGroup(rows: readonly AidThresholdRow[], geste: Subject): GroupResult | undefined {
  // a row whose condition is not read stays a candidate only among alternatives that cover
  // every case (power bands, fuels): alone, it may simply not apply
  const candidates = rows.filter((row) => {
    const holds = conditionsHold(geste, row.conditions);
    return holds === 'yes' || (holds === 'unknown' && rows.length > 1);
  });
  const first = candidates[0];
  if (first?.code === undefined) return undefined;
  const values = new Map<string, ValueText>();
  const states = candidates.map((row) => {
    const results = row.criteria.map((criterion) => {
      const read = criterionValue(geste, criterion);
      if (!read) return 'unknown';
      values.set(read.attribute, valueText(read, criterion.unit));
      return meets(read.value, criterion) ? 'pass' : 'fail';
    });
    if (results.includes('fail')) return 'fail';
    return results.every((r) => r === 'pass') ? 'pass' : 'unknown';
  });
  const state = states.includes('pass')
    ? 'pass'
    : states.every((s) => s === 'fail')
      ? 'fail'
      : 'unknown';
  const attributes = [...new Set(candidates.flatMap((r) => r.criteria.map((c) => c.attribute)))];
  const confidence = candidates.reduce<Confidence>(
    (low, row) => (RANK[row.confidence] < RANK[low] ? row.confidence : low),
    '✓',
  );
  return {
    code: first.code,
    key: `${first.code}:${attributes.sort().join(',')}`,
    state,
    rows: candidates,
    confidence,
    values: [...values.values()],
  };
}

/** The groups of threshold rows for this geste type valid at the date, in table order. */
function groupsFor(table: AidThresholdTable, type: GesteType, date: string) {
  const groups = new Map<string, AidThresholdRow[]>();
  for (const row of table.rows) {
    if (row.kind !== 'threshold' || !row.gestes.includes(type) || !isValidAt(row, date)) continue;
    const key = `${row.code ?? ''}/${row.group ?? row.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

function uniqueValues(groups: readonly GroupResult[]): ValueText[] {
  const byText = new Map<string, ValueText>();
  for (const value of groups.flatMap((g) => g.values)) byText.set(value.text, value);
  return [...byText.values()];
}

function checkGeste(
  geste: PreparedGeste & { type: GesteType },
  input: ThresholdInput,
  collector: FindingCollector,
): ToVerify[] {
  const lines: ToVerify[] = [];
  const byKey = new Map<string, GroupResult[]>();
  for (const rows of groupsFor(input.table, geste.type, input.date)) {
    const result = evaluateGroup(rows, geste.data);
    if (result) byKey.set(result.key, [...(byKey.get(result.key) ?? []), result]);
  }
  for (const results of byKey.values()) {
    const code = results[0]!.code;
    const confirmed = results.filter((r) => r.confidence === '✓' && r.state !== 'unknown');
    const failed = confirmed.filter((r) => r.state === 'fail');
    if (confirmed.length > 0) {
      const values = uniqueValues(failed);
      const problem =
        failed.length === 0
          ? undefined
          : `${capitalised(valuesSentence(values))} ; ${requirementSentence(geste.type, failed, 'exigent')}.`;
      collector.control(code, failed.length > 0, {
        ...gesteTarget(geste),
        ...(problem ? { problem, providedValue: values.map((v) => v.short).join(', ') } : {}),
      });
    }
    if (failed.length > 0) continue;
    const doubtful = results.filter((r) => r.confidence !== '✓' && r.state === 'fail');
    if (doubtful.length === 0) continue;
    const lowest = doubtful.reduce((low, r) =>
      RANK[r.confidence] < RANK[low.confidence] ? r : low,
    );
    const requirement = requirementSentence(geste.type, doubtful, 'exigeraient');
    lines.push({
      code,
      kind: 'threshold',
      geste_id: geste.id,
      label: unconfirmedLine(
        GESTE_TITLES[geste.type],
        uniqueValues(doubtful),
        requirement,
        lowest.confidence,
      ),
    });
  }
  return lines;
}

/** Scheme changes in force at the date for this geste type (a geste no longer funded…). */
function schemeLines(
  geste: PreparedGeste & { type: GesteType },
  input: ThresholdInput,
): ToVerify[] {
  return input.table.rows
    .filter((row) => row.kind === 'scheme' && row.gestes.includes(geste.type))
    .filter((row) => isValidAt(row, input.date))
    .map((row): ToVerify => ({
      code: row.id,
      kind: row.confidence === '✓' ? 'information' : 'scheme',
      geste_id: geste.id,
      label: `${GESTE_TITLES[geste.type]} : ${row.message ?? ''}`,
    }));
}

/** Records the threshold controls and findings of every geste; returns the lines to show. */
export function checkThresholds(input: ThresholdInput, collector: FindingCollector): ToVerify[] {
  const lines: ToVerify[] = [];
  for (const geste of input.gestes) {
    if (geste.type === undefined) continue;
    const typed = { ...geste, type: geste.type };
    lines.push(...checkGeste(typed, input, collector), ...schemeLines(typed, input));
  }
  return lines;
}
