/** Heating controls (spec/rules.md §3.7), in evaluation order. */
import type { GesteType } from '../domain/geste-types.js';
import { parseNumber } from '../domain/numbers.js';
import { below, missing, notTruthy } from './conditions.js';
import type { Rule } from './engine.js';

const BIOMASSE = ['chaudiere_biomasse'] as const;
const POELE = ['poele_insert'] as const;
const SSC = ['systeme_solaire_combine'] as const;
const PAC = ['pac_air_eau', 'pac_hybride', 'pac_eau_eau'] as const;
const PAC_AIR_AIR = ['pac_air_air'] as const;
/** Common heating controls apply to every heating type except the air/air heat pump. */
const COMMON: readonly GesteType[] = [...BIOMASSE, ...POELE, ...SSC, ...PAC];

/** Emission controls are skipped when the appliance carries the Flamme Verte label. */
const WITHOUT_LABEL = notTruthy('label_flamme_verte');

const SILO_RE = /^(.+?)\s*(litres?|l|dm3|dm³|m3|m³)?\.?$/iu;

/**
 * A silo capacity in litres: a number is litres; a text is a number with an optional unit
 * (litres by default, m³ converted). Units without a reliable conversion (tonnes of pellets)
 * give undefined, so the capacity is then not judged.
 */
export function parseLitres(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = SILO_RE.exec(value.trim());
  const amount = m?.[1] === undefined ? undefined : parseNumber(m[1]);
  if (amount === undefined) return undefined;
  return /^m/iu.test(m?.[2] ?? '') ? amount * 1000 : amount;
}

const common: Rule[] = [
  { code: 'chauffage_puissance_manquant', gestes: COMMON, failsIf: missing('puissance') },
  { code: 'chauffage_marque_manquant', gestes: COMMON, failsIf: missing('marque') },
  { code: 'chauffage_reference_manquant', gestes: COMMON, failsIf: missing('reference') },
  { code: 'chauffage_etas_manquant', gestes: COMMON, failsIf: missing('ETAS') },
  {
    code: 'chauffage_remplacement_chaudiere_condensation_manquant',
    gestes: COMMON,
    failsIf: missing('remplacement_chaudiere_condensation'),
  },
];

const emissions = (gestes: readonly GesteType[], prefix: 'chaudiere' | 'poele'): Rule[] => [
  {
    code: `${prefix}_emission_CO_manquant`,
    gestes,
    when: WITHOUT_LABEL,
    failsIf: missing('emission_monoxyde_carbone'),
  },
  {
    code: `${prefix}_emission_COG_manquant`,
    gestes,
    when: WITHOUT_LABEL,
    failsIf: missing('emission_composés_organique'),
  },
  {
    code: `${prefix}_emission_particule_manquant`,
    gestes,
    when: WITHOUT_LABEL,
    failsIf: missing('emission_particules'),
  },
  {
    code: `${prefix}_emission_nox_manquant`,
    gestes,
    when: WITHOUT_LABEL,
    failsIf: missing('emission_oxydes_azotes'),
  },
];

const biomasse: Rule[] = [
  {
    code: 'chaudiere_type_combustible_manquant',
    gestes: BIOMASSE,
    failsIf: missing('type_combustible'),
  },
  {
    code: 'chaudiere_type_chargement_manquant',
    gestes: BIOMASSE,
    failsIf: missing('type_chargement'),
  },
  { code: 'chaudiere_type_silo_manquant', gestes: BIOMASSE, failsIf: missing('type_silo') },
  {
    code: 'chaudiere_contenance_silo_manquant',
    gestes: BIOMASSE,
    failsIf: missing('contenance_silo'),
  },
  {
    code: 'chaudiere_contenance_silo_trop_petit',
    gestes: BIOMASSE,
    type: 'wrong',
    failsIf: below('contenance_silo', 225, parseLitres),
  },
  ...emissions(BIOMASSE, 'chaudiere'),
  {
    code: 'chaudiere_marque_regulateur_manquant',
    gestes: BIOMASSE,
    failsIf: missing('marque_regulateur'),
  },
  {
    code: 'chaudiere_reference_regulateur_manquant',
    gestes: BIOMASSE,
    failsIf: missing('reference_regulateur'),
  },
  {
    code: 'chaudiere_classe_regulateur_manquant',
    gestes: BIOMASSE,
    failsIf: missing('classe_regulateur'),
  },
];

const poele: Rule[] = [
  { code: 'poele_type_combustible_manquant', gestes: POELE, failsIf: missing('type_combustible') },
  {
    code: 'poele_rendement_energetique_manquant',
    gestes: POELE,
    failsIf: missing('rendement_energetique'),
  },
  ...emissions(POELE, 'poele'),
];

const ssc: Rule[] = [
  { code: 'ssc_marque_capteurs_manquant', gestes: SSC, failsIf: missing('marque_capteurs') },
  { code: 'ssc_reference_capteurs_manquant', gestes: SSC, failsIf: missing('reference_capteurs') },
  { code: 'ssc_type_capteurs_manquant', gestes: SSC, failsIf: missing('type_capteurs') },
  { code: 'ssc_surface_captage_manquant', gestes: SSC, failsIf: missing('surface_captage') },
  {
    code: 'ssc_productivite_capteurs_manquant',
    gestes: SSC,
    failsIf: missing('productivite_capteurs'),
  },
  { code: 'ssc_volume_ballon_manquant', gestes: SSC, failsIf: missing('volume_ballon') },
  { code: 'ssc_energie_appoint_manquant', gestes: SSC, failsIf: missing('energie_appoint') },
];

const pac: Rule[] = [
  // never fails: a geste reaches the rules only with a type (kept: it is counted upstream)
  { code: 'pac_type_manquant', gestes: PAC, failsIf: missing('type') },
  { code: 'pac_regime_temperature_manquant', gestes: PAC, failsIf: missing('regime_temperature') },
  {
    code: 'pac_type_fluide_frigorigene_manquant',
    gestes: PAC,
    failsIf: missing('type_fluide_frigorigene'),
  },
  { code: 'pac_cop_chauffage_manquant', gestes: PAC, failsIf: missing('COP') },
  // air/air heat pumps get only these two controls (upstream behaviour, kept)
  { code: 'pac_air_air_scop_manquant', gestes: PAC_AIR_AIR, failsIf: missing('SCOP') },
  {
    code: 'pac_air_air_puissance_nominale_manquant',
    gestes: PAC_AIR_AIR,
    failsIf: missing('puissance_nominale'),
  },
];

export const CHAUFFAGE_RULES: readonly Rule[] = [...common, ...biomasse, ...poele, ...ssc, ...pac];
