/** Ventilation controls (spec/rules.md §3.9), in evaluation order. */
import { GESTE_GROUPS } from '../domain/geste-types.js';
import { missing, missingAll } from './conditions.js';
import type { Rule } from './engine.js';

const ALL = GESTE_GROUPS.ventilation;
const SIMPLE = ['vmc_simple_flux'] as const;
const DOUBLE = ['vmc_double_flux'] as const;

export const VENTILATION_RULES: readonly Rule[] = [
  { code: 'vmc_type_manquant', gestes: ALL, failsIf: missing('type_vmc') },
  { code: 'vmc_marque_caisson_manquant', gestes: ALL, failsIf: missing('marque_caisson') },
  { code: 'vmc_reference_caisson_manquant', gestes: ALL, failsIf: missing('reference_caisson') },
  {
    code: 'vmc_marque_bouche_extraction_manquant',
    gestes: ALL,
    failsIf: missing('marque_bouche_extraction'),
  },
  {
    code: 'vmc_reference_bouche_extraction_manquant',
    gestes: ALL,
    failsIf: missing('reference_bouche_extraction'),
  },
  {
    // the singular key is upstream's; the plural one is also accepted (spec/rules.md §8.7)
    code: 'vmc_nombre_bouche_extraction_manquant',
    gestes: ALL,
    failsIf: missingAll('nombre_bouche_extraction', 'nombre_bouches_extraction'),
  },
  { code: 'vmc_classe_caisson_manquant', gestes: ALL, failsIf: missing('classe_caisson') },
  {
    code: 'vmc_puissance_manquant',
    gestes: ALL,
    failsIf: missing('puissance_absobée_pondéréé_moteur'),
  },
  {
    code: 'vmc_simple_flux_nombre_bouches_entree_dair_manquant',
    gestes: SIMPLE,
    failsIf: missing('nombre_bouches_entree_dair'),
  },
  {
    code: 'vmc_simple_flux_marque_bouches_entree_dair_manquant',
    gestes: SIMPLE,
    failsIf: missing('marque_bouches_entree_dair'),
  },
  {
    code: 'vmc_simple_flux_reference_bouches_entree_dair_manquant',
    gestes: SIMPLE,
    failsIf: missing('reference_bouches_entree_dair'),
  },
  {
    code: 'vmc_simple_flux_emplacement_bouches_entree_dair_manquant',
    gestes: SIMPLE,
    failsIf: missing('emplacement_bouches_entree_dair'),
  },
  {
    code: 'vmc_double_flux_marque_bouches_soufflage_manquant',
    gestes: DOUBLE,
    failsIf: missing('marque_bouches_soufflage'),
  },
  {
    code: 'vmc_double_flux_reference_bouches_soufflage_manquant',
    gestes: DOUBLE,
    failsIf: missing('reference_bouches_soufflage'),
  },
  {
    code: 'vmc_double_flux_emplacement_bouches_soufflage_manquant',
    gestes: DOUBLE,
    failsIf: missing('emplacement_bouches_soufflage'),
  },
  {
    code: 'vmc_double_flux_nombre_bouches_soufflage_manquant',
    gestes: DOUBLE,
    failsIf: missing('nombre_bouches_soufflage'),
  },
];
