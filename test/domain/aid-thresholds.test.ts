/**
 * The dated table of aid thresholds (src/domain/aid-thresholds.json, DESIGN.md §11): every row
 * carries a source, dates and a confidence, and every threshold row can be evaluated.
 */
import { describe, expect, it } from '@jest/globals';
import {
  AID_THRESHOLDS,
  parseAidThresholdTable,
  rowProblems,
  type AidThresholdRow,
} from '../../src/domain/aid-thresholds.js';
import { THRESHOLD_CODES } from '../../src/domain/finding-codes.js';
import { ATTRIBUTE_QUANTITIES, QUANTITIES } from '../../src/domain/units.js';

const rows = AID_THRESHOLDS.rows;
const thresholds = rows.filter((r) => r.kind === 'threshold');

describe('aid thresholds table', () => {
  it.each(rows.map((r) => [r.id, r] as const))(
    '%s has a source, dates and a confidence',
    (_id, row) => {
      expect(rowProblems(row)).toEqual([]);
      expect(row.source.length).toBeGreaterThan(10);
      expect(row.source_label.length).toBeGreaterThan(5);
      expect(row.valid_from).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(row.valid_from_basis.length).toBeGreaterThan(5);
      expect(['✓', '~', '?']).toContain(row.confidence);
    },
  );

  it('has unique row ids', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('compares only attributes whose unit is known, in that unit', () => {
    for (const row of thresholds) {
      for (const c of row.criteria) {
        if (c.comparator === 'class_at_least' || c.comparator === 'one_of') {
          expect(c.unit).toBe('');
          continue;
        }
        const quantity = ATTRIBUTE_QUANTITIES[c.attribute];
        expect(quantity).toBeDefined();
        expect(`${row.id}: ${c.unit}`).toBe(`${row.id}: ${QUANTITIES[quantity!].unit}`);
        expect(typeof c.value).toBe('number');
      }
    }
  });

  it('uses every threshold code of the catalogue, and only those', () => {
    const used = new Set(thresholds.map((r) => r.code));
    expect([...used].sort()).toEqual([...THRESHOLD_CODES].sort());
  });

  it('keeps one code and one scheme per group', () => {
    const groups = new Map<string, AidThresholdRow[]>();
    for (const row of thresholds) {
      const key = `${row.code ?? ''}/${row.group ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, members] of groups) {
      expect(`${key}: ${new Set(members.map((r) => r.scheme)).size}`).toBe(`${key}: 1`);
    }
  });

  it('says each scheme change in French', () => {
    for (const row of rows.filter((r) => r.kind === 'scheme')) {
      expect(row.message).toMatch(/MaPrimeRénov'|CEE/u);
    }
  });

  it('continues every dated CEE row from 2026 at a lower confidence (6th period not found)', () => {
    const until2025 = thresholds.filter((r) => r.scheme === 'cee' && r.valid_to === '2025-12-31');
    expect(until2025.length).toBeGreaterThan(10);
    for (const row of until2025) {
      const next = rows.find((r) => r.id === `${row.id}-2026`);
      expect(next?.valid_from).toBe('2026-01-01');
      expect(next?.criteria).toEqual(row.criteria);
      expect(next?.confidence).not.toBe('✓');
    }
  });

  it('refuses a row without a source, a date or a confidence', () => {
    const good = thresholds[0]!;
    const bad = (patch: Partial<Record<keyof AidThresholdRow, unknown>>) => () =>
      parseAidThresholdTable({ ...AID_THRESHOLDS, rows: [{ ...good, ...patch }] });
    expect(bad({})).not.toThrow();
    expect(bad({ source: ' ' })).toThrow(/no source/u);
    expect(bad({ valid_from: '1/1/2024' })).toThrow(/valid_from/u);
    expect(bad({ valid_to: '2000-01-01' })).toThrow(/valid_to/u);
    expect(bad({ confidence: 'sure' })).toThrow(/confidence/u);
    expect(bad({ code: 'isolation_r_trop_bas' })).toThrow(/finding code/u);
  });
});
