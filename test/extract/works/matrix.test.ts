/**
 * Transposed price tables (matrix.ts): one column per item, one row per attribute, read by
 * content from the cells' positions.
 */
import { describe, expect, test } from '@jest/globals';
import { documentFromText } from '../../../src/extract/document.js';
import { extractQuote } from '../../../src/extract/index.js';
import { readMatrices } from '../../../src/extract/works/matrix.js';

const HEAD = [
  'ATELIER EXEMPLE MENUISERIE                             DEVIS N° 2026-0457',
  '3 rue des Ajoncs – 29120 Pont-l’Abbé                   Date : 12/11/2026',
  '                                                      M. Yannick EXEMPLE',
  '                                                      8 route de Penhors',
  '                                                      29710 POULDREUZIC',
];
const MATRIX = [
  'Repère                      F1 – Séjour          F2 – Cuisine          P1 – Entrée',
  "Type d'ouvrage              Fenêtre 2 vantaux    Fenêtre 1 vantail     Porte d'entrée vitrée",
  'Marque                      OKNOPLAST            OKNOPLAST             ZILTEN',
  'Uw (W/m².K)                 1,2                  1,3                   —',
  'Sw                          0,44                                       —',
  'Position dans le mur        Nu intérieur         Nu intérieur          Tunnel',
  'Quantité                    1                    2                     1',
  'Fourniture – P.U. HT            685,00 €             395,00 €            2 450,00 €',
  'Pose – P.U. HT                  210,00 €             180,00 €              390,00 €',
  'Total HT repère                 895,00 €           1 150,00 €            2 840,00 €',
];
const FOOT = [
  'Total HT 4 885,00 €',
  'SAS ATELIER EXEMPLE – SIRET 732 829 320 00074 – RCS Quimper 732 829 320',
];

describe('transposed price table', () => {
  test('each column becomes a priced item with its values and its room', () => {
    const attributes = extractQuote(
      documentFromText([...HEAD, ...MATRIX, ...FOOT].join('\n')),
    ).attributes;
    const gestes = attributes.gestes ?? [];
    expect(gestes.map((g) => [g.type, g.numero_ligne, g.quantite, g.prix_ht])).toEqual([
      ['menuiserie_fenetre', 'F1', 1, 895],
      ['menuiserie_fenetre', 'F2', 2, 1150],
      ['menuiserie_porte', 'P1', 1, 2840],
    ]);
    expect(gestes[0]).toMatchObject({
      uw: 1.2,
      sw: 0.44,
      marque: 'OKNOPLAST',
      localisation: 'Séjour',
    });
    expect(gestes[1]).toMatchObject({
      uw: 1.3,
      prix_unitaire_ht: 575,
      position_paroie: 'nu_interieur',
    });
    expect(gestes[1]?.sw).toBeUndefined();
    expect(attributes.separation_prix_fourniture_pose).toBe(true);
  });

  test('an ordinary table, or a matrix that prices nothing, is not read as one', () => {
    const table = [
      'Désignation                         Qté     P.U. HT     Total HT',
      'Fenêtre PVC 2 vantaux – Séjour      1       895,00      895,00',
      'Fenêtre PVC 1 vantail – Cuisine     1       575,00      575,00',
      'Pose                                1       390,00      390,00',
    ];
    expect(readMatrices(documentFromText([...HEAD, ...table].join('\n')).lines).rows).toEqual([]);
    const unpriced = MATRIX.slice(0, 7);
    expect(readMatrices(documentFromText([...HEAD, ...unpriced].join('\n')).lines).rows).toEqual(
      [],
    );
  });
});
