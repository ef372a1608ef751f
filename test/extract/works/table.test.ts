/**
 * The table of priced lines: columns, number formats, units, wrapped labels, description lines,
 * section titles, VAT codes, TTC-only prices, sub-totals, page breaks and general terms.
 */
import { describe, expect, test } from '@jest/globals';
import { documentFromText } from '../../../src/extract/document.js';
import { extractWorks, type QuoteLine } from '../../../src/extract/works/index.js';

function linesOf(text: string): QuoteLine[] {
  return extractWorks(documentFromText(text)).lines;
}

function prices(lines: QuoteLine[]): unknown[] {
  return lines.map((l) => [l.quantite, l.unite, l.prix_unitaire_ht, l.prix_ht, l.taux_tva]);
}

describe('price columns', () => {
  test.each([
    ['1 234,56 €', 1234.56],
    ['1.234,56', 1234.56],
    ['1234.56 EUR', 1234.56],
    ['1 234,56', 1234.56],
    ['12 345,00 €', 12345],
  ])('amount %s', (amount, value) => {
    const lines = linesOf(
      `Désignation  Qté  Unité  PU HT  Total HT\nPoêle à bois  1  u  ${amount}  ${amount}\nTotal HT  ${amount}`,
    );
    expect(prices(lines)).toEqual([[1, 'u', value, value, undefined]]);
  });

  test.each([
    ['62 m2', 'm²'],
    ['62 M2', 'm²'],
    ['62m²', 'm²'],
    ['62 m²', 'm²'],
  ])('quantity and unit in one cell: %s', (cell, unit) => {
    const lines = linesOf(
      `Désignation  Quantité  P.U. HT  Montant HT\nIsolant  ${cell}  10,00 €  620,00 €\nTotal HT 620,00 €`,
    );
    expect(prices(lines)).toEqual([[62, unit, 10, 620, undefined]]);
  });

  test('quantity and unit in two cells, unit column before quantity', () => {
    const lines = linesOf(
      'Désignation  Unité  Qté  PU HT  Total HT\nLaine de verre  m2  62,5  12,00  750,00\nTotal HT 750,00',
    );
    expect(prices(lines)).toEqual([[62.5, 'm²', 12, 750, undefined]]);
  });

  test('the quantity is told from the thousands of the unit price by the line total', () => {
    const lines = linesOf(
      'Désignation  Qté  PU HT  Total HT\nFenêtre PVC  2  1 120,00  2 240,00\nPorte  1  1 120,00  1 120,00\nTotal HT 3 360,00',
    );
    expect(prices(lines)).toEqual([
      [2, undefined, 1120, 2240, undefined],
      [1, undefined, 1120, 1120, undefined],
    ]);
  });

  test('a label ending with a number keeps it', () => {
    const lines = linesOf(
      'Désignation  Qté  U  PU HT  TVA  Total HT\nFenêtre de toit 78 x 118  1  u  890,00 €  5,5 %  890,00 €\nTotal HT 890,00 €',
    );
    expect(lines[0]?.designation).toBe('Fenêtre de toit 78 x 118');
    expect(prices(lines)).toEqual([[1, 'u', 890, 890, 5.5]]);
  });

  test('a discount column', () => {
    const lines = linesOf(
      'Désignation  Qté  PU HT  Remise  Total HT  TVA\nPompe à chaleur air/eau  1  10 000,00  10 %  9 000,00  5,5 %\nTotal HT 9 000,00',
    );
    expect(prices(lines)).toEqual([[1, undefined, 10000, 9000, 5.5]]);
  });

  test('TTC-only prices fill the TTC fields and the VAT stated for the whole quote', () => {
    const text =
      'Désignation  Qté  Prix unitaire  Montant\nVMC simple flux – fourniture et pose  1 ens.  1 455,90 €  1 455,90 €\nMontant total 1 455,90 €\nPrix nets TTC, TVA 5,5 % incluse.';
    const [line] = linesOf(text);
    expect(line).toMatchObject({
      quantite: 1,
      unite: 'ens.',
      prix_unitaire_ttc: 1455.9,
      prix_ttc: 1455.9,
      taux_tva: 5.5,
    });
    expect(line?.prix_ht).toBeUndefined();
  });

  test('HT and TTC columns side by side', () => {
    const [line] = linesOf(
      "Désignation  Qté  PU HT  Total HT  TVA %  Total TTC\nPorte d'entrée  1  2 000,00  2 000,00  5,5  2 110,00\nTOTAL HT 2 000,00",
    );
    expect(line).toMatchObject({
      prix_unitaire_ht: 2000,
      prix_ht: 2000,
      taux_tva: 5.5,
      prix_ttc: 2110,
    });
  });
});

