import { describe, expect, it } from '@jest/globals';
import { GESTE_GROUPS } from '../../src/domain/geste-types.js';
import {
  gesteCodes,
  itCountsControls,
  itPassesCompleteGestes,
  itRaisesOnBlankField,
} from './family-helpers.js';
import { completeGeste, validateGestes, without } from './fixtures.js';

describe('ventilation controls', () => {
  itPassesCompleteGestes(GESTE_GROUPS.ventilation);

  itRaisesOnBlankField([
    ['vmc_simple_flux', 'type_vmc', 'vmc_type_manquant'],
    ['vmc_double_flux', 'marque_caisson', 'vmc_marque_caisson_manquant'],
    ['vmc_simple_flux', 'reference_caisson', 'vmc_reference_caisson_manquant'],
    ['vmc_double_flux', 'marque_bouche_extraction', 'vmc_marque_bouche_extraction_manquant'],
    ['vmc_simple_flux', 'reference_bouche_extraction', 'vmc_reference_bouche_extraction_manquant'],
    ['vmc_double_flux', 'classe_caisson', 'vmc_classe_caisson_manquant'],
    ['vmc_simple_flux', 'puissance_absobée_pondéréé_moteur', 'vmc_puissance_manquant'],
    [
      'vmc_simple_flux',
      'nombre_bouches_entree_dair',
      'vmc_simple_flux_nombre_bouches_entree_dair_manquant',
    ],
    [
      'vmc_simple_flux',
      'marque_bouches_entree_dair',
      'vmc_simple_flux_marque_bouches_entree_dair_manquant',
    ],
    [
      'vmc_simple_flux',
      'reference_bouches_entree_dair',
      'vmc_simple_flux_reference_bouches_entree_dair_manquant',
    ],
    [
      'vmc_simple_flux',
      'emplacement_bouches_entree_dair',
      'vmc_simple_flux_emplacement_bouches_entree_dair_manquant',
    ],
    [
      'vmc_double_flux',
      'marque_bouches_soufflage',
      'vmc_double_flux_marque_bouches_soufflage_manquant',
    ],
    [
      'vmc_double_flux',
      'reference_bouches_soufflage',
      'vmc_double_flux_reference_bouches_soufflage_manquant',
    ],
    [
      'vmc_double_flux',
      'emplacement_bouches_soufflage',
      'vmc_double_flux_emplacement_bouches_soufflage_manquant',
    ],
    [
      'vmc_double_flux',
      'nombre_bouches_soufflage',
      'vmc_double_flux_nombre_bouches_soufflage_manquant',
    ],
  ]);

  itCountsControls([
    ['vmc_simple_flux', 12],
    ['vmc_double_flux', 12],
  ]);

  it.each([
    [{ nombre_bouche_extraction: 3 }, []],
    [{ nombre_bouches_extraction: 3 }, []],
    [{}, ['vmc_nombre_bouche_extraction_manquant']],
  ])('accepts the singular or plural number of extract vents (%j)', (fields, expected) => {
    const base = without(
      completeGeste('vmc_simple_flux'),
      'nombre_bouche_extraction',
      'nombre_bouches_extraction',
    );
    expect(gesteCodes(validateGestes([{ ...base, ...fields }]))).toEqual(expected);
  });
});
