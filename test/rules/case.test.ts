import { describe, expect, it } from '@jest/globals';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import { fuzzyIntersection, validateCase } from '../../src/rules/case.js';
import { jaroWinkler, normaliseForComparison } from '../../src/rules/jaro-winkler.js';

const CASE_ID = 'case-0001';
const check = (attributes: QuoteAttributes) => ({ attributes });
const client = (prenom?: string, nom?: string, adresse?: string) =>
  check({ client: { prenom, nom, adresse } });

describe('validateCase (spec/rules.md §3.11, fixed)', () => {
  it('needs more than one quote', () => {
    const result = validateCase({ caseId: CASE_ID, checks: [client('Claire', 'Martin', 'X')] });
    expect(result.controlsCount).toBe(0);
  });

  it('accepts the same client written differently (case, accents, spaces)', () => {
    const result = validateCase({
      caseId: CASE_ID,
      checks: [
        client('Élodie', 'FAVRE-BONVIN', '46 chemin des Vignes, 74500 Publier'),
        client('elodie', 'Favre Bonvin', '46  CHEMIN DES VIGNES 74500 PUBLIER'),
      ],
    });
    expect(result.controlCodes).toEqual([
      'client_prenom_incoherent',
      'client_nom_incoherent',
      'client_adresse_incoherent',
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reports different clients as case findings', () => {
    const result = validateCase({
      caseId: CASE_ID,
      checks: [
        client('Claire', 'Martin', '2 rue Haute, 00000 Ville'),
        client('Paul', 'Martin', '9 avenue Basse, 11111 Bourg'),
      ],
    });
    expect(result.errors).toEqual(['client_prenom_incoherent', 'client_adresse_incoherent']);
    expect(result.details[0]).toMatchObject({
      id: `${CASE_ID}-1`,
      category: 'case_incoherence',
      type: 'error',
      from_case: true,
    });
    expect(result.details[1]?.id).toBe(`${CASE_ID}-2`);
    expect(result.details[0]).not.toHaveProperty('geste_id');
  });

  it('reads both client.* and the private-data lists, ignores absent values', () => {
    const result = validateCase({
      caseId: CASE_ID,
      checks: [
        check({ client: { nom: 'Martin' }, client_prenoms: ['Claire'] }),
        check({ client_noms_de_famille: ['MARTIN', 'Durand'], client_prenoms: ['Claire'] }),
        check({}),
      ],
    });
    expect(result.controlCodes).toEqual(['client_prenom_incoherent', 'client_nom_incoherent']);
    expect(result.errors).toEqual([]);
  });

  it('keeps only the values found on every quote', () => {
    expect(fuzzyIntersection([['claire', 'paul'], ['paul'], ['paule']])).toEqual(['paul']);
    expect(fuzzyIntersection([['claire'], ['paul']])).toEqual([]);
    expect(fuzzyIntersection([['claire']])).toEqual(['claire']);
  });
});

describe('jaroWinkler (upstream variant)', () => {
  it.each<[string, string, number]>([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', '', 0],
  ])('%s / %s ≈ %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('does not cap the common prefix at 4 characters', () => {
    // jaro = (11/12 + 1 + 1) / 3; prefix 11, weight min(0.1, 1/12)
    const jaro = (11 / 12 + 2) / 3;
    expect(jaroWinkler('abcdefghijk', 'abcdefghijkl')).toBeCloseTo(
      jaro + (1 / 12) * 11 * (1 - jaro),
      10,
    );
  });

  it('normalises case, accents, punctuation and spaces', () => {
    expect(normaliseForComparison('  Élodie  FAVRE-Bonvin, ')).toBe('elodie favre bonvin');
  });
});
