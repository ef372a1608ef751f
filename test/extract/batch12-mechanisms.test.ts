/**
 * Reader mechanisms added after blind batch 12 (cold-scored first), each on a small quote of its
 * own: the subject of the quote types an insulation line that names no kind; a « Service pose »
 * line installs the equipment supplied above; a qualified client heading (« CLIENT –
 * FACTURATION ») is no name; « Travaux commencés le » is a start date; under a client heading, a
 * phrase or the company's own name (two columns mixed by OCR) is not the client.
 */
import { describe, expect, test } from '@jest/globals';
import { documentFromText } from '../../src/extract/document.js';
import { extractQuote } from '../../src/extract/index.js';

function read(lines: string[]) {
  return extractQuote(documentFromText(lines.join('\n'))).attributes;
}

const HEAD = [
  'FAÇADES EXEMPLE                                          M. Paul EXEMPLE',
  '7 chemin des Près – 31450 Montesquieu                    23 chemin Blanc',
  'DEVIS N° D-2026-44 du 30.11.2026                          31450 Ayguesvives',
];
const FOOT = ['SARL FAÇADES EXEMPLE au capital de 20 000 € – SIRET 732 829 320 00074'];

describe('after blind batch 12', () => {
  test('an insulation line with no kind takes the kind the subject names', () => {
    const lines = [
      ...HEAD,
      "Objet : Isolation thermique par l'extérieur des façades nord et est",
      'Désignation                                   Qté     U     P.U. HT     Montant HT',
      '01 Fourniture isolant PSE graphité ép. 140 mm  142,00  m²    34,80       4 941,60',
      "02 Pose de l'isolant collé-chevillé            142,00  m²    41,00       5 822,00",
      '03 Appuis de fenêtres aluminium laqué             1,00  ens. 1 380,00     1 380,00',
      'Total HT 12 143,60 €',
      ...FOOT,
    ];
    const gestes = read(lines).gestes ?? [];
    expect(gestes.map((g) => [g.type, g.numero_ligne])).toEqual([
      ['isolation_thermique_par_exterieur_ITE', '1'],
    ]);
  });

  test('a « Service pose » line under SERVICES installs the supplied water heater', () => {
    const lines = [
      ...HEAD,
      'Réf.      Désignation                                         Qté   P.U. HT    Montant HT',
      'PRODUITS',
      '3402361   Chauffe-eau thermodynamique THERMOR Aéromax 5 200 L   1   1 449,00    1 449,00',
      'SERVICES',
      '9000412   Service pose : installation du chauffe-eau thermodynamique 1  420,00  420,00',
      'Total HT 1 869,00 €',
      ...FOOT,
    ];
    const gestes = read(lines).gestes ?? [];
    expect(gestes.map((g) => g.type)).toEqual(['chauffe_eau_thermo']);
  });

  test('a qualified client heading is no name; « Travaux commencés le » is a start', () => {
    const lines = [
      'ATELIER EXEMPLE                                   CLIENT – FACTURATION',
      '12 rue des Artisans                               M. DUPRAZ Lionel',
      '35000 Rennes                                      45 chemin des Charmettes, 73000 Chambéry',
      'DEVIS N° AE-2026-12 du 06/10/2026',
      'Travaux commencés le : 19.10.2026',
      'Désignation                         Qté     P.U. HT     Total HT',
      'Fourniture laine de verre 300 mm     62 m²    11,40 €   706,80 €',
      'Total HT 706,80 €',
      ...FOOT,
    ];
    const attributes = read(lines);
    expect(attributes.client).toMatchObject({ civilite: 'M.', nom: 'Dupraz', prenom: 'Lionel' });
    expect(attributes.date_debut_chantier).toBe('2026-10-19');
  });

  test("under a client heading, a phrase and the company's own name are passed over", () => {
    const lines = [
      'ÉMETTEUR                          CLIENT',
      '                                  Rendement à puissance nominale     %',
      'SARL ÂTRE EXEMPLE                 SARL ÂTRE EXEMPLE',
      '52 route de Besançon              Mme Clémence VUILLERMOZ',
      '39000 Lons-le-Saunier             9 rue du Pasquier',
      '                                  39570 Perrigny',
      'DEVIS N° 2026-31 du 15/10/2026',
      'Désignation                         Qté     P.U. HT     Total HT',
      'Poêle à granulés 8 kW                1     3 900,00    3 900,00',
      'Total HT 3 900,00 €',
      'SARL ÂTRE EXEMPLE au capital de 10 000 € – SIRET 732 829 320 00074',
    ];
    expect(read(lines).client).toMatchObject({
      civilite: 'Mme',
      nom: 'Vuillermoz',
      prenom: 'Clémence',
    });
  });
});
