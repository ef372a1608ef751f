/**
 * ADEME qualification → geste types (spec/rules.md §5.7, upstream `lib/mdso_ademe_mapping.rb`),
 * verbatim. Keys are compared exactly (accents, apostrophes, the double space of the first key).
 */
import type { GesteType } from '../domain/geste-types.js';

const PAC: readonly GesteType[] = ['pac_air_eau', 'pac_eau_eau', 'pac_air_air', 'pac_hybride'];
const NONE: readonly GesteType[] = [];

/** By work domain (`domaine`): 32 keys, 13 with a mapping. */
export const DOMAIN_GESTES: Readonly<Record<string, readonly GesteType[]>> = {
  "Isolation par l'intérieur des murs ou rampants de toitures  ou plafonds": [
    'isolation_thermique_par_interieur_ITI',
    'isolation_rampants_toiture',
  ],
  'Chauffe-Eau Thermodynamique': ['chauffe_eau_thermo'],
  'Pompe à chaleur : chauffage': PAC,
  "Fenêtres, volets, portes donnant sur l'extérieur": [
    'menuiserie_fenetre',
    'menuiserie_volet_isolant',
    'menuiserie_porte',
  ],
  'Isolation des combles perdus': ['isolation_comble_perdu'],
  "Isolation des murs par l'extérieur": ['isolation_thermique_par_exterieur_ITE'],
  'Poêle ou insert bois': ['poele_insert'],
  'Chaudière condensation ou micro-cogénération gaz ou fioul': NONE,
  "Isolation des toitures terrasses ou des toitures par l'extérieur": [
    'isolation_toiture_terrasse',
  ],
  'Fenêtres de toit': ['menuiserie_fenetre_toit'],
  'Ventilation mécanique': ['vmc_simple_flux', 'vmc_double_flux'],
  'Panneaux solaires photovoltaïques': NONE,
  'Isolation des planchers bas': ['isolation_plancher_bas'],
  'Audit énergétique Maison individuelle': NONE,
  'Radiateurs électriques, dont régulation.': NONE,
  Architecte: NONE,
  'Chaudière bois': ['chaudiere_biomasse'],
  'Chauffage et/ou eau chaude solaire': [
    'chauffe_eau_solaire_individuel',
    'systeme_solaire_combine',
  ],
  'Audit énergétique Logement collectif': NONE,
  'Etude thermique reglementaire': NONE,
  'Etude solaire photovoltaïque': NONE,
  'Etude forage géothermique': NONE,
  'Etude bois énergie': NONE,
  'Projet complet de rénovation': NONE,
  'Etude solaire thermique': NONE,
  'Etude ACV': NONE,
  'Etude système technique bâtiment': NONE,
  'Etude eclairage': NONE,
  Inconnu: NONE,
  'Etude enveloppe du bâtiment': NONE,
  Commisionnement: NONE,
  'Forage géothermique': NONE,
};

const UNMAPPED_CERTIFICATES = [
  'QUALIBAT-RGE',
  'QualiPAC module Chauffage et ECS',
  'Certificat OPQIBI',
  'Tableau de l\u00b4Ordre',
  'Qualibois Eau',
  'QualiPV 36',
  'Qualibois Air',
  'Certificat Qualifelec RGE',
  'Ventilation +',
  'Qualisol CESI',
  'QualiPV 500',
  'Qualisol Combi',
  'CertiRénov RGE par CERQUAL Qualitel Certification',
  'QualiPAC module CET',
  'CERTIBAT-RGE',
  'AUDIT ENERGETIQUE BATIMENT',
  'Qualiforage Sonde',
  'Qualiforage Nappe',
  'Qualisol Collectif',
  'RGE Etudes Audits énergétiques Batiments',
  'CERTIFACT_EUSKADI_EKO',
  'CERTIFACT_RLB_SQA',
  'CERTIFICAT_ABCDOMUS',
  'CERTIFICAT_ADFACTO',
  'CERTIFICAT_BATIMEX',
  'CERTIFICAT_BETREC_IG',
  'CERTIFICAT_BET_PHILIPPE_POULAIN',
  'CERTIFICAT_CABINET_BAZIN',
  'CERTIFICAT_CABINET_DENIZOU',
  'CERTIFICAT_CABINET_HENRI_BRUGNONI_INGENIERIE_HBI',
  'CERTIFICAT_DPS',
  'CERTIFICAT_ECHOS',
  'CERTIFICAT_ECR_HABITAT',
  'CERTIFICAT_EMIOS',
  'CERTIFICAT_GBA_CO',
  'CERTIFICAT_GEXPERTISE',
  'CERTIFICAT_PLENETUDE',
  'CERTIFICAT_P_ET_G_PLENETUDE',
  'CERTIFICAT_SARL_DOMINIQUE_CALLIET',
  'Certiforage module Sonde',
] as const;

/**
 * By certificate name (`nom_certificat`): 41 keys, only `Chauffage +` maps to geste types
 * (an upstream choice that looks doubtful, kept for compatibility).
 */
export const CERTIFICATE_GESTES: Readonly<Record<string, readonly GesteType[]>> = {
  'Chauffage +': ['chauffe_eau_thermo', 'chauffe_eau_solaire_individuel'],
  ...Object.fromEntries(UNMAPPED_CERTIFICATES.map((name) => [name, NONE])),
};

/** Geste types of one qualification: union of its domains' and its certificate's, sorted. */
export function gesteTypesOfQualification(
  domaines: readonly string[],
  nomCertificat: string | undefined,
): GesteType[] {
  const types = domaines.flatMap((d) =>
    Object.hasOwn(DOMAIN_GESTES, d) ? (DOMAIN_GESTES[d] ?? []) : [],
  );
  if (nomCertificat !== undefined && Object.hasOwn(CERTIFICATE_GESTES, nomCertificat)) {
    types.push(...(CERTIFICATE_GESTES[nomCertificat] ?? []));
  }
  return [...new Set(types)].sort();
}
