import { describe, expect, test } from '@jest/globals';
import { findTotals } from '../../../src/extract/admin/totals.js';
import { documentFromText } from '../../../src/extract/document.js';

const linesOf = (...lines: string[]) => documentFromText(lines.join('\n')).lines;

describe('findTotals', () => {
  test.each([
    [['Total HT 2 066,60 €', 'TVA 5,5 % 113,66 €', 'Total TTC 2 180,26 €'], 2066.6, 2180.26],
    [['Montant total HT 4 775,00 €', 'Montant total TTC 5 045,05 €'], 4775, 5045.05],
    [['Total H.T.            1 680,00', 'Total T.T.C.          1 772,40'], 1680, 1772.4],
    [['Montant HT : 11250.00 EUR', 'Montant TTC : 11868.75 EUR'], 11250, 11868.75],
    [['TOTAL HT : 3800,00€', 'TOTAL TTC : 4180,00€'], 3800, 4180],
    [['| Total HT | 5 580,00 € |', '| Total TTC | 5 886,90 € |'], 5580, 5886.9],
    [['Total HT net      8 250,00', 'Total TTC (€)      8 769,00'], 8250, 8769],
    [
      ['Total hors taxes : 1.234,56 €', 'Total toutes taxes comprises : 1.302,46 €'],
      1234.56,
      1302.46,
    ],
  ])('%j', (lines, ht, ttc) => {
    expect(findTotals(linesOf(...lines))).toEqual({ prixTotalHt: ht, prixTotalTtc: ttc });
  });

  test('premium deducted: net à payer is not the TTC total', () => {
    const lines = linesOf(
      'Total HT 100,00 €',
      'Total TTC 105,50 €',
      'Prime CEE déduite - 50,00 €',
      'Net à payer 55,50 €',
    );
    expect(findTotals(lines)).toEqual({ prixTotalHt: 100, prixTotalTtc: 105.5 });
  });

  test('section subtotals are not the total', () => {
    const lines = linesOf('Sous-total HT 40,00 €', 'Sous total HT 60,00 €', 'Total HT 100,00 €');
    expect(findTotals(lines).prixTotalHt).toBe(100);
  });

  test('TTC-only quote: "Montant total" is the TTC total', () => {
    const lines = linesOf(
      'Montant total 4 245,32 €',
      'Prix nets TTC, TVA au taux réduit de 5,5 % incluse.',
    );
    expect(findTotals(lines)).toEqual({ prixTotalTtc: 4245.32 });
  });

  test('"Net à payer" equal to HT + VAT is the TTC total when nothing else is printed', () => {
    expect(
      findTotals(linesOf('Total HT 100,00 €', 'TVA 10 % 10,00 €', 'Net à payer 110,00 €'), 10),
    ).toEqual({
      prixTotalHt: 100,
      prixTotalTtc: 110,
    });
  });

  test('totals printed as a small table, values under labels', () => {
    const lines = linesOf(
      'Total HT          TVA 5,5 %        Total TTC',
      '6 700,00 €        368,50 €         7 068,50 €',
    );
    expect(findTotals(lines)).toEqual({ prixTotalHt: 6700, prixTotalTtc: 7068.5 });
  });

  test('totals in a sentence', () => {
    const lines = linesOf(
      "Le montant total s'élève à 3 200,00 € HT, soit 3 376,00 € TTC (TVA à 5,5 %).",
    );
    expect(findTotals(lines)).toEqual({ prixTotalHt: 3200, prixTotalTtc: 3376 });
  });

  test('a table header with a "Total HT" column is not a total', () => {
    const lines = linesOf('Désignation     Qté     Total HT', 'Isolation         1     120,00');
    expect(findTotals(lines)).toEqual({});
  });
});
