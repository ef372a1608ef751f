/**
 * Matching the values read at the end of a row to the header's columns, in order, each cell
 * possibly empty; a matching is scored on how much it looks like prices (formatted amounts, a VAT
 * rate where VAT is expected, quantity × unit price = total).
 */
import type { Column, Tax } from './header.js';
import type { Value } from './row-values.js';

export interface RowValues {
  quantite?: number;
  unite?: string;
  puHt?: number;
  totalHt?: number;
  puTtc?: number;
  totalTtc?: number;
  tvaRate?: number;
  tvaCode?: string;
  remise?: number;
}

export interface Evidence {
  amounts: number;
  unit: boolean;
  formatted: boolean;
  currency: boolean;
  quantity: boolean;
  consistent: boolean;
}

const VAT_RATES = new Set([0, 2.1, 5.5, 7, 8.5, 10, 13, 19.6, 20]);

export interface Slot {
  column: Column;
  value: Value;
  unit?: Value;
}

function isMoney(v: Value): boolean {
  return v.kind === 'num' && !v.pct;
}

function fits(column: Column, v: Value, codes: ReadonlySet<string>): boolean {
  if (v.kind === 'dash') return true;
  switch (column.kind) {
    case 'qty':
      return v.kind === 'num' && !v.cur && !v.pct && (v.n ?? -1) >= 0;
    case 'unit':
      return v.kind === 'unit';
    case 'pu':
    case 'total':
    case 'tvaAmount':
      return isMoney(v);
    case 'tva':
      if (v.kind === 'code') return codes.has(v.text);
      return v.kind === 'num' && !v.cur && (v.pct || ((v.n ?? 99) <= 30 && (v.n ?? -1) >= 0));
    case 'remise':
      return v.kind === 'num' && (v.pct || v.cur);
  }
}

function taxOf(slot: Slot): Tax {
  return slot.value.tax ?? slot.column.tax ?? 'ht';
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.02, Math.abs(b) * 0.005);
}

/** Fills the row values from matched slots. */
export function valuesOf(slots: Slot[], codes: ReadonlySet<string>): RowValues {
  const out: RowValues = {};
  for (const s of slots) {
    const v = s.value;
    if (v.kind === 'dash') continue;
    const n = v.n;
    const kind = s.column.kind;
    if (kind === 'qty' && n !== undefined) {
      out.quantite = n;
      if (s.unit?.unit) out.unite = s.unit.unit;
    } else if (kind === 'unit' && v.unit) out.unite = v.unit;
    else if (kind === 'pu' && n !== undefined) {
      const key = taxOf(s) === 'ttc' ? 'puTtc' : 'puHt';
      // supply and labour unit prices in two columns add up to the unit price
      const earlier = s.column.part ? out[key] : undefined;
      out[key] = earlier === undefined ? n : Math.round((earlier + n) * 100) / 100;
    } else if (kind === 'total' && n !== undefined)
      out[taxOf(s) === 'ttc' ? 'totalTtc' : 'totalHt'] = n;
    else if (kind === 'remise' && n !== undefined) out.remise = Math.abs(n);
    else if (kind === 'tva') {
      if (v.kind === 'code' || (!v.pct && codes.has(v.text))) out.tvaCode = v.text;
      else if (n !== undefined && (v.pct || VAT_RATES.has(n))) out.tvaRate = n;
      else if (n !== undefined) out.tvaCode = v.text;
    }
  }
  return out;
}

export function arithmeticScore(r: RowValues): number {
  const pu = r.puHt ?? r.puTtc;
  const total = r.puHt !== undefined ? r.totalHt : r.totalTtc;
  if (pu === undefined || total === undefined) return 0;
  if (r.quantite === undefined) return close(pu, total) ? 1 : 0;
  const factor = r.remise !== undefined ? 1 - r.remise / 100 : 1;
  if (close(r.quantite * pu * factor, total) || close(r.quantite * pu, total)) return 6;
  if (r.remise !== undefined && close(r.quantite * pu - r.remise, total)) return 6;
  return r.quantite >= 1 && pu > total && r.remise === undefined ? -4 : -2;
}

function slotScore(slots: Slot[], skipped: Column[], codes: ReadonlySet<string>): number {
  let score = slots.length * 0.5;
  const money = slots.filter(
    (s) => ['pu', 'total', 'tvaAmount'].includes(s.column.kind) && s.value.kind === 'num',
  );
  const formatted = money.some((s) => s.value.cur || s.value.decimals === 2);
  for (const s of money) {
    if (s.value.cur || s.value.decimals === 2) score += 0.5;
    else if (formatted) score -= 1.5;
  }
  for (const s of slots.filter((x) => x.column.kind === 'tva' && x.value.kind !== 'dash')) {
    const n = s.value.n;
    if (s.value.pct || s.value.kind === 'code' || codes.has(s.value.text)) score += 1;
    else if (n !== undefined && VAT_RATES.has(n)) score += 0.5;
    else score -= 1;
  }
  for (const c of skipped)
    score -= c.kind === 'total' ? 0.6 : c.kind === 'remise' || c.kind === 'tvaAmount' ? 0.05 : 0.3;
  if (money.length === 0) return Number.NEGATIVE_INFINITY;
  const values = valuesOf(slots, codes);
  // a bare number before a single amount is more often its thousands than a quantity
  if (
    values.quantite !== undefined &&
    values.unite === undefined &&
    values.puHt === undefined &&
    values.puTtc === undefined
  ) {
    score -= 1;
  }
  return score + arithmeticScore(values);
}

export interface Best {
  score: number;
  slots: Slot[];
}

/** Best matching of values to columns, every value used, columns kept in order. */
export function matchColumns(
  values: Value[],
  columns: Column[],
  codes: ReadonlySet<string>,
): Best | undefined {
  let best: Best | undefined;
  const walk = (i: number, j: number, slots: Slot[], skipped: Column[]): void => {
    if (i === values.length) {
      const score = slotScore(slots, [...skipped, ...columns.slice(j)], codes);
      if (Number.isFinite(score) && (!best || score > best.score)) best = { score, slots };
      return;
    }
    const column = columns[j];
    if (!column) return;
    walk(i, j + 1, slots, [...skipped, column]);
    const v = values[i] as Value;
    if (!fits(column, v, codes)) return;
    const next = values[i + 1];
    if (column.kind === 'qty' && next?.kind === 'unit' && columns[j + 1]?.kind !== 'unit') {
      walk(i + 2, j + 1, [...slots, { column, value: v, unit: next }], skipped);
    }
    walk(i + 1, j + 1, [...slots, { column, value: v }], skipped);
  };
  walk(0, 0, [], []);
  return best;
}

export function evidenceOf(slots: Slot[], values: RowValues): Evidence {
  const money = slots.filter(
    (s) => (s.column.kind === 'pu' || s.column.kind === 'total') && s.value.kind === 'num',
  );
  return {
    amounts: money.length,
    formatted: money.some((s) => s.value.cur || s.value.decimals === 2),
    currency: money.some((s) => s.value.cur),
    quantity: values.quantite !== undefined,
    unit: values.unite !== undefined,
    consistent: arithmeticScore(values) >= 6,
  };
}
