import { describe, expect, it } from '@jest/globals';
import { GESTE_GROUPS } from '../../src/domain/geste-types.js';
import { checkedFields } from '../../src/rules/engine.js';
import { ISOLATION_RULES } from '../../src/rules/isolation.js';
import {
  gesteCodes,
  itCountsControls,
  itPassesCompleteGestes,
  itRaisesOnBlankField,
} from './family-helpers.js';
import { completeGeste, validateGestes, without } from './fixtures.js';

describe('insulation controls', () => {
  itPassesCompleteGestes(GESTE_GROUPS.isolation);

  itRaisesOnBlankField([
    ['isolation_comble_perdu', 'marque_isolant', 'isolation_marque_manquant'],
    ['isolation_rampants_toiture', 'reference_isolant', 'isolation_reference_manquant'],
    ['isolation_plancher_bas', 'surface_isolant', 'isolation_surface_manquant'],
    ['isolation_toiture_terrasse', 'epaisseur_isolant', 'isolation_epaisseur_manquant'],
    ['isolation_thermique_par_exterieur_ITE', 'resistance_thermique', 'isolation_r_manquant'],
    ['isolation_plancher_bas', 'localisation', 'isolation_localisation_plancher_bas_manquant'],
    [
      'isolation_toiture_terrasse',
      'type_isolation_toiture_terrasse',
      'isolation_type_isolation_toiture_terrasse_manquant',
    ],
  ]);

  itCountsControls([
    ['isolation_thermique_par_exterieur_ITE', 7],
    ['isolation_thermique_par_interieur_ITI', 7],
    ['isolation_toiture_terrasse', 7],
    ['isolation_plancher_bas', 7],
    ['isolation_comble_perdu', 6],
    ['isolation_rampants_toiture', 6],
  ]);

  it.each([
    [['norme_calcul_resistance'], []],
    [['numero_acermi'], []],
    [['norme_calcul_resistance', 'numero_acermi'], ['isolation_norme_acermi_manquant']],
  ])('a calculation standard or an ACERMI number is enough (removed %j)', (fields, expected) => {
    const geste = without(completeGeste('isolation_comble_perdu'), ...fields);
    expect(gesteCodes(validateGestes([geste]))).toEqual(expected);
  });

  it.each([
    [{ presence_parement: true, presence_protection: false, presence_fixation: null }, []],
    [{ presence_parement: false, presence_protection: false, presence_fixation: false }, ['x']],
    [{ presence_parement: null, presence_protection: undefined, presence_fixation: '' }, ['x']],
  ])('ITE/ITI: any one of facing, protection, fixing is enough (%j)', (fields, expected) => {
    for (const type of [
      'isolation_thermique_par_exterieur_ITE',
      'isolation_thermique_par_interieur_ITI',
    ] as const) {
      const codes = gesteCodes(validateGestes([{ ...completeGeste(type), ...fields }]));
      const want = expected.length ? ['isolation_parement_fixation_protection_manquant'] : [];
      expect(codes).toEqual(want);
    }
  });

  it('evaluates controls in the order of the spec', () => {
    const result = validateGestes([{ type: 'isolation_plancher_bas' }]);
    expect(result.controlCodes.slice(25, 32)).toEqual([
      'isolation_marque_manquant',
      'isolation_reference_manquant',
      'isolation_surface_manquant',
      'isolation_epaisseur_manquant',
      'isolation_r_manquant',
      'isolation_norme_acermi_manquant',
      'isolation_localisation_plancher_bas_manquant',
    ]);
  });

  it('reads its fields off the table', () => {
    expect(checkedFields(ISOLATION_RULES)).toContain('numero_acermi');
    expect(checkedFields(ISOLATION_RULES)).toContain('presence_fixation');
  });
});