describe('VAT', () => {
  test('codes referring to a legend table', () => {
    const text = [
      'Réf.  Désignation  Qté  Unité  P.U. HT  Montant HT  TVA',
      '1  Chaudière à granulés  1  u  13 900,00 €  13 900,00 €  1',
      '2  Dépose de la cuve  1  forf.  780,00 €  780,00 €  2',
      'Code  Taux TVA  Base HT  Montant TVA        Total HT 14 680,00 €',
      '1  5,5 %  13 900,00 €  764,50 €',
      '2  10 %  780,00 €  78,00 €',
    ].join('\n');
    expect(linesOf(text).map((l) => l.taux_tva)).toEqual([5.5, 10]);
  });

  test('codes defined inline', () => {
    const text =
      'Désignation  Qté  PU HT  Total HT  TVA\nPoêle à bois  1  2 000,00  2 000,00  A\nTubage  1  500,00  500,00  B\nTVA : A = 5,5 % ; B = 10 %\nTotal HT 2 500,00';
    expect(linesOf(text).map((l) => l.taux_tva)).toEqual([5.5, 10]);
  });

  test('a single rate in the totals applies to lines printed without one', () => {
    const text =
      'Désignation  Qté  PU HT  Total HT\nFenêtre  1  500,00 €  500,00 €\nTotal HT 500,00 €\nTVA 5,5 % 27,50 €';
    expect(linesOf(text)[0]?.taux_tva).toBe(5.5);
  });

  test('several rates in the totals leave lines without one empty', () => {
    const text =
      'Désignation  Qté  PU HT  Total HT\nFenêtre  1  500,00 €  500,00 €\nTotal HT 500,00 €\nTVA 5,5 % 27,50 €\nTVA 10 % 0,00 €';
    expect(linesOf(text)[0]?.taux_tva).toBeUndefined();
  });
});

