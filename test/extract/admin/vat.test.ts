import { describe, expect, test } from '@jest/globals';
import {
  completeVatEntries,
  findVatTotal,
  lineSumsByRate,
} from '../../../src/extract/admin/vat-bases.js';
import { findVatEntries } from '../../../src/extract/admin/vat.js';
import { documentFromText } from '../../../src/extract/document.js';

const linesOf = (...lines: string[]) => documentFromText(lines.join('\n')).lines;

describe('findVatEntries', () => {
  test.each([
    [
      ['TVA 5,5 % (base 2 066,60 €) 113,66 €'],
      [{ taux_tva: 5.5, prix_ht_total: 2066.6, montant_tva_total: 113.66 }],
    ],
    [['TVA à 5,5 % 1 413,72 €'], [{ taux_tva: 5.5, montant_tva_total: 1413.72 }]],
    [
      [
        'Code Taux TVA Base HT Montant TVA',
        '1 5,5 % 12 455,00 € 685,03 €',
        '2 10 % 970,00 € 97,00 €',
      ],
      [
        { taux_tva: 5.5, prix_ht_total: 12455, montant_tva_total: 685.03 },
        { taux_tva: 10, prix_ht_total: 970, montant_tva_total: 97 },
      ],
    ],
    [
      ['TVA 5,5% 113,66 € TVA 10% 97,00 €'],
      [
        { taux_tva: 5.5, montant_tva_total: 113.66 },
        { taux_tva: 10, montant_tva_total: 97 },
      ],
    ],
    [
      ['Base HT 5,5 % : 2 066,60 € TVA 5,5 % : 113,66 €'],
      [{ taux_tva: 5.5, prix_ht_total: 2066.6, montant_tva_total: 113.66 }],
    ],
    [['Dont TVA 5,5 %         176,00 €'], [{ taux_tva: 5.5, montant_tva_total: 176 }]],
    [['T.V.A. 20 %   200,00'], [{ taux_tva: 20, montant_tva_total: 200 }]],
    [['TVA (10%) : 97,00 €'], [{ taux_tva: 10, montant_tva_total: 97 }]],
    [['Prix nets TTC, TVA au taux réduit de 5,5 % incluse.'], [{ taux_tva: 5.5 }]],
    [
      ['Total HT          TVA 5,5 %', '100,00 €          5,50 €'],
      [{ taux_tva: 5.5, montant_tva_total: 5.5 }],
    ],
  ])('%j', (lines, entries) => {
    expect(findVatEntries(linesOf(...lines))).toEqual(entries);
  });

  test('priced lines with a rate column are not VAT entries', () => {
    expect(
      findVatEntries(
        linesOf(
          'Isolation 62 m² 11,40 € 5,5 % 706,80 €',
          'Pose 1 u 100,00 € 5,5 % 100,00 € 5,50 €',
        ),
      ),
    ).toEqual([]);
  });

  test('a mention of the rate does not hide printed amounts', () => {
    const lines = linesOf(
      'TVA 5,5 % (base 100,00 €) 5,50 €',
      'TVA au taux réduit de 5,5 % : logement de plus de deux ans',
    );
    expect(findVatEntries(lines)).toEqual([
      { taux_tva: 5.5, prix_ht_total: 100, montant_tva_total: 5.5 },
    ]);
  });
});

describe('completeVatEntries', () => {
  test('single rate: the base is the HT total when the amount agrees', () => {
    const out = completeVatEntries([{ taux_tva: 5.5, montant_tva_total: 1413.72 }], {
      prixTotalHt: 25704,
      lineSums: new Map(),
    });
    expect(out).toEqual([{ taux_tva: 5.5, montant_tva_total: 1413.72, prix_ht_total: 25704 }]);
  });

  test('several rates: bases from the priced lines', () => {
    const lines = linesOf(
      'Poêle 1 u 3 290,00 € 5,5 % 3 290,00 €',
      'Pose 1 forf. 1 320,00 € 5,5 % 1 320,00 €',
      'Plaque 1 u 165,00 € 10 % 165,00 €',
    );
    const sums = lineSumsByRate(lines);
    expect(sums).toEqual(
      new Map([
        [5.5, 4610],
        [10, 165],
      ]),
    );
    const out = completeVatEntries(
      [
        { taux_tva: 5.5, montant_tva_total: 253.55 },
        { taux_tva: 10, montant_tva_total: 16.5 },
      ],
      { prixTotalHt: 4775, lineSums: sums },
    );
    expect(out.map((e) => e.prix_ht_total)).toEqual([4610, 165]);
  });

  test('several rates: bases from the amounts when they add up to the HT total', () => {
    const out = completeVatEntries(
      [
        { taux_tva: 5.5, montant_tva_total: 253.55 },
        { taux_tva: 10, montant_tva_total: 16.5 },
      ],
      { prixTotalHt: 4775, lineSums: new Map() },
    );
    expect(out.map((e) => e.prix_ht_total)).toEqual([4610, 165]);
  });

  test('nothing inferred when the figures disagree', () => {
    const out = completeVatEntries([{ taux_tva: 5.5, montant_tva_total: 99 }], {
      prixTotalHt: 25704,
      lineSums: new Map(),
    });
    expect(out).toEqual([{ taux_tva: 5.5, montant_tva_total: 99 }]);
  });

  test('the amount from a "Total TVA" line, the entry from the totals', () => {
    expect(completeVatEntries([{ taux_tva: 10 }], { vatTotal: 97, lineSums: new Map() })).toEqual([
      { taux_tva: 10, montant_tva_total: 97 },
    ]);
    expect(
      completeVatEntries([], {
        prixTotalHt: 1000,
        prixTotalTtc: 1200,
        vatTotal: 200,
        lineSums: new Map(),
      }),
    ).toEqual([{ taux_tva: 20, prix_ht_total: 1000, montant_tva_total: 200 }]);
  });

  test('findVatTotal', () => {
    expect(findVatTotal(linesOf('Total TVA 782,03 €'))).toBe(782.03);
    expect(findVatTotal(linesOf('Montant TVA      519,00'))).toBe(519);
    expect(findVatTotal(linesOf('TVA 5,5 % 113,66 €'))).toBeUndefined();
  });
});
