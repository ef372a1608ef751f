/**
 * Ventilation values written in different ways.
 */
import { describe, expect, test } from '@jest/globals';
import type { GesteText } from '../../../src/extract/works/measures.js';
import { ventilationValues } from '../../../src/extract/works/ventilation.js';

function geste(designation: string, details: string[]): GesteText {
  return { designation, details, notes: [] };
}

describe('single-flow ventilation', () => {
  test('fan unit, extract vents and air inlets', () => {
    const g = geste('VMC simple flux hygroréglable type B – fourniture et pose', [
      'Type : VMC simple flux hygroréglable de type B (Hygro B)',
      'Caisson AIRMAX Hygro Eco, classe énergétique A, puissance électrique pondérée 12,5 W-Th-C',
      '4 bouches d’extraction AIRMAX BEH-30 (cuisine, salle de bains, WC, cellier)',
      '5 entrées d’air AIRMAX EHA-2 – emplacement : menuiseries du séjour et des chambres',
    ]);
    expect(ventilationValues('vmc_simple_flux', g)).toEqual({
      type_vmc: 'VMC simple flux hygroréglable de type B (Hygro B)',
      marque_caisson: 'AIRMAX',
      reference_caisson: 'Hygro Eco',
      classe_caisson: 'A',
      puissance_absobée_pondéréé_moteur: 12.5,
      nombre_bouche_extraction: 4,
      marque_bouche_extraction: 'AIRMAX',
      reference_bouche_extraction: 'BEH-30',
      nombre_bouches_entree_dair: 5,
      marque_bouches_entree_dair: 'AIRMAX',
      reference_bouches_entree_dair: 'EHA-2',
      emplacement_bouches_entree_dair: 'menuiseries du séjour et des chambres',
    });
  });

  test('counts written after the vents, brand in mixed case, kind from the label', () => {
    const g = geste('VMC hygroréglable type B basse consommation', [
      "Caisson Extract'Air Hygro 2 – classe énergétique A – 9,8 W-Th-C",
      "Bouches d'extraction hygroréglables Extract'Air BHB x4 (cuisine, SdB, WC)",
      "Nombre d'entrées d'air : 5 (Ventix EA-30), posées sur les menuiseries des pièces sèches",
    ]);
    expect(ventilationValues('vmc_simple_flux', g)).toMatchObject({
      type_vmc: 'VMC hygroréglable type B basse consommation',
      marque_caisson: "Extract'Air",
      reference_caisson: 'Hygro 2',
      nombre_bouche_extraction: 4,
      marque_bouche_extraction: "Extract'Air",
      reference_bouche_extraction: 'BHB',
      nombre_bouches_entree_dair: 5,
      marque_bouches_entree_dair: 'Ventix',
      reference_bouches_entree_dair: 'EA-30',
    });
  });
});

describe('double-flow ventilation', () => {
  test('supply vents and their rooms', () => {
    const g = geste('Centrale double flux haut rendement', [
      'Type : VMC double flux avec échangeur',
      'Centrale de marque Ventair, modèle Duo 300 Eco, classe A+, 31,5 W-Th-C',
      '3 bouches d’extraction Ventair BE-80',
      '6 bouches de soufflage Ventair BS-80 (séjour, bureau et chambres)',
    ]);
    expect(ventilationValues('vmc_double_flux', g)).toEqual({
      type_vmc: 'VMC double flux avec échangeur',
      marque_caisson: 'Ventair',
      reference_caisson: 'Duo 300 Eco',
      classe_caisson: 'A+',
      puissance_absobée_pondéréé_moteur: 31.5,
      nombre_bouche_extraction: 3,
      marque_bouche_extraction: 'Ventair',
      reference_bouche_extraction: 'BE-80',
      nombre_bouches_soufflage: 6,
      marque_bouches_soufflage: 'Ventair',
      reference_bouches_soufflage: 'BS-80',
      emplacement_bouches_soufflage: 'séjour, bureau et chambres',
    });
  });
});
