/** Shared checks of the geste-family tables: each control fires alone on its blank field. */
import { expect, it } from '@jest/globals';
import type { GesteType } from '../../src/domain/geste-types.js';
import type { ValidationResult } from '../../src/rules/validate-quote.js';
import { completeGeste, validateGestes, without } from './fixtures.js';

/** Codes of the findings attached to a geste. */
export function gesteCodes(result: ValidationResult): string[] {
  return result.details.filter((d) => d.geste_id !== undefined).map((d) => d.code);
}

/** Rows `[type, field removed, expected code]`. */
export function itRaisesOnBlankField(rows: readonly [GesteType, string, string][]): void {
  it.each(rows)('%s without %s raises %s', (type, field, code) => {
    expect(gesteCodes(validateGestes([without(completeGeste(type), field)]))).toEqual([code]);
  });
}

export function itPassesCompleteGestes(types: readonly GesteType[]): void {
  it.each(types.map((t) => [t]))('a complete %s raises nothing', (type) => {
    expect(validateGestes([completeGeste(type)]).errors).toEqual([]);
  });
}

/** Rows `[type, technical controls]` of spec/rules.md §3.16 (no SIRET: no RGE controls). */
export function itCountsControls(rows: readonly [GesteType, number][]): void {
  it.each(rows)('%s: %i technical controls + 3 price-presence', (type, technical) => {
    const result = validateGestes([{ type }]);
    expect(result.controlsCount).toBe(25 + technical + 3);
  });
}
