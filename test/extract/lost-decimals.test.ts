/** Totals whose decimal comma OCR lost, repaired against the quote's lines (lost-decimals.ts). */
import { describe, expect, it } from '@jest/globals';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import { documentFromText } from '../../src/extract/document.js';
import { extractQuote } from '../../src/extract/index.js';
import { repairLostDecimals } from '../../src/extract/lost-decimals.js';

const LINES = [{ prix_ht: 4770 }, { prix_ht: 690 }, { prix_ht: 560 }, { prix_ht: 1650 }];

describe('lost decimal commas', () => {
  it('reads a whole total a hundred times the lines as their sum, then its VAT and TTC', () => {
    const attributes: QuoteAttributes = {
      prix_total_ht: 767000,
      prix_total_ttc: 809185,
      tva: [{ taux_tva: 5.5, prix_ht_total: 767000, montant_tva_total: 42185 }],
    };
    repairLostDecimals(attributes, LINES);
    expect(attributes).toEqual({
      prix_total_ht: 7670,
      prix_total_ttc: 8091.85,
      tva: [{ taux_tva: 5.5, prix_ht_total: 7670, montant_tva_total: 421.85 }],
    });
  });

  it('leaves a total that differs otherwise, or a total with cents, as printed', () => {
    const discounted: QuoteAttributes = { prix_total_ht: 7000 };
    repairLostDecimals(discounted, LINES);
    expect(discounted.prix_total_ht).toBe(7000);
    const cents: QuoteAttributes = { prix_total_ht: 767000.5 };
    repairLostDecimals(cents, LINES);
    expect(cents.prix_total_ht).toBe(767000.5);
  });

  it('works on a quote read as text', () => {
    const text = [
      'SARL EXEMPLE SOLAIRE – SIRET 732 829 320 00074',
      'DEVIS N° 2026-12 du 24/11/2026',
      'Désignation                               Qté     PU HT      Total HT',
      'Chauffe-eau solaire individuel 300 L      1       4 770,00   4 770,00',
      'Station solaire et régulation             1         690,00     690,00',
      'Total hors taxe   546000 €',
      'T.V.A. 5,5 %   30030 €',
    ].join('\n');
    const { attributes } = extractQuote(documentFromText(text));
    expect(attributes.prix_total_ht).toBe(5460);
    expect(attributes.tva?.[0]?.montant_tva_total).toBe(300.3);
  });
});
