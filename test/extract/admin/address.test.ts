import { describe, expect, test } from '@jest/globals';
import {
  addressFromLine,
  formatAddress,
  isStreetLike,
  matchPostcode,
  streetTail,
} from '../../../src/extract/admin/address.js';

describe('matchPostcode', () => {
  test.each([
    ['22440 Ploufragan', '22440', 'Ploufragan', ''],
    ['14760 Bretteville-sur-Odon', '14760', 'Bretteville-sur-Odon', ''],
    ['210 route de Bourg – 39570 Montmorot', '39570', 'Montmorot', '210 route de Bourg'],
    ['7 rue X, 75008 PARIS CEDEX 08', '75008', 'PARIS CEDEX', '7 rue X'],
    ['01000 Bourg-en-Bresse   Date : 06/10/2026', '01000', 'Bourg-en-Bresse', ''],
    ['F-74200 Thonon-les-Bains', '74200', 'Thonon-les-Bains', ''],
    ['20000 Ajaccio Tél. 04 65 71 00 00', '20000', 'Ajaccio', ''],
  ])('%s', (text, postcode, city, before) => {
    expect(matchPostcode(text)).toEqual({ postcode, city, before });
  });

  test.each([
    'SIRET 812 754 034 00021',
    'Qté 62 m²',
    'Attestation n° ATT-2026-004871',
    '12 455,00 €',
    '00500 Nulle',
  ])('%s has no postcode', (text) => {
    expect(matchPostcode(text)).toBeUndefined();
  });
});

test('isStreetLike', () => {
  expect(isStreetLike('ZA de la Grange, 4 rue des Artisans')).toBe(true);
  expect(isStreetLike('Hameau de Vaudelin')).toBe(true);
  expect(isStreetLike('5 bis avenue de la République')).toBe(true);
  expect(isStreetLike('Tél. 01 99 00 12 34')).toBe(false);
  expect(isStreetLike('Isolation – Combles – Murs')).toBe(false);
});

test('streetTail', () => {
  expect(streetTail('ATELIER EXEMPLE – 4 rue des Artisans')).toBe('4 rue des Artisans');
  expect(streetTail('Siège social : 14 boulevard de la Reine')).toBe('14 boulevard de la Reine');
  expect(streetTail('ZA Les Paluds – 210 avenue de la Fleuride')).toBe(
    'ZA Les Paluds – 210 avenue de la Fleuride',
  );
  expect(streetTail('La Grange Neuve | 12 route de Vichy')).toBe(
    'La Grange Neuve | 12 route de Vichy',
  );
});

test('formatAddress and addressFromLine', () => {
  expect(formatAddress(['ZA des Iles – 15 rue Ampère', '  Bât. B '], '38000', 'Grenoble')).toBe(
    'ZA des Iles, 15 rue Ampère, Bât. B, 38000 Grenoble',
  );
  expect(addressFromLine('7 rue des Hortensias, 22190 Plérin')).toBe(
    '7 rue des Hortensias, 22190 Plérin',
  );
  expect(addressFromLine('Visite du 22190')).toBeUndefined();
});
