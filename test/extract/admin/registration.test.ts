import { describe, expect, test } from '@jest/globals';
import {
  findApe,
  findCapital,
  findRcsMentions,
  findRne,
  findSiret,
  findVatNumbers,
  pickVatNumber,
} from '../../../src/extract/admin/registration.js';

describe('findSiret', () => {
  test.each([
    ['SIRET 732 829 320 00074 – RCS', '73282932000074'],
    ['N° SIRET : 73282932000074', '73282932000074'],
    ['Siret n° 732.829.320.00074', '73282932000074'],
    ['SIRET : 732 829 320 000 74 APE 4322B', '73282932000074'],
    // defective documents: what is printed, whatever its length
    ['SIRET 732 829 320 – RCS Lyon', '732829320'],
    ['SIRET 732 829 320 0007 · RCS', '7328293200007'],
    ['SIREN : 732 829 320', '732829320'],
    ['Identifiant 732 829 320 00074', '73282932000074'],
  ])('%s → %s', (text, siret) => {
    expect(findSiret(text)?.value).toBe(siret);
  });

  test('the printed form is kept', () => {
    expect(findSiret('SIRET 732 829 320 00074')?.raw).toBe('732 829 320 00074');
  });

  test('nothing when absent', () => {
    expect(findSiret('Tél. 01 99 00 12 34')).toBeUndefined();
  });
});

describe('findRcsMentions', () => {
  test.each([
    ['RCS Saint-Brieuc 732 829 320', '732829320', 'Saint-Brieuc'],
    ['R.C.S. Lyon B 732 829 320', '732829320', 'Lyon'],
    ['RCS de Thonon-les-Bains 732829320', '732829320', 'Thonon-les-Bains'],
    ['Immatriculée au RCS de Paris sous le numéro 732 829 320', '732829320', 'Paris'],
    ['732 829 320 R.C.S. Nanterre', '732829320', 'Nanterre'],
    ['RCS 732 829 320 Lille', '732829320', 'Lille'],
    ['RCS SAINT-MALO 732 829 320', '732829320', 'Saint-Malo'],
    ['RCS La Roche-sur-Yon 732 829 320', '732829320', 'La Roche-sur-Yon'],
  ])('%s', (text, rcs, ville) => {
    const [m] = findRcsMentions(text);
    expect(m?.rcs?.value).toBe(rcs);
    expect(m?.ville?.value).toBe(ville);
  });

  test('a number without a city, a city without a number', () => {
    expect(findRcsMentions('RCS 732 829 320 – APE 4322B')[0]?.ville).toBeUndefined();
    const [cityOnly] = findRcsMentions('RCS Lyon – SIRET 732 829 320 00074');
    expect(cityOnly?.rcs).toBeUndefined();
    expect(cityOnly?.ville?.value).toBe('Lyon');
  });
});

describe('findRne', () => {
  test('SIREN printed with an RNE registration', () => {
    expect(findRne('Immatriculée au RNE – SIREN 732 829 320')?.value).toBe('732829320');
    expect(findRne('Registre national des entreprises n° 732829320')?.value).toBe('732829320');
    expect(findRne('RNE 732 829 320')?.value).toBe('732829320');
  });

  test('falls back on the SIREN of the SIRET', () => {
    expect(findRne('Inscrite au RNE', { value: '732829320', raw: '732 829 320' })?.value).toBe(
      '732829320',
    );
  });

  test('no RNE mention, no RNE', () => {
    expect(findRne('RCS Lyon 732 829 320')).toBeUndefined();
  });
});

describe('findVatNumbers', () => {
  test('spaced and compact forms', () => {
    const text = 'TVA FR 83 404 833 048 – N° TVA intracom. : FR83404833048 – FRAB123456789';
    expect(findVatNumbers(text).map((v) => v.value)).toEqual([
      'FR83404833048',
      'FR83404833048',
      'FRAB123456789',
    ]);
  });

  test('the number carrying the SIREN is preferred', () => {
    const all = findVatNumbers('FR12345678901 puis FR83404833048');
    expect(pickVatNumber(all, '404833048')?.value).toBe('FR83404833048');
    expect(pickVatNumber(all)?.value).toBe('FR12345678901');
  });
});

describe('findCapital', () => {
  test.each([
    ['SARL au capital de 15 000 €', 15000, '15 000 €'],
    ['au capital social de 15.000,00 euros', 15000, '15.000,00 euros'],
    ['Capital : 7 500 EUR', 7500, '7 500 EUR'],
    ['Capital social 1000€', 1000, '1000€'],
  ])('%s', (text, value, raw) => {
    expect(findCapital(text)).toEqual({ value, raw });
  });

  test('variable capital has no amount', () => {
    expect(findCapital('SAS à capital variable')).toBeUndefined();
  });
});

test.each([
  ['APE 4329A', '4329A'],
  ['Code NAF : 43.22B', '4322B'],
  ['APE/NAF 43 22 B', '4322B'],
])('findApe %s', (text, ape) => {
  expect(findApe(text)).toBe(ape);
});
