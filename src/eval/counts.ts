/**
 * Counting conventions: for one value, a correct non-null reading is a true positive; a non-null
 * reading where the truth is null is a false positive; a null reading where the truth is non-null
 * is a false negative; a wrong non-null reading is both a false positive and a false negative.
 * Precision is over the non-null values we emitted, recall over the non-null truth values.
 */
import { isPresent, type Comparator } from './compare.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  /** Null when nothing was emitted (no denominator). */
  precision: number | null;
  /** Null when the truth has no value (no denominator). */
  recall: number | null;
  f1: number | null;
}

export function zeroCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addCounts(target: Counts, more: Counts): Counts {
  target.tp += more.tp;
  target.fp += more.fp;
  target.fn += more.fn;
  return target;
}

/** Adds `more` into `table[key]`, creating the entry when needed. */
export function addTo(table: Record<string, Counts>, key: string, more: Counts): void {
  table[key] = addCounts(table[key] ?? zeroCounts(), more);
}

export function scoreValue(truth: unknown, emitted: unknown, same: Comparator): Counts {
  const t = isPresent(truth);
  const e = isPresent(emitted);
  if (t && e) return same(truth, emitted) ? { tp: 1, fp: 0, fn: 0 } : { tp: 0, fp: 1, fn: 1 };
  if (t) return { tp: 0, fp: 0, fn: 1 };
  if (e) return { tp: 0, fp: 1, fn: 0 };
  return zeroCounts();
}

/** Multiset comparison: elements are matched by their key, each truth element at most once. */
export function scoreMultiset(
  truth: readonly unknown[],
  emitted: readonly unknown[],
  key: (v: unknown) => string,
): Counts {
  const remaining = new Map<string, number>();
  const truthKeys = truth.filter(isPresent).map(key);
  for (const k of truthKeys) remaining.set(k, (remaining.get(k) ?? 0) + 1);
  let tp = 0;
  let emittedCount = 0;
  for (const value of emitted.filter(isPresent)) {
    emittedCount += 1;
    const k = key(value);
    const left = remaining.get(k) ?? 0;
    if (left > 0) {
      tp += 1;
      remaining.set(k, left - 1);
    }
  }
  return { tp, fp: emittedCount - tp, fn: truthKeys.length - tp };
}

export function toPrf(counts: Counts): Prf {
  const { tp, fp, fn } = counts;
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  let f1: number | null = null;
  if (precision !== null && recall !== null) {
    f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  } else if (precision !== null || recall !== null) {
    // Only one side has values (so no true positive): F1 is 0.
    f1 = 0;
  }
  return { tp, fp, fn, precision, recall, f1 };
}
