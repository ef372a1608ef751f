/**
 * Hot-water values written in different ways.
 */
import { describe, expect, test } from '@jest/globals';
import { eauChaudeValues } from '../../../src/extract/works/eau-chaude.js';
import type { GesteText } from '../../../src/extract/works/measures.js';

function geste(designation: string, details: string[]): GesteText {
  return { designation, details, notes: [] };
}

describe('heat-pump water heater', () => {
  test('fully described', () => {
    const g = geste('Chauffe-eau thermodynamique 200 L sur air ambiant', [
      'Marque AQUAMAX, modèle Aera 200 VM',
      'Capacité 200 L, profil de soutirage L',
      'COP 3,3 (selon EN 16147, air à 15 °C) – Efficacité énergétique ETAS (ηwh) 135 %',
    ]);
    expect(eauChaudeValues('chauffe_eau_thermo', g)).toEqual({
      marque: 'AQUAMAX',
      reference: 'Aera 200 VM',
      volume: 200,
      ETAS: 135,
      profil_soutirage: 'L',
      COP: 3.3,
      type_installation: 'air ambiant',
    });
  });

  test.each([
    ['sur air extérieur (gainé)', 'air extérieur'],
    ['installation sur air extrait (VMC)', 'air extrait'],
    ['en air ambiant, buanderie', 'air ambiant'],
  ])('air source "%s"', (text, value) => {
    expect(eauChaudeValues('chauffe_eau_thermo', geste('CET', [text])).type_installation).toBe(
      value,
    );
  });

  test.each([
    ['Ballon de 270 litres', 270],
    ['volume : 250 L', 250],
    ['CET 100L', 100],
  ])('volume "%s"', (text, value) => {
    expect(eauChaudeValues('chauffe_eau_thermo', geste(text, [])).volume).toBe(value);
  });

  test.each([
    ['profil XL', 'XL'],
    ['Profil de soutirage : M', 'M'],
    ['soutirage XXL', 'XXL'],
  ])('tapping profile "%s"', (text, value) => {
    expect(eauChaudeValues('chauffe_eau_thermo', geste('CET', [text])).profil_soutirage).toBe(
      value,
    );
  });
});

describe('solar water heater', () => {
  test('collectors, back-up, tank class, fluid', () => {
    const g = geste('Chauffe-eau solaire individuel 300 L', [
      'Marque SOLARO, modèle Helio 300',
      "2 capteurs plans vitrés, surface d'entrée totale 4,6 m²",
      'Ballon classe énergétique B',
      'Appoint électrique intégré',
      'Fluide caloporteur : eau glycolée',
      'ETAS 110 % – profil XL',
    ]);
    expect(eauChaudeValues('chauffe_eau_solaire_individuel', g)).toEqual({
      marque: 'SOLARO',
      reference: 'Helio 300',
      volume: 300,
      ETAS: 110,
      profil_soutirage: 'XL',
      type_appoint: 'electrique',
      surface_capteur: 4.6,
      classe_energetique_ballon: 'B',
      fluide_capteur: 'eau glycolée',
    });
  });
});
