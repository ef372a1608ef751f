import { describe, expect, it } from '@jest/globals';
import { GESTE_TYPES } from '../../src/domain/geste-types.js';
import { CERTIFICATE_GESTES, DOMAIN_GESTES } from '../../src/rules/ademe-mapping.js';
import type { AdemeQualification } from '../../src/rules/rge.js';
import {
  coversDate,
  gesteTypesOf,
  isValidSiret,
  matchesAnyLabel,
  normaliseRgeLabels,
  rgeNumberOfLabel,
  rgeNumberOfQualification,
} from '../../src/rules/rge.js';

const qualification = (over: Partial<AdemeQualification> = {}): AdemeQualification => ({
  id: 'Q90513-5311D108-2025-12-03',
  domaine: [],
  ...over,
});

describe('SIRET format', () => {
  it.each<[unknown, boolean]>([
    ['12345678900007', true],
    [' 123 456 789\u00a000007 ', true],
    [12345678900007, true],
    ['35600000000012', true],
    ['12345678900008', false],
    ['123456789', false],
    ['123456789000070', false],
    ['SIRET 12345678900007', false],
    ['', false],
    [null, false],
    [{}, false],
  ])('%j → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});

describe('RGE numbers (spec/rules.md §5.1)', () => {
  it.each<[string, string | undefined]>([
    ['E-E178489', '178489'],
    ['QB/74612', '74612'],
    ['RE16128', '16128'],
    ['Q90513', '90513'],
    ['QPAC/12', undefined],
    ['12345-QB', undefined],
    ['QUALIBAT', undefined],
  ])('label %s → %s', (label, number) => {
    expect(rgeNumberOfLabel(label)).toBe(number);
  });

  it.each<[string, string | undefined]>([
    ['Q90513-5311D108-2025-12-03', '90513'],
    ['E-E178489-AB12-2024-01-01', '178489'],
    ['QX-12-123-', '123'],
    ['sans-numero', undefined],
  ])('qualification %s → %s', (id, number) => {
    expect(rgeNumberOfQualification(qualification({ id }))).toBe(number);
  });

  it('matches any quote label, only when both carry a number', () => {
    const q = qualification();
    expect(matchesAnyLabel(q, ['QB/11111', 'QPV/90513'])).toBe(true);
    expect(matchesAnyLabel(q, ['QB/11111'])).toBe(false);
    expect(matchesAnyLabel(qualification({ id: 'sans-numero' }), ['QUALIBAT'])).toBe(false);
  });

  it('normalises labels: whitespace removed, blanks dropped, de-duplicated', () => {
    expect(normaliseRgeLabels([' QB / 74612', '', 'QB/74612', 'E-E1 78489', null])).toEqual([
      'QB/74612',
      'E-E178489',
    ]);
    expect(normaliseRgeLabels('QB/1234')).toEqual(['QB/1234']);
    expect(normaliseRgeLabels(undefined)).toEqual([]);
  });

  it.each<[Partial<AdemeQualification>, string, boolean]>([
    [{ date_debut: '2025-01-01', date_fin: '2026-12-31' }, '2026-10-14', true],
    [{ date_debut: '2026-10-14', date_fin: '2026-10-14' }, '2026-10-14', true],
    [{ date_debut: '2026-10-15', date_fin: '2027-10-14' }, '2026-10-14', false],
    [{ date_debut: '2024-01-01', date_fin: '2026-10-13' }, '2026-10-14', false],
    [{ date_debut: '2024-01-01T00:00:00Z' }, '2026-10-14', true],
    [{ date_debut: 'hier', date_fin: '2027-01-01' }, '2026-10-14', false],
  ])('covers %j on %s: %s', (dates, date, covered) => {
    expect(coversDate(qualification(dates), date)).toBe(covered);
  });
});

describe('ADEME → geste mapping (spec/rules.md §5.7)', () => {
  it('has 32 domains (13 mapped) and 41 certificate names (1 mapped)', () => {
    const domains = Object.values(DOMAIN_GESTES);
    expect(domains).toHaveLength(32);
    expect(domains.filter((types) => types.length > 0)).toHaveLength(13);
    const certificates = Object.values(CERTIFICATE_GESTES);
    expect(certificates).toHaveLength(41);
    expect(certificates.filter((types) => types.length > 0)).toHaveLength(1);
  });

  it('covers the 21 canonical geste types with known types only', () => {
    const mapped = new Set(
      [...Object.values(DOMAIN_GESTES), ...Object.values(CERTIFICATE_GESTES)].flat(),
    );
    expect([...mapped].sort()).toEqual([...GESTE_TYPES].sort());
  });

  it('keys domains exactly (double space, accents)', () => {
    const key = "Isolation par l'intérieur des murs ou rampants de toitures  ou plafonds";
    expect(gesteTypesOf(qualification({ domaine: [key] }))).toEqual([
      'isolation_rampants_toiture',
      'isolation_thermique_par_interieur_ITI',
    ]);
    expect(gesteTypesOf(qualification({ domaine: [key.replace('  ', ' ')] }))).toEqual([]);
    expect(CERTIFICATE_GESTES).toHaveProperty(['Tableau de l\u00b4Ordre']);
  });

  it('unions domains and certificate name, sorted, without duplicates', () => {
    const q = qualification({
      domaine: ['Chauffe-Eau Thermodynamique', 'Chaudière bois'],
      nom_certificat: 'Chauffage +',
    });
    expect(gesteTypesOf(q)).toEqual([
      'chaudiere_biomasse',
      'chauffe_eau_solaire_individuel',
      'chauffe_eau_thermo',
    ]);
  });
});
