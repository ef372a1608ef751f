import { describe, expect, test } from '@jest/globals';
import { clientAttributes, findClientBlock } from '../../../src/extract/admin/client.js';
import { createAdminContext } from '../../../src/extract/admin/context.js';
import { readProBlock } from '../../../src/extract/admin/pro.js';
import { findSiteBlock } from '../../../src/extract/admin/site.js';
import { blockAddress } from '../../../src/extract/admin/party-block.js';
import { documentFromText } from '../../../src/extract/document.js';

function read(text: string) {
  const ctx = createAdminContext(documentFromText(text));
  const client = findClientBlock(ctx);
  const site = findSiteBlock(ctx);
  const pro = readProBlock(ctx, [...(client?.cells ?? []), ...(site?.cells ?? [])]);
  return { client: clientAttributes(client), site: site ? blockAddress(site) : undefined, pro };
}

const TABLE = 'Désignation        Qté      P.U. HT      Total HT';

describe('company block on the left, customer block on the right', () => {
  const text = [
    'ATELIER EXEMPLE                                  DEVIS',
    'Isolation – Chauffage                            N° : AE-2026-12',
    '12 rue des Artisans                              Date : 06/10/2026',
    '35000 Rennes',
    'Tél. 01 99 00 12 34',
    'contact@atelier-exemple.fr',
    '                                 Monsieur Jean EXEMPLE',
    '                                 4 allée des Lilas',
    '                                 35700 Rennes',
    '                                 Tél. 06 39 98 00 01',
    TABLE,
  ].join('\n');

  test('customer', () => {
    expect(read(text).client).toEqual({
      civilite: 'Monsieur',
      nom: 'Exemple',
      prenom: 'Jean',
      adresse: '4 allée des Lilas, 35700 Rennes',
      telephone: '0639980001',
    });
  });

  test('company', () => {
    const { pro } = read(text);
    expect(pro.raisonSociale).toBe('ATELIER EXEMPLE');
    expect(pro.adresse).toBe('12 rue des Artisans, 35000 Rennes');
    expect(pro.phones[0]?.value).toBe('0199001234');
    expect(pro.emails[0]?.value).toBe('contact@atelier-exemple.fr');
  });
});

test('side-by-side ENTREPRISE / CLIENT columns', () => {
  const text = [
    'ENTREPRISE                          CLIENT',
    'ATELIER EXEMPLE SARL                Mme Anne EXEMPLE-DURAND',
    '3 place du Marché                   Lieu-dit Les Landes',
    '22000 Saint-Brieuc                  22400 Lamballe',
    '02 61 91 00 00                      06 39 98 00 02',
    TABLE,
  ].join('\n');
  const { client, pro } = read(text);
  expect(client).toMatchObject({ civilite: 'Mme', nom: 'Exemple-Durand', prenom: 'Anne' });
  expect(client.adresse).toBe('Lieu-dit Les Landes, 22400 Lamballe');
  expect(client.telephone).toBe('0639980002');
  expect(pro).toMatchObject({ raisonSociale: 'ATELIER EXEMPLE', formeJuridique: 'SARL' });
  expect(pro.adresse).toBe('3 place du Marché, 22000 Saint-Brieuc');
  expect(pro.phones[0]?.value).toBe('0261910000');
});

test('labelled customer below the company, inline address', () => {
  const text = [
    'EXEMPLE ÉNERGIES',
    '5 avenue de la Gare, 69000 Lyon',
    "À l'attention de : M. EXEMPLE Paul, 8 rue Neuve, 69100 Villeurbanne",
    TABLE,
  ].join('\n');
  const { client, pro } = read(text);
  expect(client).toMatchObject({ civilite: 'M.', nom: 'Exemple', prenom: 'Paul' });
  expect(client.adresse).toBe('8 rue Neuve, 69100 Villeurbanne');
  expect(pro.adresse).toBe('5 avenue de la Gare, 69000 Lyon');
});

test('labelled fields (Nom, Prénom, Adresse, Code postal)', () => {
  const text = [
    'Informations client',
    'Nom : EXEMPLE',
    'Prénom : Louise',
    'Adresse : 16 rue Monge',
    'Code postal : 21000 Ville : Dijon',
    'Téléphone : 06 39 98 00 03',
    'Email : louise@exemple-mail.fr',
    TABLE,
  ].join('\n');
  expect(read(text).client).toEqual({
    nom: 'Exemple',
    prenom: 'Louise',
    adresse: '16 rue Monge, 21000 Dijon',
    telephone: '0639980003',
    email: 'louise@exemple-mail.fr',
  });
});

test('a customer code is not the customer block', () => {
  const text = [
    'ATELIER EXEMPLE',
    'Client : C-00042',
    'Madame Anne EXEMPLE',
    '2 rue du Port',
    '56100 Lorient',
    TABLE,
  ].join('\n');
  expect(read(text).client).toMatchObject({
    civilite: 'Madame',
    nom: 'Exemple',
    adresse: '2 rue du Port, 56100 Lorient',
  });
});

test('a sole trader on the first line is the company, not the customer', () => {
  const text = [
    'M. Paul EXEMPLE',
    'Plomberie – Chauffage',
    '4 rue Haute',
    '71000 Mâcon                                   Sylvie DURAND',
    '                                              3 chemin du Lavoir',
    '                                              71460 Cormatin',
    TABLE,
  ].join('\n');
  const { client, pro } = read(text);
  expect(client).toMatchObject({
    nom: 'Durand',
    prenom: 'Sylvie',
    adresse: '3 chemin du Lavoir, 71460 Cormatin',
  });
  expect(pro.raisonSociale).toBe('Paul EXEMPLE');
  expect(pro.adresse).toBe('4 rue Haute, 71000 Mâcon');
});

describe('works-site address', () => {
  test('labelled block', () => {
    const text = [
      'ATELIER EXEMPLE',
      'Adresse des travaux :',
      '21 avenue Thiers',
      '33100 Bordeaux',
      TABLE,
    ].join('\n');
    expect(read(text).site).toBe('21 avenue Thiers, 33100 Bordeaux');
  });

  test('inline address', () => {
    const text = [
      'ATELIER EXEMPLE',
      'Lieu des travaux : 3 impasse des Roses, 35520 Melesse',
      TABLE,
    ].join('\n');
    expect(read(text).site).toBe('3 impasse des Roses, 35520 Melesse');
  });

  test('a mention is not an address', () => {
    const text = [
      'ATELIER EXEMPLE',
      "Adresse du chantier : identique à l'adresse du client",
      'Objet : isolation',
      '35000 Rennes',
      TABLE,
    ].join('\n');
    expect(read(text).site).toBeUndefined();
  });
});

test('company address in the legal footer only', () => {
  const text = [
    'ATELIER EXEMPLE',
    'Tél. 01 99 00 45 67',
    TABLE,
    'Total HT 100,00 €',
    'Siège social : 14 boulevard de la Reine 78000 Versailles – SARL au capital de 8 000 € – SIRET 732 829 320 00074',
  ].join('\n');
  const { pro } = read(text);
  expect(pro.adresse).toBe('14 boulevard de la Reine, 78000 Versailles');
  expect(pro.addressLines).toEqual(['14 boulevard de la Reine 78000 Versailles']);
});
