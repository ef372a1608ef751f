/**
 * Insulation values written in different ways.
 */
import { describe, expect, test } from '@jest/globals';
import {
  flatRoofValues,
  floorValues,
  isolationValues,
  wallComplexValues,
} from '../../../src/extract/works/isolation.js';
import type { GesteText } from '../../../src/extract/works/measures.js';

function geste(designation: string, details: string[], extra: Partial<GesteText> = {}): GesteText {
  return { designation, details, notes: [], ...extra };
}

describe('insulation product and performance', () => {
  test('labelled product, thickness in cm, R, ACERMI, area', () => {
    const g = geste('Fourniture de laine de verre à souffler', [
      "Isolant : ACMEWOOL Flocon'R 45 – laine de verre en flocons",
      'Épaisseur soufflée (tassement compris) : 32 cm',
      'Résistance thermique R = 7,00 m².K/W',
      'Certificat ACERMI n° 15/128/998',
      'Surface isolée : 62 m²',
    ]);
    expect(isolationValues(g)).toEqual({
      marque_isolant: 'ACMEWOOL',
      reference_isolant: "Flocon'R 45",
      epaisseur_isolant: 32,
      resistance_thermique: 7,
      numero_acermi: '15/128/998',
      surface_isolant: 62,
    });
  });

  test.each([
    ['Épaisseur mise en œuvre : 160 mm', 16],
    ['ép. 200 mm', 20],
    ['épaisseur 12,5 cm', 12.5],
    ['Panneaux 120 mm', 12],
  ])('thickness "%s" → %s cm', (text, cm) => {
    expect(isolationValues(geste('Isolant', [text])).epaisseur_isolant).toBe(cm);
  });

  test.each([
    ['R = 5,25 m².K/W', 5.25],
    ['R=3,7', 3.7],
    ['Résistance thermique : 7 m2.K/W', 7],
    ['résistance thermique de 4,5', 4.5],
    ['Rth = 6,10', 6.1],
  ])('thermal resistance "%s" → %s', (text, r) => {
    expect(isolationValues(geste('Isolant', [text])).resistance_thermique).toBe(r);
  });

  test('a model name with an R in it is not a thermal resistance', () => {
    expect(
      isolationValues(geste('Isolant', ["Produit : ACME Souffl'R 45"])).resistance_thermique,
    ).toBeUndefined();
  });

  test('brand written as "marque X, référence Y", standard, area from the quantity', () => {
    const g = geste(
      'Isolation des rampants',
      ['Panneaux fibre de bois, marque Sylvia, référence Flexi 140', 'R = 5 selon NF EN 12667'],
      {
        quantite: 85,
        unite: 'm²',
      },
    );
    expect(isolationValues(g)).toMatchObject({
      marque_isolant: 'Sylvia',
      reference_isolant: 'Flexi 140',
      norme_calcul_resistance: 'NF EN 12667',
      surface_isolant: 85,
    });
  });

  test('a capitalised brand after the material', () => {
    expect(
      isolationValues(geste('ITE', ['Isolant laine de roche Rocalis Façade 140'])),
    ).toMatchObject({
      marque_isolant: 'Rocalis',
      reference_isolant: 'Façade 140',
    });
  });
});

describe('wall insulation complex', () => {
  test('facing, protection and fixing mentioned', () => {
    const g = geste('Isolant PSE', [
      'Fixation : collage au mortier-colle et chevillage',
      "Protection : sous-enduit armé d'un treillis",
      'Parement : enduit de finition minéral',
    ]);
    expect(wallComplexValues(g)).toEqual({
      presence_parement: true,
      presence_protection: true,
      presence_fixation: true,
    });
  });

  test('nothing mentioned gives no value (never false)', () => {
    expect(wallComplexValues(geste('Laine de verre 100 mm', []))).toEqual({});
  });
});

describe('lowest floor and flat roof', () => {
  test('labelled location, insulation from below', () => {
    const g = geste('Isolation sous plafond du sous-sol', [
      'Localisation : plafond du sous-sol non chauffé (garage et cave)',
      'Mise en œuvre en sous-face par chevillage',
    ]);
    expect(floorValues(g)).toEqual({
      localisation: 'plafond du sous-sol non chauffé (garage et cave)',
      emplacement: 'sous-face',
    });
  });

  test('insulation from above', () => {
    expect(floorValues(geste('Isolation sous chape (par le dessus)', [])).emplacement).toBe(
      'par le dessus',
    );
  });

  test('flat roof insulation type', () => {
    const g = geste('Isolation de la toiture-terrasse', [
      "Type d'isolation : par l'extérieur, sous étanchéité",
    ]);
    expect(flatRoofValues(g)).toEqual({
      type_isolation_toiture_terrasse: "par l'extérieur, sous étanchéité",
    });
  });
});

describe('thermal resistance with its unit (issue 12)', () => {
  test.each([
    ['Laine de verre ép. 300 mm, R = 7,50 m².K/W (λ 0,040)', 7.5, 0.04],
    ['PSE graphité ép. 140 mm, λ 0,032 W/m.K, R = 4,35 m².K/W', 4.35, 0.032],
    ['Résistance thermique R = 7 (m².K)/W', 7, undefined],
    // a thickness or a conductivity after an R label is never a resistance
    ['Isolant R 12 cm', undefined, undefined],
    ['Résistance thermique : épaisseur 200 mm, λ = 0,035 W/m.K', undefined, 0.035],
    ['Résistance thermique λ 0,038 W/(m.K)', undefined, 0.038],
    // two conductivities (two products): none is kept
    ['Panneaux λ 0,032 et λ 0,038, R 4', 4, undefined],
  ])('%s', (line, r, lambda) => {
    const values = isolationValues(geste('Isolation des combles perdus', [line]));
    expect(values.resistance_thermique).toBe(r);
    expect(values.lambda_isolant).toBe(lambda);
  });
});
