/**
 * Quantities and unit prices written as an expression (« 96 M2 × 27,50 € HT ») rather than in
 * columns: under a priced paragraph, on a price line of its own, kept only when the product is
 * the line's amount.
 */
import { describe, expect, test } from '@jest/globals';
import { documentFromText } from '../../../src/extract/document.js';
import { extractWorks, type QuoteLine } from '../../../src/extract/works/index.js';
import type { DocumentLine } from '../../../src/extract/document.js';
import { isQuantityPriceOnly, quantityTimesPrice } from '../../../src/extract/works/qty-price.js';
import { valueReadings } from '../../../src/extract/works/row-values.js';
import { rowTextOf, tokenize } from '../../../src/extract/works/tokens.js';

function linesOf(text: string): QuoteLine[] {
  return extractWorks(documentFromText(text)).lines;
}

const prices = (lines: QuoteLine[]) =>
  lines.map((l) => [l.quantite, l.unite, l.prix_unitaire_ht, l.prix_ht]);

describe('quantityTimesPrice', () => {
  test.each([
    ['96 M2 × 27,50 € HT · TVA 5,5 %', 2640, { quantite: 96, unite: 'm²', price: 27.5, tax: 'ht' }],
    ['85 m² à 24,50 EUR le m²', 2082.5, { quantite: 85, unite: 'm²', price: 24.5 }],
    ['1 Forfait x 120,00 €', 120, { quantite: 1, unite: 'forf.', price: 120 }],
    ['6 h × 58.00 €', 348, { quantite: 6, unite: 'h', price: 58 }],
  ])('%s', (text, amount, expected) => {
    expect(quantityTimesPrice(text, amount)).toMatchObject(expected);
  });

  test('a product that is not the amount is no quantity (a dimension, another price)', () => {
    expect(quantityTimesPrice('Fenêtre 80 x 125 cm', 980)).toBeUndefined();
    expect(quantityTimesPrice('12 m² × 30,00 €', 400)).toBeUndefined();
  });

  test('a price line holds nothing else', () => {
    expect(isQuantityPriceOnly('1 u × 2 190.00 €', 2190)).toBe(true);
    expect(isQuantityPriceOnly('Isolant 1 u × 2 190.00 €', 2190)).toBe(false);
  });
});

describe('priced paragraphs without a table', () => {
  test('the lines under a priced line describe it, and give its quantity and unit price', () => {
    const lines = linesOf(
      [
        'VOS TRAVAUX',
        '1 - Isolation des combles perdus par soufflage  2 640,00 € HT',
        'Laine de verre soufflée, R = 8 m².K/W',
        '96 M2 × 27,50 € HT · TVA 5,5 %',
        '2 - Trappe de visite isolée  120,00 € HT',
        '1 Forfait × 120,00 € HT',
        'Total HT  2 760,00 €',
      ].join('\n'),
    );
    expect(prices(lines)).toEqual([
      [96, 'm²', 27.5, 2640],
      [1, 'forf.', 120, 120],
    ]);
    expect(lines[0]?.details).toContain('Laine de verre soufflée, R = 8 m².K/W');
  });

  test('a paragraph priced by a line of its own, with a rate line under each item', () => {
    const lines = linesOf(
      [
        '1  Chauffe-eau thermodynamique THERMOR Aéromax 5',
        '200 L, COP 3,22',
        'Profil de soutirage L',
        '1 u × 2 190.00 €  2 190.00 €',
        'TVA 5,5 % · HT',
        '2  Pose et mise en service',
        '6 h × 58.00 €  348.00 €',
        'TVA 5,5 % · HT',
        'Total HT  2 538.00 €',
      ].join('\n'),
    );
    expect(lines.map((l) => l.designation)).toEqual([
      'Chauffe-eau thermodynamique THERMOR Aéromax 5 200 L, COP 3,22 Profil de soutirage L',
      'Pose et mise en service',
    ]);
    expect(prices(lines)).toEqual([
      [1, 'u', 2190, 2190],
      [6, 'h', 58, 348],
    ]);
  });
});

describe('numbers of two cells', () => {
  test('are never read as one number whose thousands a space separates (« 1 | 948,00 »)', () => {
    const row = rowTextOf({
      text: '1   948,00',
      cells: [
        { text: '1', x: 0, xEnd: 1 },
        { text: '948,00', x: 4, xEnd: 10 },
      ],
    } as unknown as DocumentLine);
    const texts = (cellStarts: readonly number[]) =>
      valueReadings(tokenize(row.text), new Set(), cellStarts).map((r) => r.map((v) => v.n));
    expect(texts(row.cellStarts)).toEqual([[1, 948]]);
    // the same text in one cell may be « 1 948,00 »
    expect(texts([0])).toContainEqual([1948]);
  });
});
