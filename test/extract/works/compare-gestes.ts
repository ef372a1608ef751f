/**
 * Test helper: compares emitted gestes with expected ones the way the evaluation does. Expected
 * gestes are paired with emitted gestes of the same type and price; every expected key is
 * checked (a `null` expects the key to be absent); keys emitted beyond the expected ones are free.
 */
import type { Geste } from '../../../src/domain/attributes.js';

export type ExpectedGeste = Record<string, string | number | boolean | null>;

export interface Mismatch {
  geste: number;
  key: string;
  expected: unknown;
  got: unknown;
}

function normalise(value: unknown): string {
  return String(value)
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const UNITS: Record<string, string> = {
  forf: 'forfait',
  forfait: 'forfait',
  ens: 'ens',
  ensemble: 'ens',
  m2: 'm²',
};

function normaliseUnit(value: unknown): string {
  const text = String(value).toLowerCase().replace(/\.+$/u, '').trim();
  return UNITS[text] ?? text;
}

function same(key: string, expected: unknown, got: unknown): boolean {
  if (expected === null) return got === undefined;
  if (got === undefined) return false;
  if (typeof expected === 'number')
    return typeof got === 'number' && Math.abs(expected - got) <= 0.011;
  if (typeof expected === 'boolean') return expected === got;
  if (key === 'unite') return normaliseUnit(expected) === normaliseUnit(got);
  if (key === 'intitule' || key === 'numero_ligne') {
    const [a, b] = [normalise(expected), normalise(got)];
    return a.includes(b) || b.includes(a);
  }
  return normalise(expected) === normalise(got);
}

function priceOf(g: Record<string, unknown>): unknown {
  return g.prix_ht ?? g.prix_ttc;
}

/** Pairs each expected geste with an emitted one of the same type (same price first). */
export function pairGestes(
  expected: readonly ExpectedGeste[],
  emitted: readonly Geste[],
): (number | undefined)[] {
  const used = new Set<number>();
  const rows = emitted as unknown as Record<string, unknown>[];
  const pick = (e: ExpectedGeste, withPrice: boolean): number | undefined => {
    const index = rows.findIndex(
      (g, i) =>
        !used.has(i) && g.type === e.type && (!withPrice || same('prix', priceOf(e), priceOf(g))),
    );
    return index < 0 ? undefined : index;
  };
  const pairs = expected.map((e) => {
    const index = pick(e, true);
    if (index !== undefined) used.add(index);
    return index;
  });
  return pairs.map((index, i) => {
    if (index !== undefined) return index;
    const late = pick(expected[i] as ExpectedGeste, false);
    if (late !== undefined) used.add(late);
    return late;
  });
}

/** Every difference between expected and emitted gestes, plus unexpected extra gestes. */
export function compareGestes(
  expected: readonly ExpectedGeste[],
  emitted: readonly Geste[],
): Mismatch[] {
  const pairs = pairGestes(expected, emitted);
  const out: Mismatch[] = [];
  expected.forEach((e, i) => {
    const index = pairs[i];
    if (index === undefined) {
      out.push({ geste: i, key: 'type', expected: e.type, got: undefined });
      return;
    }
    const got = emitted[index] as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(e)) {
      if (!same(key, value, got[key])) out.push({ geste: i, key, expected: value, got: got[key] });
    }
  });
  emitted.forEach((g, i) => {
    if (!pairs.includes(i)) out.push({ geste: -1, key: 'type', expected: undefined, got: g.type });
  });
  return out;
}
