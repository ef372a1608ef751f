import { describe, expect, test } from '@jest/globals';
import {
  detectFileType,
  devisAsWritten,
  hasDevisMention,
} from '../../../src/extract/admin/document-type.js';
import { documentFromText } from '../../../src/extract/document.js';

function typeOf(text: string): string {
  const doc = documentFromText(text);
  return detectFileType(doc.lines, doc.text);
}

describe('detectFileType', () => {
  test.each([
    ['ATELIER EXEMPLE                DEVIS\nTotal HT 100,00 €\nTotal TTC 110,00 €', 'devis'],
    ['ATELIER EXEMPLE D E V I S\nTotal TTC 110,00 €', 'devis'],
    ['Proposition commerciale\nMontant total 100,00 €', 'devis'],
    ['ATELIER EXEMPLE\nFACTURE N° FA-12\nTotal TTC 110,00 €', 'facture'],
    ["Facture d'acompte\nTotal 30,00 €", 'facture'],
    ["ATTESTATION D'ASSURANCE\nFranchise 1 500 €\nContrat n° 12", 'autre'],
    ['Madame,\nSuite à votre demande de devis, nous passerons le 12/11.', 'autre'],
    ['ATELIER EXEMPLE\nVotre devis n° 12\nTotal H.T. 1 680,00\nTotal T.T.C. 1 772,40', 'devis'],
    [
      'ATELIER EXEMPLE\nNote : prix fermes pendant la durée du chantier\nTotal TTC 100,00 €',
      'devis',
    ],
    ['FACTURE N° 12\nDevis n° 3 du 01/10/2026\nTotal TTC 10,00 €', 'facture'],
    ['ATELIER EXEMPLE\nATTESTATION TVA\nDEVIS\nTotal 10,00 €', 'devis'],
    ['Pompe à chaleur air/eau 1000€', 'devis'],
  ])('%s → %s', (text, kind) => {
    expect(typeOf(text)).toBe(kind);
  });
});

test('mention of the word "devis"', () => {
  expect(hasDevisMention('Devis n° 12')).toBe(true);
  expect(hasDevisMention('D E V I S')).toBe(true);
  expect(hasDevisMention('Travaux devisés')).toBe(false);
  expect(hasDevisMention('Bon de commande')).toBe(false);
  expect(devisAsWritten('BON – DEVIS n° 1 – devis')).toBe('DEVIS');
});

describe('documents that say what they are not', () => {
  test.each([
    [
      'COMPTE RENDU DE VISITE PRÉALABLE\nPompe à chaleur\nCe compte rendu n’est pas un devis.\nTotal estimé 12 000,00 €',
    ],
    ['BON DE COMMANDE\nFenêtres PVC\nTotal TTC 4 500,00 €'],
  ])('are not quotes: %s', (text) => {
    const lines = documentFromText(text).lines;
    expect(detectFileType(lines, text)).toBe('autre');
  });
});
