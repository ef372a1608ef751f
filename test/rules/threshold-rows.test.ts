/**
 * Every threshold row of the table, alone (issue 12, item 5): a value just below the threshold
 * fails it, a value at it and just above pass (mirrored for maxima, strict for « > »); a confirmed
 * row raises its finding with its source, the others an à vérifier line; one day before the row's
 * validity, or one day after, nothing is raised.
 */
import { describe, expect, it } from '@jest/globals';
import type { AidThresholdRow, ThresholdCriterion } from '../../src/domain/aid-thresholds.js';
import { AID_THRESHOLDS } from '../../src/domain/aid-thresholds.js';
import { checkAt, dayShift, tableOf } from './threshold-helpers.js';

type Probe = [label: string, value: number | string, fails: boolean];

function step(value: number): number {
  return Number.isInteger(value) && value >= 10 ? 1 : 0.01;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Values just on the wrong side, at, and just on the right side of a criterion. */
function probes(c: ThresholdCriterion): Probe[] {
  if (c.comparator === 'class_at_least') {
    const scale = ['A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const at = scale.indexOf(String(c.value));
    return [
      ['worse', scale[at + 1]!, true],
      ['at', scale[at]!, false],
      ['better', scale[at - 1]!, false],
    ];
  }
  if (c.comparator === 'one_of') {
    return [
      ['worse', 'III', true],
      ['at', 'IV', false],
      ['best', 'VIII', false],
    ];
  }
  const v = Number(c.value);
  const s = step(v);
  switch (c.comparator) {
    case '>=':
      return [
        ['just below', round(v - s), true],
        ['at', v, false],
        ['just above', round(v + s), false],
      ];
    case '>':
      return [
        ['just below', round(v - s), true],
        ['at', v, true],
        ['just above', round(v + s), false],
      ];
    default:
      return [
        ['just above', round(v + s), true],
        ['at', v, false],
        ['just below', round(v - s), false],
      ];
  }
}

/** A geste of the row's first type meeting its conditions, every criterion passing. */
function passingGeste(row: AidThresholdRow): Record<string, unknown> {
  const geste: Record<string, unknown> = { type: row.gestes[0] };
  for (const c of row.conditions) {
    if (c.op === 'in') geste[c.attribute] = c.values?.[0];
    if (c.op === '>') geste[c.attribute] = (c.value ?? 0) + 1;
    if (c.op === '<=') geste[c.attribute] = c.value;
  }
  for (const c of row.criteria) {
    geste[c.attribute] = probes(c).find(([, , fails]) => !fails)?.[1];
    if (c.o2_reference_percent !== undefined) geste.emission_reference_o2 = c.o2_reference_percent;
  }
  return geste;
}

const rows = AID_THRESHOLDS.rows.filter((r) => r.kind === 'threshold');

const cases = rows.flatMap((row) =>
  row.criteria.flatMap((c) =>
    probes(c).map(([label, value, fails]) => [
      `${row.id} (${row.confidence}): ${c.attribute} ${label} ${c.comparator} ${JSON.stringify(c.value)}`,
      row,
      c.attribute,
      value,
      fails,
    ]),
  ),
) as [string, AidThresholdRow, string, number | string, boolean][];

describe('each threshold row, alone', () => {
  it('covers every threshold row', () => {
    expect(rows.length).toBeGreaterThan(60);
    expect(cases.length).toBeGreaterThanOrEqual(rows.length * 3);
  });

  it.each(cases)('%s', (_name, row, attribute, value, fails) => {
    const geste = { ...passingGeste(row), [attribute]: value };
    const result = checkAt([geste], row.valid_from, tableOf(row));
    const confirmed = row.confidence === '✓';
    if (!fails) {
      expect(result.findings).toEqual([]);
      expect(result.lines).toEqual([]);
    } else if (confirmed) {
      expect(result.findings.map((f) => f.code)).toEqual([row.code]);
      expect(result.findings[0]?.problem).toContain(row.source_label);
      expect(result.lines).toEqual([]);
    } else {
      expect(result.findings).toEqual([]);
      expect(result.lines).toHaveLength(1);
      expect(result.lines[0]?.kind).toBe('threshold');
      expect(result.lines[0]?.label).toContain(row.source_label);
      expect(result.lines[0]?.label).toContain('seuil à confirmer');
    }
    // a confirmed row is a control whenever its value was compared
    expect(result.controls).toEqual(confirmed ? [row.code] : []);
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s: nothing outside its validity', (_id, row) => {
    const failing = probes(row.criteria[0]!).find(([, , fails]) => fails)!;
    const geste = { ...passingGeste(row), [row.criteria[0]!.attribute]: failing[1] };
    const before = checkAt([geste], dayShift(row.valid_from, -1), tableOf(row));
    expect(before.findings).toEqual([]);
    expect(before.lines).toEqual([]);
    expect(before.controls).toEqual([]);
    if (row.valid_to !== null) {
      const after = checkAt([geste], dayShift(row.valid_to, 1), tableOf(row));
      expect(after.findings).toEqual([]);
      expect(after.lines).toEqual([]);
    }
  });
});
