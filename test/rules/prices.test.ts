import { describe, expect, it } from '@jest/globals';
import { deriveCheckStatus } from '../../src/domain/finding.js';
import type { PriceRanges } from '../../src/rules/validate-quote.js';
import { completeGeste, validateGestes } from './fixtures.js';

const RANGES: PriceRanges = {
  isolation_comble_perdu: { min: 15, max: 60 },
  pac_air_eau: { min: 5000, max: 20000 },
};

function priceFindings(gestes: unknown[], ranges?: PriceRanges) {
  const result = validateGestes(gestes, { priceRanges: ranges });
  const details = result.details.filter((d) => d.code === 'geste_prix_inhabituel');
  const controls = result.controlCodes.filter((c) => c === 'geste_prix_inhabituel').length;
  return { details, controls, result };
}

describe('prices validator (spec/rules.md §3.12, fixed)', () => {
  it('evaluates nothing without configured ranges', () => {
    expect(priceFindings([completeGeste('pac_air_eau')]).controls).toBe(0);
    expect(priceFindings([completeGeste('pac_air_eau')], {}).controls).toBe(0);
  });

  it.each<[string, Record<string, unknown>, number | null]>([
    ['heat pump in range', { type: 'pac_air_eau', prix_ht: 9000 }, null],
    ['heat pump too cheap', { type: 'pac_air_eau', prix_ht: 900 }, 900],
    ['heat pump price as text', { type: 'pac_air_eau', prix_ht: '25 000,00' }, 25000],
    ['loft priced per m²', { type: 'isolation_comble_perdu', prix_unitaire_ht: 12 }, 12],
    [
      'loft, unit price in range',
      { type: 'isolation_comble_perdu', prix_unitaire_ht: 30, prix_ht: 3000 },
      null,
    ],
    [
      'loft, total ÷ quantity',
      { type: 'isolation_comble_perdu', prix_unitaire_ht: null, prix_ht: 7000, quantite: 100 },
      70,
    ],
    ['bounds are inclusive', { type: 'pac_air_eau', prix_ht: 20000 }, null],
  ])('%s', (_name, fields, provided) => {
    const { details, controls } = priceFindings(
      [{ ...completeGeste(fields.type as 'pac_air_eau'), ...fields }],
      RANGES,
    );
    expect(controls).toBe(1);
    expect(details.map((d) => d.provided_value)).toEqual(provided === null ? [] : [provided]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no price', { type: 'pac_air_eau', prix_ht: null }],
    ['zero price', { type: 'pac_air_eau', prix_ht: 0 }],
    ['unreadable price', { type: 'pac_air_eau', prix_ht: 'sur devis' }],
    ['no range for the type', { type: 'poele_insert', prix_ht: 1 }],
  ])('skips the geste: %s', (_name, fields) => {
    const geste = { ...completeGeste(fields.type as 'pac_air_eau'), ...fields };
    expect(priceFindings([geste], RANGES).controls).toBe(0);
  });

  it('reports a hidden warning on the geste that leaves the check valid', () => {
    const { details, result } = priceFindings(
      [{ ...completeGeste('pac_air_eau'), prix_ht: 1 }],
      RANGES,
    );
    expect(details[0]).toMatchObject({
      category: 'geste_prices',
      type: 'warning',
      geste_id: expect.stringMatching(/-geste-1$/u),
    });
    expect(result.errors).toEqual(['geste_prix_inhabituel']);
    expect(deriveCheckStatus(result.details)).toBe('valid');
  });
});
