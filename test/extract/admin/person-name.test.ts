import { describe, expect, test } from '@jest/globals';
import {
  parseTitledName,
  restoreCase,
  splitPersonName,
} from '../../../src/extract/admin/person-name.js';

describe('parseTitledName', () => {
  test.each([
    ['Monsieur Gaston EXEMPLE', 'Monsieur', 'Exemple', 'Gaston'],
    ['M. EXEMPLE', 'M.', 'Exemple', undefined],
    ['M. Jean-Pierre EXEMPLE', 'M.', 'Exemple', 'Jean-Pierre'],
    ['Mme EXEMPLE-DURAND Anne', 'Mme', 'Exemple-Durand', 'Anne'],
    ['Madame Anne Exemple', 'Madame', 'Exemple', 'Anne'],
    ['M. et Mme EXEMPLE', 'M. et Mme', 'Exemple', undefined],
    ['Monsieur et Madame Jean EXEMPLE', 'Monsieur et Madame', 'Exemple', 'Jean'],
    ['Mme et M. Anne et Paul EXEMPLE', 'Mme et M.', 'Exemple', 'Anne et Paul'],
    ['Mme Anne de LA FONTAINE', 'Mme', 'de La Fontaine', 'Anne'],
    ["M. Yves D'ARTAGNAN", 'M.', "D'Artagnan", 'Yves'],
    ['MONSIEUR JEAN EXEMPLE', 'MONSIEUR', 'Exemple', 'Jean'],
  ])('%s', (text, civilite, nom, prenom) => {
    const name = parseTitledName(text);
    expect(name?.civilite).toBe(civilite);
    expect(name?.nom).toBe(nom);
    expect(name?.prenom).toBe(prenom);
  });

  test('greetings and other lines are not names', () => {
    expect(parseTitledName('Madame, Monsieur,')?.nom).toBeUndefined();
    expect(parseTitledName('MENUISERIE EXEMPLE')).toBeUndefined();
    expect(parseTitledName('Montant total HT')).toBeUndefined();
  });

  test('the printed parts are kept for anonymisation', () => {
    expect(parseTitledName('Madame Chantal EXEMPLE')).toMatchObject({
      nomRaw: 'EXEMPLE',
      prenomRaw: 'Chantal',
      fullRaw: 'Chantal EXEMPLE',
    });
  });
});

test('splitPersonName without a title', () => {
  expect(splitPersonName('EXEMPLE Martin')).toMatchObject({ nom: 'Exemple', prenom: 'Martin' });
  expect(splitPersonName('Sylvie EXEMPLE')).toMatchObject({ nom: 'Exemple', prenom: 'Sylvie' });
  expect(splitPersonName('12 rue des Lilas')).toBeUndefined();
});

test('restoreCase', () => {
  expect(restoreCase('BERTHAUD-MOYNET')).toBe('Berthaud-Moynet');
  expect(restoreCase('LE GOFF')).toBe('Le Goff');
  expect(restoreCase('Dupont')).toBe('Dupont');
});
