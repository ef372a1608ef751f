/**
 * The closed catalogue of finding codes (spec/rules.md §3.15: exactly 133 codes, verbatim from
 * upstream, plus our own named the same way), with the category and type each code is reported with. A control may override the
 * type (the RGE lookup reports `siret_format_erreur` as an `error`, spec/rules.md §3.3 row 22).
 * French wording lives in templates/wording/fr.json.
 */

export const CATEGORIES = [
  'admin',
  'case_incoherence',
  'file',
  'geste_prices',
  'gestes',
  'server',
] as const;
export type FindingCategory = (typeof CATEGORIES)[number];

export const TYPES = ['error', 'missing', 'warning', 'wrong'] as const;
export type FindingType = (typeof TYPES)[number];

export interface FindingSpec {
  readonly category: FindingCategory;
  readonly type: FindingType;
}

const of = (category: FindingCategory, type: FindingType): FindingSpec => ({ category, type });
const file = of('file', 'error');
const server = of('server', 'error');
const adminMissing = of('admin', 'missing');
const adminWarning = of('admin', 'warning');
const adminError = of('admin', 'error');
const gestesMissing = of('gestes', 'missing');
const gestesWarning = of('gestes', 'warning');
const caseError = of('case_incoherence', 'error');
const gestesWrong = of('gestes', 'wrong');

