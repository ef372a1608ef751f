/**
 * Components described over several labelled items (vents, fan unit, collectors, controller,
 * insulation product) and glazing written in short forms. Names are invented.
 */
import { describe, expect, test } from '@jest/globals';
import { classifyLine } from '../../../src/extract/works/classify.js';
import { biomassValues } from '../../../src/extract/works/combustion.js';
import { isolationValues } from '../../../src/extract/works/isolation.js';
import type { GesteText } from '../../../src/extract/works/measures.js';
import { menuiserieValues } from '../../../src/extract/works/menuiserie.js';
import { collectorArea, collectorBrand } from '../../../src/extract/works/solaire.js';
import { toSource } from '../../../src/extract/works/text.js';
import { ventilationValues } from '../../../src/extract/works/ventilation.js';

function geste(designation: string, details: string[]): GesteText {
  return { designation, details, notes: [] };
}

describe('ventilation over labelled items', () => {
  test('single flow: model, references and counts on items of their own', () => {
    const g = geste('VMC simple flux – fourniture et pose', [
      'Système VMC simple flux hygroréglable de type A',
      "Groupe d'extraction de marque ZORVEX",
      'Modèle Quilo 210 Hygro',
      "Bouches d'extraction PLUMIR",
      "Réf. bouches d'extraction : Tesa 12 BX",
      "Nombre de bouches d'extraction : 3",
      "Entrées d'air PLUMIR",
      "Référence des entrées d'air : Tesa-9 EA",
      "Entrées d'air posées sur : séjour et chambres",
    ]);
    expect(ventilationValues('vmc_simple_flux', g)).toMatchObject({
      type_vmc: 'VMC simple flux hygroréglable de type A',
      marque_caisson: 'ZORVEX',
      reference_caisson: 'Quilo 210 Hygro',
      marque_bouche_extraction: 'PLUMIR',
      reference_bouche_extraction: 'Tesa 12 BX',
      nombre_bouche_extraction: 3,
      marque_bouches_entree_dair: 'PLUMIR',
      reference_bouches_entree_dair: 'Tesa-9 EA',
      emplacement_bouches_entree_dair: 'séjour et chambres',
    });
  });

  test('double flow: "Référence caisson :" and "Soufflage dans :"', () => {
    const g = geste('Ventilation mécanique contrôlée', [
      'Caisson VERNALI',
      'Référence caisson : Orvo 300 DF',
      'Bouches de soufflage VERNALI',
      'Réf. bouches de soufflage : Sil-20 BS',
      '4 bouches de soufflage',
      'Soufflage dans : séjour et bureau',
    ]);
    const values = ventilationValues('vmc_double_flux', g);
    expect(values).toMatchObject({
      marque_caisson: 'VERNALI',
      reference_caisson: 'Orvo 300 DF',
      marque_bouches_soufflage: 'VERNALI',
      reference_bouches_soufflage: 'Sil-20 BS',
      nombre_bouches_soufflage: 4,
      emplacement_bouches_soufflage: 'séjour et bureau',
    });
    expect(values.type_vmc).toBeUndefined();
  });

  test('brand and model on one line with a count in parentheses', () => {
    const g = geste('VMC hygroréglable', [
      'Caisson VMC hygroréglable type B marque Ventazur réf. Kelo 2',
      "Bouches d'extraction : Ventazur modèle Brisa 30 (x3)",
    ]);
    expect(ventilationValues('vmc_simple_flux', g)).toMatchObject({
      marque_caisson: 'Ventazur',
      reference_caisson: 'Kelo 2',
      nombre_bouche_extraction: 3,
      marque_bouche_extraction: 'Ventazur',
      reference_bouche_extraction: 'Brisa 30',
    });
  });

  test('a ventilation with supply vents is double flow', () => {
    const input = { label: 'Ventilation mécanique contrôlée ACME', details: [], notes: [] };
    expect(classifyLine({ ...input, details: ['3 bouches de soufflage'] })).toBe('vmc_double_flux');
    expect(classifyLine({ ...input, details: ["3 entrées d'air"] })).toBe('vmc_simple_flux');
  });
});

describe('collectors and controller', () => {
  test('"Marque des capteurs :" and "Référence capteurs :"', () => {
    const g = geste('Système solaire combiné', [
      'Marque des capteurs : HELIOZ',
      'Référence capteurs : Sola 25 V',
      'Technologie : capteurs plans vitrés',
    ]);
    expect(collectorBrand(g)).toEqual({ brand: 'HELIOZ', model: 'Sola 25 V' });
  });

  test('collector area labelled after the collectors', () => {
    expect(collectorArea(toSource("surface d'entree des capteurs : 12,5 m²"))).toBe(12.5);
    expect(collectorArea(toSource('capteurs : 4,4 m² au total'))).toBe(4.4);
  });

  test('controller brand, reference and class on separate items', () => {
    const g = geste('Chaudière à granulés', [
      'Régulateur FOVARI PRO',
      'Référence régulateur : Tino 12',
      'Classe du régulateur : VI',
    ]);
    expect(biomassValues(g, toSource(g.details.join('\n')))).toMatchObject({
      marque_regulateur: 'FOVARI PRO',
      reference_regulateur: 'Tino 12',
      classe_regulateur: 'VI',
    });
  });
});

describe('insulation product and glazing', () => {
  test('"Produit :" gives the reference of a labelled brand', () => {
    const g = geste('Fourniture isolant laine de roche', [
      'Isolant de marque ROCALIX',
      'Produit : Duro-40',
    ]);
    expect(isolationValues(g)).toMatchObject({
      marque_isolant: 'ROCALIX',
      reference_isolant: 'Duro-40',
    });
  });

  test.each([
    ['Vitrage : triple', 'triple'],
    ['Double vitrage 4/16/4 argon', 'double'],
    ['DV 4/20/4 faiblement émissif', 'double'],
    ['Vitrage isolant double', 'double'],
    ['vitrage 4/12/4/12/4', 'triple'],
  ])('%s', (item, kind) => {
    const g = geste('Fenêtre PVC 2 vantaux', [item]);
    expect(menuiserieValues('menuiserie_fenetre', g).type_vitrage).toBe(kind);
  });

  test('a date is no glass composition', () => {
    const g = geste('Fenêtre PVC 2 vantaux', ['Pose prévue le 12/05/26']);
    expect(menuiserieValues('menuiserie_fenetre', g).type_vitrage).toBeUndefined();
  });
});