describe('labels, descriptions and sections', () => {
  test('an all-capitals description line indented past the next label stays with its row', () => {
    const text = [
      'REF    DESIGNATION                           QTE U     P.U. HT    TOTAL HT',
      'INS01  FOURN. INSERT BOIS DORVIA I 620       1,00 U    2 980,00   2 980,00',
      '         PUISSANCE NOMINALE 8 KW - ETAS 68 %',
      '         LABEL FLAMME VERTE 7 ETOILES',
      '         REMPLACE UN FOYER OUVERT',
      'INS02  TUBAGE INOX 316L D.180                8,00 ML   68,00      544,00',
      'TOTAL HT                                                          3 524,00',
    ].join('\n');
    const [insert, tubing] = linesOf(text);
    expect(insert?.details).toEqual([
      'PUISSANCE NOMINALE 8 KW - ETAS 68 %',
      'LABEL FLAMME VERTE 7 ETOILES',
      'REMPLACE UN FOYER OUVERT',
    ]);
    expect(tubing?.section).toBeUndefined();
  });

  test('wrapped label, bullets with a wrapped item, section titles and numbers', () => {
    const text = [
      'N°  Désignation  Qté  U.  P.U. HT  TVA  Total HT',
      '   Préparation du chantier',
      '1  Protection des accès et des sols, mise en place du matériel de  1  forf.  120,00 €  5,5 %  120,00 €',
      '   soufflage',
      '   Isolation des combles perdus',
      '2  Fourniture de laine de verre à souffler  62 m²  11,40 €  5,5 %  706,80 €',
      '    – Isolant : ACME Flocon 45 – laine de verre',
      '    – Résistance thermique R = 7,00',
      '    m².K/W',
      'Total HT 826,80 €',
    ].join('\n');
    const lines = linesOf(text);
    expect(lines.map((l) => [l.numero, l.designation, l.section])).toEqual([
      [
        '1',
        'Protection des accès et des sols, mise en place du matériel de soufflage',
        'Préparation du chantier',
      ],
      ['2', 'Fourniture de laine de verre à souffler', 'Isolation des combles perdus'],
    ]);
    expect(lines[1]?.details).toEqual([
      'Isolant : ACME Flocon 45 – laine de verre',
      'Résistance thermique R = 7,00 m².K/W',
    ]);
  });

  test('a numbered label whose prices are on its second line', () => {
    const text =
      "N°  Désignation  Qté  PU HT  Total HT\n2.1  Fourniture et pose d'un chauffe-eau\n     thermodynamique 200 L  1  3 000,00  3 000,00\nTotal HT 3 000,00";
    expect(linesOf(text).map((l) => [l.numero, l.designation])).toEqual([
      ['2.1', "Fourniture et pose d'un chauffe-eau thermodynamique 200 L"],
    ]);
  });

  test('a block whose prices are on a line of their own, below the description', () => {
    const text =
      "Désignation  Quantité  PU HT  Total HT\nFourniture d'un poêle à bois\n  Marque Acme, modèle Flamme 8\n                       1 u  2 500,00 €  2 500,00 €\nTotal HT 2 500,00 €";
    const [line] = linesOf(text);
    expect(line).toMatchObject({
      designation: "Fourniture d'un poêle à bois",
      details: ['Marque Acme, modèle Flamme 8'],
    });
  });

  test('a table without line numbers is numbered in order', () => {
    const text =
      'Désignation  Qté  PU HT  Total HT\nPoêle  1  100,00  100,00\nKit  1  50,00  50,00\nTotal HT 150,00';
    expect(linesOf(text).map((l) => l.numero)).toEqual(['1', '2']);
  });

  test('sub-totals are skipped and the grand total ends the table', () => {
    const text =
      'Désignation  Qté  PU HT  Total HT\nPoêle  1  100,00  100,00\nSous-total chauffage  100,00\nKit  1  50,00  50,00\nTotal HT 150,00\nAcompte 30 %  45,00';
    expect(linesOf(text).map((l) => l.designation)).toEqual(['Poêle', 'Kit']);
  });

  test('a table without header', () => {
    const text =
      'Devis 12\nIsolation des combles perdus  62 m²  25,00 €  1 550,00 €\nDéplacement  1 forfait  50,00 €  50,00 €\nTOTAL HT 1 600,00 €';
    expect(prices(linesOf(text))).toEqual([
      [62, 'm²', 25, 1550, undefined],
      [1, 'forf.', 50, 50, undefined],
    ]);
  });
});

describe('pages and general terms', () => {
  test('a table over two pages with footer and repeated header', () => {
    const text = [
      'Désignation  Qté  PU HT  Total HT',
      'Fenêtre PVC  1  500,00  500,00',
      '  – Marque Acme',
      'ACME – SAS au capital de 1 000 € – SIRET 123',
      'Page 1/2',
      '\fACME Devis 12',
      'Désignation  Qté  PU HT  Total HT',
      "Porte d'entrée  1  900,00  900,00",
      'Total HT 1 400,00',
      'ACME – SAS au capital de 1 000 € – SIRET 123',
      'Page 2/2',
    ].join('\n');
    const lines = linesOf(text);
    expect(lines.map((l) => [l.designation, l.page, l.details])).toEqual([
      ['Fenêtre PVC', 1, ['Marque Acme']],
      ["Porte d'entrée", 2, []],
    ]);
  });

  test('priced lines of the general terms are ignored', () => {
    const text =
      'Désignation  Qté  PU HT  Total HT\nPoêle  1  100,00  100,00\nTotal HT 100,00\n\fCONDITIONS GÉNÉRALES DE VENTE\nFenêtre  1  999,00 €  999,00 €';
    expect(linesOf(text).map((l) => l.designation)).toEqual(['Poêle']);
  });
});
