/**
 * Prices validator (spec/rules.md §3.12, fixed): a geste's price outside the configured range
 * gives a hidden `geste_prix_inhabituel` warning. Insulation is priced per m² (unit price);
 * other gestes by their price excl. VAT. No ranges → nothing evaluated.
 */
import type { GesteType } from '../domain/geste-types.js';
import { GESTE_GROUPS } from '../domain/geste-types.js';
import type { FindingCollector } from './finding-collector.js';
import type { PreparedGeste } from './prepare-gestes.js';
import type { PriceRanges } from './validation-context.js';
import { toNumber } from './values.js';

const PRICED_PER_UNIT: readonly GesteType[] = GESTE_GROUPS.isolation;

/** The price compared with the range; undefined when it cannot be read. */
export function gestePrice(geste: PreparedGeste, type: GesteType): number | undefined {
  const total = toNumber(geste.data['prix_ht']);
  if (!PRICED_PER_UNIT.includes(type)) return total;
  const unit = toNumber(geste.data['prix_unitaire_ht']);
  if (unit !== undefined || total === undefined) return unit;
  return total / Math.max(toNumber(geste.data['quantite']) ?? 0, 1);
}

export function checkPrices(
  gestes: readonly PreparedGeste[],
  ranges: PriceRanges | undefined,
  collector: FindingCollector,
): void {
  for (const geste of gestes) {
    const range = geste.type === undefined ? undefined : ranges?.[geste.type];
    if (geste.type === undefined || range === undefined) continue;
    const price = gestePrice(geste, geste.type);
    if (price === undefined || price === 0) continue;
    collector.control('geste_prix_inhabituel', price < range.min || price > range.max, {
      gesteId: geste.id,
      providedValue: price,
    });
  }
}