export const FINDING_CATALOGUE = {
  // reading errors (§3.1), file (§3.2), timeout (§3.13)
  unsupported_file_format: file,
  llm_error: server,
  empty_file_error: file,
  file_reading_error: file,
  file_type_error: file,
  // ours (DESIGN.md §5): a quote with no energy-renovation geste gets this finding alone
  geste_renovation_energetique_absent: file,
  server_timeout_error: server,
  // admin (§3.3)
  devis_manquant: adminMissing,
  numero_devis_manquant: adminWarning,
  date_devis_manquant: adminMissing,
  date_chantier_manquant: adminWarning,
  date_pre_visite_manquant: adminWarning,
  date_validite_manquant: adminWarning,
  pro_raison_sociale_manquant: adminMissing,
  pro_forme_juridique_manquant: adminMissing,
  tva_manquant: adminMissing,
  capital_manquant: adminMissing,
  siret_manquant: adminMissing,
  siret_format_erreur: of('admin', 'wrong'),
  rcs_manquant: adminMissing,
  rcs_ville_manquant: adminMissing,
  pro_assurance_manquant: adminMissing,
  pro_adresse_manquant: adminMissing,
  client_prenom_manquant: adminMissing,
  client_nom_manquant: adminMissing,
  client_civilite_manquant: adminMissing,
  client_adresse_manquant: adminMissing,
  rge_manquant: adminMissing,
  separation_fourniture_pose_manquant: adminMissing,
  prix_total_ttc_manquant: adminMissing,
  prix_total_ht_manquant: adminMissing,
  // admin RGE lookup (§3.3 row 22, §5.4); geste_type_inconnu is emitted for unknown gestes here
  rge_non_correspondant: adminError,
  rge_hors_date: adminError,
  date_format_erreur: adminError,
  rge_format_erreur: adminError,
  rge_siret_manquant: adminError,
  geste_type_inconnu: gestesWarning,
  // admin, defined but never emitted (§3.14)
  chantier_adresse_manquant: adminMissing,
  chantier_facturation_idem: adminWarning,
  // insulation (§3.5)
  isolation_marque_manquant: gestesMissing,
  isolation_reference_manquant: gestesMissing,
  isolation_surface_manquant: gestesMissing,
  isolation_epaisseur_manquant: gestesMissing,
  isolation_r_manquant: gestesMissing,
  isolation_norme_acermi_manquant: gestesMissing,
  isolation_parement_fixation_protection_manquant: gestesMissing,
  isolation_type_isolation_toiture_terrasse_manquant: gestesMissing,
  isolation_localisation_plancher_bas_manquant: gestesMissing,
  // joinery (§3.6)
  menuiserie_marque_manquant: gestesMissing,
  menuiserie_reference_manquant: gestesMissing,
  menuiserie_type_materiau_manquant: gestesMissing,
  menuiserie_localisation_manquant: gestesMissing,
  menuiserie_type_vitrage_manquant: gestesMissing,
  menuiserie_type_pose_manquant: gestesMissing,
  menuiserie_position_paroie_manquant: gestesMissing,
  menuiserie_uw_fenetre_manquant: gestesMissing,
  menuiserie_sw_fenetre_manquant: gestesMissing,
  menuiserie_uw_fenetre_toit_manquant: gestesMissing,
  menuiserie_sw_fenetre_toit_manquant: gestesMissing,
  menuiserie_ud_porte_manquant: gestesMissing,
  menuiserie_deltar_volet_manquant: gestesMissing,
  // heating (§3.7)
  chauffage_puissance_manquant: gestesMissing,
  chauffage_marque_manquant: gestesMissing,
  chauffage_reference_manquant: gestesMissing,
  chauffage_etas_manquant: gestesMissing,
  chauffage_remplacement_chaudiere_condensation_manquant: gestesMissing,
  chaudiere_type_combustible_manquant: gestesMissing,
  chaudiere_type_chargement_manquant: gestesMissing,
  chaudiere_type_silo_manquant: gestesMissing,
  chaudiere_contenance_silo_manquant: gestesMissing,
  chaudiere_contenance_silo_trop_petit: of('gestes', 'wrong'),
  chaudiere_emission_CO_manquant: gestesMissing,
  chaudiere_emission_COG_manquant: gestesMissing,
  chaudiere_emission_particule_manquant: gestesMissing,
  chaudiere_emission_nox_manquant: gestesMissing,
  chaudiere_marque_regulateur_manquant: gestesMissing,
  chaudiere_reference_regulateur_manquant: gestesMissing,
  chaudiere_classe_regulateur_manquant: gestesMissing,
  poele_type_combustible_manquant: gestesMissing,
  poele_rendement_energetique_manquant: gestesMissing,
  poele_emission_CO_manquant: gestesMissing,
  poele_emission_COG_manquant: gestesMissing,
  poele_emission_particule_manquant: gestesMissing,
  poele_emission_nox_manquant: gestesMissing,
  ssc_marque_capteurs_manquant: gestesMissing,
  ssc_reference_capteurs_manquant: gestesMissing,
  ssc_type_capteurs_manquant: gestesMissing,
  ssc_surface_captage_manquant: gestesMissing,
  ssc_productivite_capteurs_manquant: gestesMissing,
  ssc_volume_ballon_manquant: gestesMissing,
  ssc_energie_appoint_manquant: gestesMissing,
  pac_type_manquant: gestesMissing,
  pac_regime_temperature_manquant: gestesMissing,
  pac_type_fluide_frigorigene_manquant: gestesMissing,
  pac_cop_chauffage_manquant: gestesMissing,
  pac_air_air_scop_manquant: gestesMissing,
  pac_air_air_puissance_nominale_manquant: gestesMissing,
  // domestic hot water (§3.8)
  eau_chaude_marque_manquant: gestesMissing,
  eau_chaude_reference_manquant: gestesMissing,
  eau_chaude_volume_manquant: gestesMissing,
  eau_chaude_etas_manquant: gestesMissing,
  eau_chaude_profil_soutirage_manquant: gestesMissing,
  cesi_type_appoint_manquant: gestesMissing,
  cesi_surface_capteur_manquant: gestesMissing,
  cesi_classe_energetique_ballon_manquant: gestesMissing,
  cesi_fluide_manquant: gestesMissing,
  chauffe_eau_thermodynamique_cop_manquant: gestesMissing,
  chauffe_eau_thermodynamique_type_installation_manquant: gestesMissing,
  // ventilation (§3.9)
  vmc_type_manquant: gestesMissing,
  vmc_marque_caisson_manquant: gestesMissing,
  vmc_reference_caisson_manquant: gestesMissing,
  vmc_marque_bouche_extraction_manquant: gestesMissing,
  vmc_reference_bouche_extraction_manquant: gestesMissing,
  vmc_nombre_bouche_extraction_manquant: gestesMissing,
  vmc_classe_caisson_manquant: gestesMissing,
  vmc_puissance_manquant: gestesMissing,
  vmc_simple_flux_nombre_bouches_entree_dair_manquant: gestesMissing,
  vmc_simple_flux_marque_bouches_entree_dair_manquant: gestesMissing,
  vmc_simple_flux_reference_bouches_entree_dair_manquant: gestesMissing,
  vmc_simple_flux_emplacement_bouches_entree_dair_manquant: gestesMissing,
  vmc_double_flux_marque_bouches_soufflage_manquant: gestesMissing,
  vmc_double_flux_reference_bouches_soufflage_manquant: gestesMissing,
  vmc_double_flux_emplacement_bouches_soufflage_manquant: gestesMissing,
  vmc_double_flux_nombre_bouches_soufflage_manquant: gestesMissing,
  // works global: price presence and RGE per geste (§3.10)
  geste_prix_ht_manquant: gestesMissing,
  geste_prix_unitaire_ht_manquant: gestesMissing,
  geste_taux_tva_manquant: gestesMissing,
  geste_rge_non_correspondant: gestesWarning,
  geste_rge_non_mentionne: gestesWarning,
  geste_rge_hors_date: gestesWarning,
  // prices (§3.12), hidden from users
  geste_prix_inhabituel: of('geste_prices', 'warning'),
  // case consistency (§3.11)
  client_prenom_incoherent: caseError,
  client_nom_incoherent: caseError,
  client_adresse_incoherent: caseError,
  // ours (DESIGN.md §11): a value below an aid threshold (src/domain/aid-thresholds.json)
  isolation_r_insuffisant: gestesWrong,
  menuiserie_uw_sw_insuffisant: gestesWrong,
  menuiserie_ud_porte_insuffisant: gestesWrong,
  menuiserie_deltar_volet_insuffisant: gestesWrong,
  chauffage_etas_insuffisant: gestesWrong,
  chaudiere_puissance_trop_elevee: gestesWrong,
  chaudiere_classe_regulateur_insuffisant: gestesWrong,
  chaudiere_emission_trop_elevee: gestesWrong,
  poele_rendement_energetique_insuffisant: gestesWrong,
  poele_emission_trop_elevee: gestesWrong,
  ssc_productivite_capteurs_insuffisant: gestesWrong,
  ssc_surface_captage_insuffisant: gestesWrong,
  ssc_volume_ballon_insuffisant: gestesWrong,
  pac_air_air_scop_insuffisant: gestesWrong,
  pac_air_air_puissance_trop_elevee: gestesWrong,
  eau_chaude_etas_insuffisant: gestesWrong,
  cesi_surface_capteur_insuffisant: gestesWrong,
  cesi_classe_energetique_ballon_insuffisant: gestesWrong,
  chauffe_eau_thermodynamique_cop_insuffisant: gestesWrong,
  vmc_classe_caisson_insuffisant: gestesWrong,
} as const satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDING_CATALOGUE;

