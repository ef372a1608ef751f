import { expect, test } from '@jest/globals';
import { extractAdmin } from '../../../src/extract/admin/index.js';
import { documentFromText } from '../../../src/extract/document.js';

const TEXT = [
  'ATELIER EXEMPLE                                  DEVIS',
  '12 rue des Artisans                              N° : AE-2026-12',
  '35000 Rennes                                     Date : 06/10/2026',
  'Tél. 01 99 00 12 34 – contact@atelier-exemple.fr – www.atelier-exemple.fr',
  '                                 Monsieur Jean EXEMPLE',
  '                                 4 allée des Lilas',
  '                                 35700 Rennes',
  '                                 Tél. 06 39 98 00 01',
  'Désignation        Qté      P.U. HT      Total HT',
  'Total HT 100,00 €',
  'Qualification RGE n° E-E123456 – Assurance décennale : Mutuelle Exemple – contrat n° ME-42',
  'Pour l’entreprise',
  'Claire Martin, gérante',
  'IBAN : FR76 3000 6000 0112 3456 7890 189',
  'ATELIER EXEMPLE – SARL au capital de 8 000 € – SIRET 732 829 320 00074 – RCS Rennes 732 829 320 – TVA FR44732829320',
].join('\n');

test('the private-data lists hold every personal datum, as printed', () => {
  const doc = documentFromText(TEXT);
  const a = extractAdmin(doc);
  expect(a.noms).toEqual(expect.arrayContaining(['Jean EXEMPLE', 'Claire Martin']));
  expect(a.client_noms_de_famille).toEqual(['EXEMPLE']);
  expect(a.client_prenoms).toEqual(['Jean']);
  expect(a.client_civilite).toEqual(['Monsieur']);
  expect(a.client_adresses).toEqual(['4 allée des Lilas', '35700 Rennes']);
  expect(a.pro_adresses).toEqual(['12 rue des Artisans', '35000 Rennes']);
  expect(a.telephones).toEqual(['01 99 00 12 34', '06 39 98 00 01']);
  expect(a.emails).toEqual(['contact@atelier-exemple.fr']);
  expect(a.uris).toEqual(['www.atelier-exemple.fr']);
  expect(a.ibans).toEqual(['FR76 3000 6000 0112 3456 7890 189']);
  expect(a.sirets).toEqual(['732 829 320 00074']);
  expect(a.numero_rcss).toEqual(['732 829 320']);
  expect(a.ville_immatriculation_rcss).toEqual(['Rennes']);
  expect(a.numeros_tva).toEqual(['FR44732829320']);
  expect(a.numero_rge).toEqual(['E-E123456']);
  expect(a.assurances).toEqual(['ME-42']);
  expect(a.raison_sociales).toEqual(['ATELIER EXEMPLE']);
  expect(a.forme_juridiques).toEqual(['SARL']);
  expect(a.capital_social).toEqual(['8 000 €']);
  for (const list of Object.values(a).filter(
    (v): v is string[] => Array.isArray(v) && typeof v[0] === 'string',
  )) {
    for (const value of list) expect(doc.text).toContain(value);
  }
});

test('a document without text gives nothing', () => {
  expect(extractAdmin(documentFromText(''))).toEqual({});
});
