import { describe, expect, it } from '@jest/globals';
import { GESTE_GROUPS } from '../../src/domain/geste-types.js';
import {
  gesteCodes,
  itCountsControls,
  itPassesCompleteGestes,
  itRaisesOnBlankField,
} from './family-helpers.js';
import { validateGestes } from './fixtures.js';

describe('hot water controls', () => {
  itPassesCompleteGestes(GESTE_GROUPS.eau_chaude);

  itRaisesOnBlankField([
    ['chauffe_eau_thermo', 'marque', 'eau_chaude_marque_manquant'],
    ['chauffe_eau_solaire_individuel', 'reference', 'eau_chaude_reference_manquant'],
    ['chauffe_eau_thermo', 'volume', 'eau_chaude_volume_manquant'],
    ['chauffe_eau_solaire_individuel', 'ETAS', 'eau_chaude_etas_manquant'],
    ['chauffe_eau_thermo', 'profil_soutirage', 'eau_chaude_profil_soutirage_manquant'],
    ['chauffe_eau_solaire_individuel', 'type_appoint', 'cesi_type_appoint_manquant'],
    ['chauffe_eau_solaire_individuel', 'surface_capteur', 'cesi_surface_capteur_manquant'],
    [
      'chauffe_eau_solaire_individuel',
      'classe_energetique_ballon',
      'cesi_classe_energetique_ballon_manquant',
    ],
    ['chauffe_eau_solaire_individuel', 'fluide_capteur', 'cesi_fluide_manquant'],
    ['chauffe_eau_thermo', 'COP', 'chauffe_eau_thermodynamique_cop_manquant'],
    [
      'chauffe_eau_thermo',
      'type_installation',
      'chauffe_eau_thermodynamique_type_installation_manquant',
    ],
  ]);

  itCountsControls([
    ['chauffe_eau_solaire_individuel', 9],
    ['chauffe_eau_thermo', 7],
  ]);

  it('gives the thermodynamic alias the same controls', () => {
    const alias = gesteCodes(validateGestes([{ type: 'chauffe_eau_thermodynamique' }]));
    const canonical = gesteCodes(validateGestes([{ type: 'chauffe_eau_thermo' }]));
    expect(alias).toEqual(canonical);
  });
});
