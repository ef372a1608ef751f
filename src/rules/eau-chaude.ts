/** Domestic hot water controls (spec/rules.md §3.8), in evaluation order. */
import { GESTE_GROUPS } from '../domain/geste-types.js';
import { missing } from './conditions.js';
import type { Rule } from './engine.js';

const ALL = GESTE_GROUPS.eau_chaude;
const CESI = ['chauffe_eau_solaire_individuel'] as const;
const CET = ['chauffe_eau_thermo'] as const;

export const EAU_CHAUDE_RULES: readonly Rule[] = [
  { code: 'eau_chaude_marque_manquant', gestes: ALL, failsIf: missing('marque') },
  { code: 'eau_chaude_reference_manquant', gestes: ALL, failsIf: missing('reference') },
  { code: 'eau_chaude_volume_manquant', gestes: ALL, failsIf: missing('volume') },
  { code: 'eau_chaude_etas_manquant', gestes: ALL, failsIf: missing('ETAS') },
  {
    code: 'eau_chaude_profil_soutirage_manquant',
    gestes: ALL,
    failsIf: missing('profil_soutirage'),
  },
  { code: 'cesi_type_appoint_manquant', gestes: CESI, failsIf: missing('type_appoint') },
  { code: 'cesi_surface_capteur_manquant', gestes: CESI, failsIf: missing('surface_capteur') },
  {
    code: 'cesi_classe_energetique_ballon_manquant',
    gestes: CESI,
    failsIf: missing('classe_energetique_ballon'),
  },
  { code: 'cesi_fluide_manquant', gestes: CESI, failsIf: missing('fluide_capteur') },
  { code: 'chauffe_eau_thermodynamique_cop_manquant', gestes: CET, failsIf: missing('COP') },
  {
    code: 'chauffe_eau_thermodynamique_type_installation_manquant',
    gestes: CET,
    failsIf: missing('type_installation'),
  },
];
