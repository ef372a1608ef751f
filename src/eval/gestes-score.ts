/**
 * Geste scoring. Truth gestes are aligned with emitted gestes of the same type: first pairs with
 * an equal `prix_ht` (or, failing that, an equal `prix_ttc`), then the remaining ones in order.
 * In an aligned pair every attribute present in the truth geste is compared (attributes we emit
 * beyond the truth's keys are not counted); `intitule` and `numero_ligne` match when one contains
 * the other once normalised. An unmatched emitted geste counts its type and every non-null value
 * as false positives; an unmatched truth geste counts its type and every non-null value as misses.
 */
import type { Geste } from '../domain/attributes.js';
import {
  comparatorForValue,
  isPresent,
  sameLenientText,
  sameNumber,
  sameText,
  sameUnit,
  type Comparator,
} from './compare.js';
import { addTo, scoreValue, type Counts } from './counts.js';
import type { TruthGeste } from './truth.js';

const COMMON_COMPARATORS: Record<string, Comparator> = {
  intitule: sameLenientText,
  numero_ligne: sameLenientText,
  quantite: sameNumber,
  unite: sameUnit,
  prix_unitaire_ht: sameNumber,
  prix_ht: sameNumber,
  taux_tva: sameNumber,
  prix_unitaire_ttc: sameNumber,
  prix_ttc: sameNumber,
};

export interface GesteAlignment {
  /** [truth index, emitted index] pairs. */
  pairs: [number, number][];
  unmatchedTruth: number[];
  unmatchedEmitted: number[];
}

type Attributes = Record<string, unknown>;

function attributes(geste: Geste | TruthGeste): Attributes {
  return geste as unknown as Attributes;
}

function samePrice(truth: Attributes, emitted: Attributes, key: 'prix_ht' | 'prix_ttc'): boolean {
  return isPresent(truth[key]) && isPresent(emitted[key]) && sameNumber(truth[key], emitted[key]);
}

export function alignGestes(
  truth: readonly TruthGeste[],
  emitted: readonly Geste[],
): GesteAlignment {
  const pairs: [number, number][] = [];
  const usedTruth = new Set<number>();
  const usedEmitted = new Set<number>();
  const tryPair = (match: (t: Attributes, e: Attributes) => boolean): void => {
    truth.forEach((t, ti) => {
      if (usedTruth.has(ti)) return;
      const ei = emitted.findIndex(
        (e, i) => !usedEmitted.has(i) && e.type === t.type && match(attributes(t), attributes(e)),
      );
      if (ei < 0) return;
      pairs.push([ti, ei]);
      usedTruth.add(ti);
      usedEmitted.add(ei);
    });
  };
  tryPair((t, e) => samePrice(t, e, 'prix_ht'));
  tryPair((t, e) => samePrice(t, e, 'prix_ttc'));
  tryPair(() => true);
  pairs.sort((a, b) => a[0] - b[0]);
  return {
    pairs,
    unmatchedTruth: truth.map((_, i) => i).filter((i) => !usedTruth.has(i)),
    unmatchedEmitted: emitted.map((_, i) => i).filter((i) => !usedEmitted.has(i)),
  };
}

function isScalar(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** Counts per field row (`gestes.type`, `gestes.prix_ht`, `gestes.uw`, …) for one document. */
export function scoreGestes(
  truth: readonly TruthGeste[],
  emitted: readonly Geste[],
): Record<string, Counts> {
  const table: Record<string, Counts> = {};
  const alignment = alignGestes(truth, emitted);
  for (const [ti, ei] of alignment.pairs) {
    const t = attributes(truth[ti] as TruthGeste);
    const e = attributes(emitted[ei] as Geste);
    addTo(table, 'gestes.type', scoreValue(t.type, e.type, sameText));
    for (const [key, value] of Object.entries(t)) {
      if (key === 'type') continue;
      const same = COMMON_COMPARATORS[key] ?? comparatorForValue(value);
      addTo(table, `gestes.${key}`, scoreValue(value, e[key], same));
    }
  }
  for (const ti of alignment.unmatchedTruth) {
    for (const [key, value] of Object.entries(attributes(truth[ti] as TruthGeste))) {
      if (isPresent(value)) addTo(table, `gestes.${key}`, { tp: 0, fp: 0, fn: 1 });
    }
  }
  for (const ei of alignment.unmatchedEmitted) {
    for (const [key, value] of Object.entries(attributes(emitted[ei] as Geste))) {
      if (isScalar(value) && isPresent(value))
        addTo(table, `gestes.${key}`, { tp: 0, fp: 1, fn: 0 });
    }
  }
  return table;
}
