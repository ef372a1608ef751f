import { describe, expect, test } from '@jest/globals';
import {
  digitsOf,
  frenchVatKey,
  isLuhnValid,
  isValidEmail,
  isValidFrenchVat,
  isValidIban,
  isValidSiren,
  isValidSiret,
  normalisePhone,
  sirenOfVat,
} from '../../src/domain/identifiers.js';

describe('SIREN and SIRET', () => {
  test('Luhn', () => {
    expect(isLuhnValid('732829320')).toBe(true);
    expect(isLuhnValid('732829321')).toBe(false);
    expect(isLuhnValid('12a')).toBe(false);
  });

  test.each([
    ['732 829 320', true],
    ['732829321', false],
    ['73282932', false],
  ])('SIREN %s → %s', (raw, ok) => {
    expect(isValidSiren(raw)).toBe(ok);
  });

  test.each([
    ['732 829 320 00074', true],
    ['73282932000075', false],
    ['7328293200007', false],
    // La Poste's establishments are excepted from the Luhn key (DESIGN.md §5)
    ['35600000000048', true],
    ['35600000012342', true],
    ['3560000001234', false],
  ])('SIRET %s → %s', (raw, ok) => {
    expect(isValidSiret(raw)).toBe(ok);
  });
});

describe('VAT number', () => {
  test('key = (12 + 3 × (SIREN mod 97)) mod 97', () => {
    expect(frenchVatKey('404833048')).toBe('83');
    expect(frenchVatKey('000000097')).toBe('12');
  });

  test.each([
    ['FR83404833048', true],
    ['FR 83 404 833 048', true],
    ['FR84404833048', false],
    ['FRAB404833048', false],
  ])('%s → %s', (raw, ok) => {
    expect(isValidFrenchVat(raw)).toBe(ok);
  });

  test('SIREN of a VAT number', () => {
    expect(sirenOfVat('FR 83 404833048')).toBe('404833048');
    expect(sirenOfVat('DE123456789')).toBeUndefined();
  });
});

describe('phone numbers', () => {
  test.each([
    ['01 99 00 12 34', '0199001234'],
    ['01.99.00.12.34', '0199001234'],
    ['+33 1 99 00 12 34', '0199001234'],
    ['+33 (0)1 99 00 12 34', '0199001234'],
    ['0033 6 39 98 12 34', '0639981234'],
    ['(33) 6 39 98 12 34', '0639981234'],
  ])('%s → %s', (raw, digits) => {
    expect(normalisePhone(raw)).toBe(digits);
  });

  test.each(['12 34 56', '00 12 34 56 78', '+44 20 7946 0958'])(
    '%s is not a French number',
    (raw) => {
      expect(normalisePhone(raw)).toBeUndefined();
    },
  );
});

test('e-mail', () => {
  expect(isValidEmail('jean.dupont+devis@exemple-mail.fr')).toBe(true);
  expect(isValidEmail('jean..dupont@exemple.fr')).toBe(false);
  expect(isValidEmail('jean@exemple')).toBe(false);
});

test('IBAN (mod 97)', () => {
  expect(isValidIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
  expect(isValidIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
  expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
});

test('digitsOf', () => {
  expect(digitsOf('812 754 034 00021')).toBe('81275403400021');
});
