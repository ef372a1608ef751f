/**
 * Brand and model found without any list of brands.
 */
import { describe, expect, test } from '@jest/globals';
import {
  brandAfterLabel,
  capsBrandModel,
  cutModel,
  labelledAcross,
  labelledBrandModel,
} from '../../../src/extract/works/brand.js';

describe('labelled brand and model', () => {
  test.each([
    ['Marque ACME, modèle Clara 70 OB2', 'ACME', 'Clara 70 OB2'],
    [
      'Marque ACME – modèle Hydra HT 11 (UE X-110 + module M-2)',
      'ACME',
      'Hydra HT 11 (UE X-110 + module M-2)',
    ],
    ['de marque Dorvia, modèle Caldera HT 14', 'Dorvia', 'Caldera HT 14'],
    ['Marque : Placo, gamme Doublo 13+100', 'Placo', 'Doublo 13+100'],
    ['Centrale Ventair modèle Duo 300 Eco', 'Ventair', 'Duo 300 Eco'],
    ['marque : Hydrosol ; modele : Ecotherm 250 ; COP 3.2', 'Hydrosol', 'Ecotherm 250'],
  ])('%s', (text, brand, model) => {
    expect(labelledBrandModel(text)).toEqual({ brand, model });
  });

  test('brand and model on separate lines', () => {
    expect(
      labelledAcross(['Marque : Pelletec', 'Modèle : Compact 18', 'Puissance : 18 kW']),
    ).toEqual({
      brand: 'Pelletec',
      model: 'Compact 18',
    });
  });

  test('a model is cut at a dash, a semicolon or a comma outside parentheses', () => {
    expect(cutModel('Nordik 3 – Ud 1,2 W/m².K')).toBe('Nordik 3');
    expect(cutModel('BX-125 (cuisine, WC), classe A')).toBe('BX-125 (cuisine, WC)');
  });
});

describe('brand without label', () => {
  test.each([
    ['Isolant : ACMEWOOL Flocon 45 – laine de verre', 'ACMEWOOL', 'Flocon 45'],
    ['Caisson ACMEVENT DF-Confort 350, échangeur', 'ACMEVENT', 'DF-Confort 350'],
    ['Pompe à chaleur air/eau ACMEPAC Hydra 11 kW', 'ACMEPAC', 'Hydra'],
  ])('capitals: %s', (text, brand, model) => {
    expect(capsBrandModel(text)).toEqual({ brand, model });
  });

  test('trade acronyms and whole lines in capitals are no brand', () => {
    expect(capsBrandModel('Fenêtre PVC double vitrage')).toEqual({});
    expect(capsBrandModel('POMPE A CHALEUR AIR/EAU')).toEqual({});
    expect(capsBrandModel('Fluide R32, classe A+')).toEqual({});
  });

  test('a capitalised brand right after a label', () => {
    expect(brandAfterLabel('Ventix EA-30 posées sur les menuiseries')).toEqual({
      brand: 'Ventix',
      model: 'EA-30',
    });
    expect(brandAfterLabel("Extract'Air Hygro 2 – classe A")).toEqual({
      brand: "Extract'Air",
      model: 'Hygro 2',
    });
  });
});
