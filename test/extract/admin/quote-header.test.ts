import { describe, expect, test } from '@jest/globals';
import { createAdminContext } from '../../../src/extract/admin/context.js';
import { findIssueDate, findQuoteNumber } from '../../../src/extract/admin/quote-header.js';
import { documentFromText } from '../../../src/extract/document.js';

const ctxOf = (...lines: string[]) =>
  createAdminContext(documentFromText([...lines, 'Désignation     Qté     Total HT'].join('\n')));

describe('findQuoteNumber', () => {
  test.each([
    [['DEVIS N° 2026-58'], '2026-58'],
    [['Devis Nº 2026-59'], '2026-59'],
    [['Devis n°DC001234'], 'DC001234'],
    [['ATELIER', 'N° : AB-D2610-0388'], 'AB-D2610-0388'],
    [['ATELIER', 'N° DV-2026-0147'], 'DV-2026-0147'],
    [['Réf. devis : EHC-26-1042'], 'EHC-26-1042'],
    [['Numéro de devis : 4521'], '4521'],
    [['Numéro : 4521'], '4521'],
    [['Devis : LCH/2026/077'], 'LCH/2026/077'],
    [['DEVIS - 2026-147'], '2026-147'],
    [['Proposition commerciale n° PC-88'], 'PC-88'],
    [['Pièce n° D2610-0733', 'Date : 26/10/2026'], 'D2610-0733'],
    [['Objet : devis n° IBS-2026-58 – isolation'], 'IBS-2026-58'],
  ])('%j → %s', (lines, numero) => {
    expect(findQuoteNumber(ctxOf(...lines))).toBe(numero);
  });

  test.each([
    [['N° client : CL-00871']],
    [['N° SIRET 732 829 320 00074']],
    [['Devis n° : ........................']],
    [['Devis valable 3 mois']],
    [['Attestation n° ATT-2026-004871']],
    [['Date : 06/10/2026']],
  ])('%j has no quote number', (lines) => {
    expect(findQuoteNumber(ctxOf(...lines))).toBeUndefined();
  });
});

describe('findIssueDate', () => {
  test.each([
    [['Date : 06/10/2026'], '2026-10-06'],
    [['Date du devis : 6 oct. 2026'], '2026-10-06'],
    [["Date d'émission : 06-10-2026"], '2026-10-06'],
    [['Devis n° X Émis le 27 octobre 2026 Visite technique du 13 octobre 2026'], '2026-10-27'],
    [['Établi le 9 octobre 2026'], '2026-10-09'],
    [['Montmorot, le 16 octobre 2026'], '2026-10-16'],
    [['Fait à Lyon, le 06/10/26'], '2026-10-06'],
    [['Devis n° 2026-0093', 'du 18 septembre 2026'], '2026-09-18'],
    [['Devis n° HP-310 du 02/10/2026'], '2026-10-02'],
    [['Le 2026-10-06'], '2026-10-06'],
  ])('%j → %s', (lines, iso) => {
    expect(findIssueDate(ctxOf(...lines))).toBe(iso);
  });

  test('other dates of the header are not the issue date', () => {
    const ctx = ctxOf(
      "Valable jusqu'au : 13/12/2026",
      'Visite technique : 29/09/2026',
      'Début des travaux : 14/12/2026',
      'Période de validité : du 01/01/2026 au 31/12/2026',
    );
    expect(findIssueDate(ctx)).toBeUndefined();
  });

  test('a row of labels over a row of values', () => {
    const ctx = ctxOf(
      'ATELIER',
      'Devis n°        Date          Client',
      'AB-2026-77      06/10/2026    C-0042',
    );
    expect(findQuoteNumber(ctx)).toBe('AB-2026-77');
    expect(findIssueDate(ctx)).toBe('2026-10-06');
  });

  test('a labelled date wins over an earlier free one', () => {
    expect(findIssueDate(ctxOf('Visite du 01/10/2026', 'Date : 06/10/2026'))).toBe('2026-10-06');
  });
});
