import { describe, expect, test } from '@jest/globals';
import { findAmounts, findNumbers, parseNumber, roundCents } from '../../src/domain/numbers.js';

describe('parseNumber', () => {
  test.each([
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234,56', 1234.56],
    ['1.234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1,234.56', 1234.56],
    ["1'234,56", 1234.56],
    ['12 455,00', 12455],
    ['2 066,60', 2066.6],
    ['12,5', 12.5],
    ['-372,00', -372],
    ['−3 200,00', -3200],
    ['12.500', 12500],
    ['1.234.567', 1234567],
    ['8.5', 8.5],
    ['4.52', 4.52],
    ['0.123', 0.123],
    ['15000', 15000],
  ])('%s → %d', (raw, value) => {
    expect(parseNumber(raw)).toBeCloseTo(value, 6);
  });

  test.each(['', 'abc', '12 34', '1,2,3', '€'])('%s is not a number', (raw) => {
    expect(parseNumber(raw)).toBeUndefined();
  });
});

describe('findAmounts', () => {
  test('amounts with a currency sign, before or after', () => {
    const found = findAmounts(
      'Total HT 2 066,60 € – acompte € 600,00 – reste 1234.56 EUR, 10 euros',
    );
    expect(found.map((a) => a.value)).toEqual([2066.6, 600, 1234.56, 10]);
  });

  test('a number without a currency is not an amount', () => {
    expect(findAmounts('62 m² à 11,40')).toEqual([]);
  });
});

describe('findNumbers', () => {
  test('standalone numbers, trailing punctuation dropped', () => {
    expect(findNumbers('Qté 62, prix 11,40. Total 706,80').map((n) => n.value)).toEqual([
      62, 11.4, 706.8,
    ]);
  });

  test('numbers glued to letters are ignored', () => {
    expect(findNumbers('R32 et A7/W35').map((n) => n.value)).toEqual([]);
  });
});

test('roundCents', () => {
  expect(roundCents(0.1 + 0.2)).toBe(0.3);
  expect(roundCents(2066.6 * 0.055)).toBe(113.66);
});
