import { describe, expect, it } from '@jest/globals';
import {
  normaliseUnit,
  sameDate,
  sameIdentifier,
  sameLenientText,
  sameLongText,
  sameNumber,
  samePhone,
  sameText,
  sameWebsite,
} from '../../src/eval/compare.js';

describe('comparison rules', () => {
  it.each([
    ['ISOLATION DU VAL', 'Isolation du Val', true],
    ['12 rue des Essais, 99000 Villefictive', '12 rue des Essais 99000 VILLEFICTIVE', true],
    ['Saint-Essai', 'SAINT ESSAI', true],
    ['Élodie', 'Elodie', false],
    ['Madame', 'Mme', false],
  ])('text %s vs %s → %s', (a, b, expected) => {
    expect(sameText(a, b)).toBe(expected);
  });

  it('long texts match when one contains the other and is at least 80 % as long', () => {
    expect(sameLongText('Mutuelle Test, contrat n° 123', 'Mutuelle Test contrat n° 123')).toBe(
      true,
    );
    expect(sameLongText('travaux sous 4 semaines', 'travaux sous 4 semaines.')).toBe(true);
    expect(
      sameLongText('travaux sous 4 semaines après acceptation du devis', 'sous 4 semaines'),
    ).toBe(false);
  });

  it('lenient texts match on containment only', () => {
    expect(sameLenientText('Fenêtre PVC – Séjour', 'Remplacement : fenêtre PVC séjour')).toBe(true);
    expect(sameLenientText('1.2', '2')).toBe(true);
    expect(sameLenientText('Laine', 'Ouate')).toBe(false);
  });

  it('identifiers and phones compare on their characters that matter', () => {
    expect(sameIdentifier('123 456 789 00012', '12345678900012')).toBe(true);
    expect(sameIdentifier('fr00123456789', 'FR 00 123456789')).toBe(true);
    expect(sameIdentifier('123456789', '12345678900012')).toBe(false);
    expect(samePhone('0199001234', '+33 1 99 00 12 34')).toBe(true);
    expect(samePhone('0199001234', '01.99.00.12.35')).toBe(false);
  });

  it('numbers within 0.01 (relative 1e-4 when large), French strings accepted', () => {
    expect(sameNumber(1582.5, 1582.505)).toBe(true);
    expect(sameNumber(1582.5, 1582.7)).toBe(false);
    expect(sameNumber(15.5, 15.52)).toBe(false);
    expect(sameNumber(250000, 250010)).toBe(true);
    expect(sameNumber(1234.56, '1 234,56')).toBe(true);
    expect(sameNumber(7, 'sept')).toBe(false);
  });

  it('dates, units, web sites', () => {
    expect(sameDate('2026-10-06', '06/10/2026')).toBe(true);
    expect(sameDate('2026-10-06', '2026-10-07')).toBe(false);
    expect(['m2', 'M2', 'm²', ' m² '].map(normaliseUnit)).toEqual(['m²', 'm²', 'm²', 'm²']);
    expect(['u', 'U', 'unité', 'U.'].map(normaliseUnit)).toEqual(['u', 'u', 'u', 'u']);
    expect(normaliseUnit('forf.')).toBe(normaliseUnit('Forfait'));
    expect(sameWebsite('www.exemple.fr', 'https://exemple.fr/')).toBe(true);
  });
});
