/** Insulation controls (spec/rules.md §3.5), in evaluation order. */
import type { GesteType } from '../domain/geste-types.js';
import { GESTE_GROUPS } from '../domain/geste-types.js';
import { missing, missingAll, noneTruthy } from './conditions.js';
import type { Rule } from './engine.js';

const ALL = GESTE_GROUPS.isolation;
const WALLS: readonly GesteType[] = [
  'isolation_thermique_par_exterieur_ITE',
  'isolation_thermique_par_interieur_ITI',
];

export const ISOLATION_RULES: readonly Rule[] = [
  { code: 'isolation_marque_manquant', gestes: ALL, failsIf: missing('marque_isolant') },
  { code: 'isolation_reference_manquant', gestes: ALL, failsIf: missing('reference_isolant') },
  { code: 'isolation_surface_manquant', gestes: ALL, failsIf: missing('surface_isolant') },
  { code: 'isolation_epaisseur_manquant', gestes: ALL, failsIf: missing('epaisseur_isolant') },
  { code: 'isolation_r_manquant', gestes: ALL, failsIf: missing('resistance_thermique') },
  {
    code: 'isolation_norme_acermi_manquant',
    gestes: ALL,
    failsIf: missingAll('norme_calcul_resistance', 'numero_acermi'),
  },
  {
    code: 'isolation_parement_fixation_protection_manquant',
    gestes: WALLS,
    failsIf: noneTruthy('presence_parement', 'presence_protection', 'presence_fixation'),
  },
  {
    code: 'isolation_type_isolation_toiture_terrasse_manquant',
    gestes: ['isolation_toiture_terrasse'],
    failsIf: missing('type_isolation_toiture_terrasse'),
  },
  {
    code: 'isolation_localisation_plancher_bas_manquant',
    gestes: ['isolation_plancher_bas'],
    failsIf: missing('localisation'),
  },
];
