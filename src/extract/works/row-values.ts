/**
 * Values of the price columns of a row, built from its trailing tokens: numbers whose thousands
 * are separated by spaces are grouped ("1 120,00"), each followed by its currency, percent or
 * HT/TTC marker. Grouping is ambiguous ("2 1 120,00" or "2 1120,00"?), so every grouping is
 * produced and the caller keeps the one whose arithmetic adds up.
 */
import type { Tax } from './header.js';
import { toNumber } from './text.js';
import type { Token } from './tokens.js';

export interface Value {
  kind: 'num' | 'unit' | 'dash' | 'code';
  text: string;
  n?: number;
  unit?: string;
  cur: boolean;
  pct: boolean;
  tax?: Tax;
  /** Digits after the decimal mark. */
  decimals: number;
}

const GROUP_HEAD_RE = /^[-−]?\d{1,3}$/u;
const GROUP_TAIL_RE = /^\d{3}(?:[.,]\d+)?$/u;

/**
 * Indices i such that tokens[i] and tokens[i + 1] may be one number split by a space. Two
 * numbers in different cells (a wide gap on the page: « 1 | 948,00 ») are never one number.
 */
function mergeableBoundaries(tokens: Token[], cellStarts: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a?.kind !== 'num' || b?.kind !== 'num') continue;
    if (cellStarts.includes(b.start)) continue;
    if (!GROUP_HEAD_RE.test(a.text) && !/^\d{3}$/u.test(a.text)) continue;
    if (GROUP_TAIL_RE.test(b.text)) out.push(i);
  }
  return out;
}

function decimalsOf(text: string): number {
  const m = /[.,](\d+)$/u.exec(text);
  if (!m?.[1]) return 0;
  // `1.234` with three digits after a dot is a thousands group, not decimals
  if (m[1].length === 3 && /^\d{1,3}\.\d{3}$/u.test(text)) return 0;
  return m[1].length;
}

function newNumber(text: string): Value {
  const n = toNumber(text.replace(/−/gu, '-'));
  return { kind: 'num', text, n, cur: false, pct: false, decimals: decimalsOf(text) };
}

function attachMarker(last: Value | undefined, token: Token): boolean {
  if (!last || last.kind !== 'num') return false;
  if (token.kind === 'cur') last.cur = true;
  else if (token.kind === 'pct') last.pct = true;
  else if (token.kind === 'tax') last.tax = /^t/iu.test(token.text) ? 'ttc' : 'ht';
  else return false;
  return true;
}

function buildValues(
  tokens: Token[],
  merges: Set<number>,
  codes: ReadonlySet<string>,
): Value[] | undefined {
  const values: Value[] = [];
  let pending = '';
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.kind === 'num') {
      pending = pending ? `${pending} ${t.text}` : t.text;
      if (merges.has(i)) continue;
      values.push(newNumber(pending));
      pending = '';
      continue;
    }
    if (t.kind === 'cur' || t.kind === 'pct' || t.kind === 'tax') {
      if (!attachMarker(values[values.length - 1], t) && t.kind !== 'cur') return undefined;
      continue;
    }
    if (t.kind === 'unit')
      values.push({
        kind: 'unit',
        text: t.text,
        unit: t.unit,
        cur: false,
        pct: false,
        decimals: 0,
      });
    else if (t.kind === 'dash')
      values.push({ kind: 'dash', text: t.text, cur: false, pct: false, decimals: 0 });
    else if (codes.has(t.text))
      values.push({ kind: 'code', text: t.text, cur: false, pct: false, decimals: 0 });
    else return undefined;
  }
  if (values.some((v) => v.kind === 'num' && v.n === undefined)) return undefined;
  return values;
}

/** Every way of reading the tokens as values (one per grouping of space-separated thousands). */
export function valueReadings(
  tokens: Token[],
  codes: ReadonlySet<string>,
  cellStarts: readonly number[] = [],
): Value[][] {
  const boundaries = mergeableBoundaries(tokens, cellStarts).slice(-6);
  const readings: Value[][] = [];
  for (let mask = 0; mask < 1 << boundaries.length; mask += 1) {
    const merges = new Set(boundaries.filter((_, k) => (mask >> k) & 1));
    const values = buildValues(tokens, merges, codes);
    if (values) readings.push(values);
  }
  return readings;
}