/** Our findings of a value below an aid threshold (DESIGN.md §11), in catalogue order. */
export const THRESHOLD_CODES: readonly FindingCode[] = [
  'isolation_r_insuffisant',
  'menuiserie_uw_sw_insuffisant',
  'menuiserie_ud_porte_insuffisant',
  'menuiserie_deltar_volet_insuffisant',
  'chauffage_etas_insuffisant',
  'chaudiere_puissance_trop_elevee',
  'chaudiere_classe_regulateur_insuffisant',
  'chaudiere_emission_trop_elevee',
  'poele_rendement_energetique_insuffisant',
  'poele_emission_trop_elevee',
  'ssc_productivite_capteurs_insuffisant',
  'ssc_surface_captage_insuffisant',
  'ssc_volume_ballon_insuffisant',
  'pac_air_air_scop_insuffisant',
  'pac_air_air_puissance_trop_elevee',
  'eau_chaude_etas_insuffisant',
  'cesi_surface_capteur_insuffisant',
  'cesi_classe_energetique_ballon_insuffisant',
  'chauffe_eau_thermodynamique_cop_insuffisant',
  'vmc_classe_caisson_insuffisant',
];

/** Codes of our own, beyond the 133 of the public catalogue (DESIGN.md §5: same naming). */
export const OWN_CODES: readonly FindingCode[] = [
  'geste_renovation_energetique_absent',
  ...THRESHOLD_CODES,
];

export const FINDING_CODES = Object.keys(FINDING_CATALOGUE) as readonly FindingCode[];

export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === 'string' && Object.hasOwn(FINDING_CATALOGUE, value);
}

/** Reading errors (§3.1): produced before validation and replacing it. */
export type ReadingErrorCode =
  'unsupported_file_format' | 'llm_error' | 'empty_file_error' | 'file_reading_error';

/** Codes whose explanation links to the RGE lookup page ("help+link" in spec/rules.md). */
export const CODES_WITH_RGE_LINK: readonly FindingCode[] = [
  'rge_manquant',
  'rge_non_correspondant',
  'rge_hors_date',
  'geste_rge_non_correspondant',
  'geste_rge_non_mentionne',
  'geste_rge_hors_date',
];

/** Reasons a user may give when deleting a finding (spec/rules.md §7), with their French label. */
export const DELETION_REASONS = {
  information_present: 'Élément bien présent dans le devis',
  not_used: "Le client n'est pas concerné par cette remarque",
} as const;
export type DeletionReason = keyof typeof DELETION_REASONS;
