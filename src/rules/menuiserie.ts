/** Joinery controls (spec/rules.md §3.6), in evaluation order. */
import type { GesteType } from '../domain/geste-types.js';
import { GESTE_GROUPS } from '../domain/geste-types.js';
import { missing } from './conditions.js';
import type { Rule } from './engine.js';

const ALL = GESTE_GROUPS.menuiserie;
/** Every joinery type except the insulating shutter. */
const GLAZED: readonly GesteType[] = ALL.filter((type) => type !== 'menuiserie_volet_isolant');

export const MENUISERIE_RULES: readonly Rule[] = [
  { code: 'menuiserie_marque_manquant', gestes: ALL, failsIf: missing('marque') },
  { code: 'menuiserie_reference_manquant', gestes: ALL, failsIf: missing('reference') },
  { code: 'menuiserie_type_materiau_manquant', gestes: ALL, failsIf: missing('type_materiaux') },
  { code: 'menuiserie_localisation_manquant', gestes: ALL, failsIf: missing('localisation') },
  { code: 'menuiserie_type_vitrage_manquant', gestes: GLAZED, failsIf: missing('type_vitrage') },
  { code: 'menuiserie_type_pose_manquant', gestes: GLAZED, failsIf: missing('type_pose') },
  {
    code: 'menuiserie_position_paroie_manquant',
    gestes: GLAZED,
    failsIf: missing('position_paroie'),
  },
  {
    code: 'menuiserie_uw_fenetre_manquant',
    gestes: ['menuiserie_fenetre'],
    failsIf: missing('uw'),
  },
  {
    code: 'menuiserie_sw_fenetre_manquant',
    gestes: ['menuiserie_fenetre'],
    failsIf: missing('sw'),
  },
  {
    code: 'menuiserie_uw_fenetre_toit_manquant',
    gestes: ['menuiserie_fenetre_toit'],
    failsIf: missing('uw'),
  },
  {
    code: 'menuiserie_sw_fenetre_toit_manquant',
    gestes: ['menuiserie_fenetre_toit'],
    failsIf: missing('sw'),
  },
  { code: 'menuiserie_ud_porte_manquant', gestes: ['menuiserie_porte'], failsIf: missing('ud') },
  {
    code: 'menuiserie_deltar_volet_manquant',
    gestes: ['menuiserie_volet_isolant'],
    failsIf: missing('deltaR'),
  },
];
