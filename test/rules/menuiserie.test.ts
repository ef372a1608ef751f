import { describe, expect, it } from '@jest/globals';
import { GESTE_GROUPS } from '../../src/domain/geste-types.js';
import {
  gesteCodes,
  itCountsControls,
  itPassesCompleteGestes,
  itRaisesOnBlankField,
} from './family-helpers.js';
import { validateGestes } from './fixtures.js';

describe('joinery controls', () => {
  itPassesCompleteGestes(GESTE_GROUPS.menuiserie);

  itRaisesOnBlankField([
    ['menuiserie_fenetre', 'marque', 'menuiserie_marque_manquant'],
    ['menuiserie_porte', 'reference', 'menuiserie_reference_manquant'],
    ['menuiserie_volet_isolant', 'type_materiaux', 'menuiserie_type_materiau_manquant'],
    ['menuiserie_fenetre_toit', 'localisation', 'menuiserie_localisation_manquant'],
    ['menuiserie_fenetre', 'type_vitrage', 'menuiserie_type_vitrage_manquant'],
    ['menuiserie_porte', 'type_pose', 'menuiserie_type_pose_manquant'],
    ['menuiserie_fenetre_toit', 'position_paroie', 'menuiserie_position_paroie_manquant'],
    ['menuiserie_fenetre', 'uw', 'menuiserie_uw_fenetre_manquant'],
    ['menuiserie_fenetre', 'sw', 'menuiserie_sw_fenetre_manquant'],
    ['menuiserie_fenetre_toit', 'uw', 'menuiserie_uw_fenetre_toit_manquant'],
    ['menuiserie_fenetre_toit', 'sw', 'menuiserie_sw_fenetre_toit_manquant'],
    ['menuiserie_porte', 'ud', 'menuiserie_ud_porte_manquant'],
    ['menuiserie_volet_isolant', 'deltaR', 'menuiserie_deltar_volet_manquant'],
  ]);

  itCountsControls([
    ['menuiserie_fenetre', 9],
    ['menuiserie_fenetre_toit', 9],
    ['menuiserie_porte', 8],
    ['menuiserie_volet_isolant', 5],
  ]);

  it('does not ask a shutter for glazing, fitting or wall position', () => {
    const codes = gesteCodes(validateGestes([{ type: 'menuiserie_volet_isolant' }]));
    expect(codes).not.toContain('menuiserie_type_vitrage_manquant');
    expect(codes).not.toContain('menuiserie_position_paroie_manquant');
    expect(codes).toContain('menuiserie_deltar_volet_manquant');
  });

  it('keeps 0 as a value (numbers are never blank)', () => {
    const codes = gesteCodes(validateGestes([{ type: 'menuiserie_volet_isolant', deltaR: 0 }]));
    expect(codes).not.toContain('menuiserie_deltar_volet_manquant');
  });
});
