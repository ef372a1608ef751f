/**
 * The signs of each geste-level mention (brand, reference, R, Uw, ETAS…), looked for in the lines
 * of that geste (rules/evidence.ts). Split from mention-signs.ts, which holds the quote-level
 * mentions and the shared patterns; the same folded-text conventions apply.
 */
import type { MentionSigns } from './mention-signs.js';
import { SECTOR_BRANDS } from './sector-brands.js';

const BRAND_ALTERNATIVES = [...SECTOR_BRANDS]
  .sort((a, b) => b.length - a.length)
  .map((b) => b.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/[ -]/gu, "[\\s'-]?"))
  .join('|');
/** A brand of the sector, on its own: a sign that a brand is printed. */
const BRAND = new RegExp(`(?<![a-z0-9])(?:${BRAND_ALTERNATIVES})(?![a-z])`, 'u');
/** A brand followed by a model name or reference: a sign that a reference is printed. */
const BRAND_AND_MODEL = new RegExp(
  `(?<![a-z0-9])(?:${BRAND_ALTERNATIVES})[\\s,:-]+(?!(?:et|ou|de|du|des|pour|avec)\\b)[a-z0-9][a-z0-9.+/-]{1,}`,
  'u',
);

/**
 * A model reference by its shape: a hyphenated token holding letters and digits (« 200-FM »,
 * « 100-B »), or letters, digits and letters run together (« SV2F »). On a scan the brand and
 * its model often land on different lines, where BRAND_AND_MODEL cannot see them together; a
 * cable or a part has such codes too (« H07V-U »), so the shape counts only for a geste whose
 * brand was read.
 */
const MODEL_TOKEN =
  /(?<![\p{L}\d-])(?=[\p{L}\d-]*\d)(?=[\p{L}\d-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+(?![\p{L}\d-])|(?<![\p{L}\d-])[a-z]{1,4}\d+[a-z]+\d*(?![\p{L}\d-])/u;

const SURFACE = /\b\d+(?:[.,]\d+)?\s*m\s?(?:2|²)(?!\s*\.?\s*k)/u;
const POWER = /\b\d+(?:[.,]\d+)?\s*kw\b/u;
const VOLUME = /\b\d+(?:[.,]\d+)?\s*(?:l|litres?)\b/u;
const EMISSION = /\bmg\s*\/\s*(?:n?m3|nm³|m³)/u;

export const GESTE_MENTION_SIGNS = {
  isolation_marque_manquant: {
    label: "la marque de l'isolant",
    labels: ['marque', 'fabricant'],
    values: [BRAND],
    scope: 'quote',
  },
  isolation_reference_manquant: {
    label: "la référence de l'isolant",
    labels: ['reference', 'ref', 'modele', 'gamme', 'produit'],
    values: [BRAND_AND_MODEL],
    brandedValues: [MODEL_TOKEN],
    scope: 'quote',
  },
  isolation_surface_manquant: {
    label: 'la surface isolée',
    labels: ['surface'],
    values: [SURFACE],
    scope: 'quote',
  },
  isolation_epaisseur_manquant: {
    label: "l'épaisseur de l'isolant",
    labels: ['epaisseur', 'ep'],
    values: [/\b\d+(?:[.,]\d+)?\s*(?:mm|cm)\b/u],
    scope: 'quote',
  },
  isolation_r_manquant: {
    label: 'la résistance thermique R',
    labels: ['resistance thermique', 'resistance'],
    values: [/\br\s*(?:=|:|>|≥)\s*\d/u, /m\s?(?:2|²)\s*\.?\s*k\s*\/\s*w/u],
    scope: 'quote',
  },
  isolation_norme_acermi_manquant: {
    label: 'la certification ACERMI ou la norme de calcul',
    labels: [
      'acermi',
      'certificat',
      'norme',
      'nf en',
      'en 12664',
      'en 12667',
      'en 12939',
      'en 13162',
      'en 13163',
      'en 13165',
      'en 13171',
      'avis technique',
      'dta',
    ],
    scope: 'quote',
  },
  isolation_parement_fixation_protection_manquant: {
    label: 'le parement, la fixation ou la protection',
    labels: [
      'parement',
      'fixation',
      'fixe',
      'cheville',
      'rail',
      'ossature',
      'fourrure',
      'enduit',
      'protection',
      'pare-vapeur',
      'pare vapeur',
      'membrane',
      'bardage',
      'plaque de platre',
      'ba13',
      'colle',
    ],
    scope: 'quote',
  },
  isolation_type_isolation_toiture_terrasse_manquant: {
    label: "le type d'isolation de la toiture-terrasse",
    labels: [
      'toiture chaude',
      'toiture inversee',
      'inversee',
      'chaude',
      'sous etancheite',
      'sur etancheite',
    ],
    scope: 'quote',
  },
  isolation_localisation_plancher_bas_manquant: {
    label: "l'emplacement de l'isolation du plancher",
    labels: [
      'sous-face',
      'sous face',
      'vide sanitaire',
      'sous-sol',
      'garage',
      'cave',
      'par le dessus',
      'sur dalle',
      'local non chauffe',
      'plafond du',
    ],
    scope: 'quote',
  },
  menuiserie_marque_manquant: {
    label: 'la marque de la menuiserie',
    labels: ['marque', 'fabricant'],
    values: [BRAND],
    scope: 'quote',
  },
  menuiserie_reference_manquant: {
    label: 'la référence de la menuiserie',
    labels: ['reference', 'ref', 'modele', 'gamme', 'serie'],
    values: [BRAND_AND_MODEL],
    brandedValues: [MODEL_TOKEN],
    scope: 'quote',
  },
  menuiserie_type_materiau_manquant: {
    label: 'le matériau de la menuiserie',
    labels: ['pvc', 'bois', 'alu', 'aluminium', 'mixte', 'acier', 'materiau'],
    scope: 'quote',
  },
  menuiserie_localisation_manquant: {
    label: "l'emplacement de la menuiserie",
    labels: [
      'salon',
      'sejour',
      'chambre',
      'cuisine',
      'salle de bain',
      'salle d eau',
      'sdb',
      'wc',
      'bureau',
      'entree',
      'etage',
      'rdc',
      'rez-de-chaussee',
      'facade',
      'piece',
      'couloir',
      'buanderie',
      'garage',
      'cellier',
      'escalier',
      'localisation',
      'emplacement',
      'combles',
    ],
    scope: 'quote',
  },
  menuiserie_type_vitrage_manquant: {
    label: 'le type de vitrage',
    labels: ['vitrage', 'double vitrage', 'triple vitrage'],
    values: [/\b\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{1,2}\b/u],
    scope: 'quote',
  },
  menuiserie_type_pose_manquant: {
    label: 'le type de pose',
    labels: [
      'renovation',
      'depose totale',
      'depose complete',
      'depose',
      'pose en',
      'sur dormant',
      'type de pose',
      'neuf',
      'pose',
    ],
    scope: 'quote',
  },
  menuiserie_position_paroie_manquant: {
    label: 'la position dans le mur',
    labels: [
      'nu interieur',
      'nu exterieur',
      'tunnel',
      'applique',
      'feuillure',
      'tableau',
      'position',
    ],
    scope: 'quote',
  },
  menuiserie_uw_fenetre_manquant: { label: 'le coefficient Uw', labels: ['uw'], scope: 'quote' },
  menuiserie_sw_fenetre_manquant: {
    label: 'le facteur solaire Sw',
    labels: ['sw', 'facteur solaire'],
    scope: 'quote',
  },
  menuiserie_uw_fenetre_toit_manquant: {
    label: 'le coefficient Uw',
    labels: ['uw'],
    scope: 'quote',
  },
  menuiserie_sw_fenetre_toit_manquant: {
    label: 'le facteur solaire Sw',
    labels: ['sw', 'facteur solaire'],
    scope: 'quote',
  },
  menuiserie_ud_porte_manquant: { label: 'le coefficient Ud', labels: ['ud'], scope: 'quote' },
  menuiserie_deltar_volet_manquant: {
    label: 'la résistance additionnelle ΔR',
    labels: [
      'delta r',
      'deltar',
      'δr',
      'resistance thermique additionnelle',
      'resistance additionnelle',
    ],
    scope: 'quote',
  },
  chauffage_puissance_manquant: {
    label: "la puissance de l'appareil",
    labels: ['puissance'],
    values: [POWER],
    scope: 'quote',
  },
  chauffage_marque_manquant: {
    label: "la marque de l'appareil",
    labels: ['marque', 'fabricant'],
    values: [BRAND],
    scope: 'quote',
  },
  chauffage_reference_manquant: {
    label: "la référence de l'appareil",
    labels: ['reference', 'ref', 'modele', 'gamme', 'serie'],
    values: [BRAND_AND_MODEL],
    brandedValues: [MODEL_TOKEN],
    scope: 'quote',
  },
  chauffage_etas_manquant: {
    label: "l'efficacité énergétique saisonnière (ETAS)",
    labels: ['etas', 'efficacite energetique saisonniere', 'efficacite saisonniere', 'ηs', 'ns'],
    scope: 'quote',
  },
  chauffage_remplacement_chaudiere_condensation_manquant: {
    label: 'la chaudière remplacée (à condensation ou non)',
    // the mention is whether the replaced boiler condenses: naming the boiler is not saying it
    labels: ['condensation', 'chaudiere standard', 'chaudiere classique'],
    scope: 'quote',
  },
  chaudiere_type_combustible_manquant: {
    label: 'le combustible',
    labels: ['granules', 'granule', 'pellets', 'buches', 'bois', 'plaquettes', 'combustible'],
    scope: 'quote',
  },
  chaudiere_type_chargement_manquant: {
    label: 'le type de chargement',
    labels: ['chargement', 'automatique', 'manuel', 'alimentation'],
    scope: 'quote',
  },
  chaudiere_type_silo_manquant: {
    label: 'le type de silo',
    labels: ['silo', 'tremie', 'reservoir', 'stockage', 'big bag'],
    scope: 'quote',
  },
  chaudiere_contenance_silo_manquant: {
    label: 'la contenance du silo',
    labels: ['contenance', 'capacite'],
    values: [VOLUME, /\b\d+(?:[.,]\d+)?\s*(?:kg|m3|m³|tonnes?|t)\b/u],
    scope: 'quote',
  },
  chaudiere_emission_CO_manquant: {
    label: 'les émissions de monoxyde de carbone',
    labels: ['monoxyde', 'co'],
    values: [EMISSION],
    scope: 'quote',
  },
  chaudiere_emission_COG_manquant: {
    label: 'les émissions de composés organiques',
    labels: ['cog', 'composes organiques', 'cov'],
    scope: 'quote',
  },
  chaudiere_emission_particule_manquant: {
    label: 'les émissions de particules',
    labels: ['particules', 'poussieres', 'pm'],
    scope: 'quote',
  },
  chaudiere_emission_nox_manquant: {
    label: "les émissions d'oxydes d'azote",
    labels: ['nox', 'oxydes d azote'],
    scope: 'quote',
  },
  chaudiere_marque_regulateur_manquant: {
    label: 'la marque du régulateur',
    labels: ['regulateur', 'regulation', 'thermostat'],
    values: [BRAND],
    scope: 'quote',
  },
  chaudiere_reference_regulateur_manquant: {
    label: 'la référence du régulateur',
    labels: ['regulateur', 'regulation', 'thermostat'],
    scope: 'quote',
  },
  chaudiere_classe_regulateur_manquant: {
    label: 'la classe du régulateur',
    values: [/\bclasse\s+(?:[ivx]+|\d)\b/u],
    scope: 'quote',
  },
  poele_type_combustible_manquant: {
    label: 'le combustible',
    labels: ['granules', 'granule', 'pellets', 'buches', 'bois', 'combustible'],
    scope: 'quote',
  },
  poele_rendement_energetique_manquant: {
    label: 'le rendement énergétique',
    labels: ['rendement', 'efficacite', 'etas', 'η'],
    scope: 'quote',
  },
  poele_emission_CO_manquant: {
    label: 'les émissions de monoxyde de carbone',
    labels: ['monoxyde', 'co'],
    values: [EMISSION],
    scope: 'quote',
  },
  poele_emission_COG_manquant: {
    label: 'les émissions de composés organiques',
    labels: ['cog', 'composes organiques', 'cov'],
    scope: 'quote',
  },
  poele_emission_particule_manquant: {
    label: 'les émissions de particules',
    labels: ['particules', 'poussieres', 'pm'],
    scope: 'quote',
  },
  poele_emission_nox_manquant: {
    label: "les émissions d'oxydes d'azote",
    labels: ['nox', 'oxydes d azote'],
    scope: 'quote',
  },
  ssc_marque_capteurs_manquant: {
    label: 'la marque des capteurs',
    labels: ['capteur', 'capteurs', 'marque'],
    values: [BRAND],
    scope: 'quote',
  },
  ssc_reference_capteurs_manquant: {
    label: 'la référence des capteurs',
    labels: ['reference', 'ref', 'modele'],
    values: [BRAND_AND_MODEL],
    brandedValues: [MODEL_TOKEN],
    scope: 'quote',
  },
  ssc_type_capteurs_manquant: {
    label: 'le type de capteurs',
    labels: ['plan', 'plans', 'vitre', 'vitres', 'tubes sous vide', 'hybride', 'moquette'],
    scope: 'quote',
  },
  ssc_surface_captage_manquant: {
    label: 'la surface de captage',
    labels: ['surface'],
    values: [SURFACE],
    scope: 'quote',
  },
  ssc_productivite_capteurs_manquant: {
    label: 'la productivité des capteurs',
    labels: ['productivite', 'kwh/m2', 'kwh/m²'],
    scope: 'quote',
  },
  ssc_volume_ballon_manquant: {
    label: 'le volume du ballon',
    labels: ['volume', 'capacite'],
    values: [VOLUME],
    scope: 'quote',
  },
  ssc_energie_appoint_manquant: {
    label: "l'énergie d'appoint",
    labels: ['appoint', 'releve'],
    scope: 'quote',
  },
  pac_type_manquant: {
    label: 'le type de pompe à chaleur',
    labels: [
      'air/eau',
      'air eau',
      'eau/eau',
      'eau eau',
      'air/air',
      'geothermi',
      'hybride',
      'aerothermi',
      'sol/eau',
    ],
    scope: 'quote',
  },
  pac_regime_temperature_manquant: {
    label: 'le régime de température',
    labels: [
      'basse temperature',
      'moyenne temperature',
      'haute temperature',
      'regime',
      'temperature de depart',
      'temperature d eau',
    ],
    values: [/\b(?:35|45|55|65)\s*°?\s*c\b/u],
    scope: 'quote',
  },
  pac_type_fluide_frigorigene_manquant: {
    label: 'le fluide frigorigène',
    labels: ['fluide', 'frigorigene', 'refrigerant'],
    values: [/\br\s?-?\s?(?:32|410a?|290|134a|454b|744|513a)\b/u],
    scope: 'quote',
  },
  pac_cop_chauffage_manquant: {
    label: 'le COP',
    labels: ['cop', 'coefficient de performance'],
    scope: 'quote',
  },
  pac_air_air_scop_manquant: {
    label: 'le SCOP',
    labels: ['scop', 'coefficient de performance saisonnier'],
    scope: 'quote',
  },
  pac_air_air_puissance_nominale_manquant: {
    label: 'la puissance nominale',
    labels: ['puissance'],
    values: [POWER],
    scope: 'quote',
  },
  eau_chaude_marque_manquant: {
    label: "la marque de l'appareil",
    labels: ['marque', 'fabricant'],
    values: [BRAND],
    scope: 'quote',
  },
  eau_chaude_reference_manquant: {
    label: "la référence de l'appareil",
    labels: ['reference', 'ref', 'modele', 'gamme'],
    values: [BRAND_AND_MODEL],
    brandedValues: [MODEL_TOKEN],
    scope: 'quote',
  },
  eau_chaude_volume_manquant: {
    label: 'le volume du ballon',
    labels: ['volume', 'capacite', 'contenance'],
    values: [VOLUME],
    scope: 'quote',
  },
  eau_chaude_etas_manquant: {
    label: "l'efficacité énergétique (ETAS)",
    labels: ['etas', 'efficacite energetique', 'ηwh', 'nwh'],
    scope: 'quote',
  },
  eau_chaude_profil_soutirage_manquant: {
    label: 'le profil de soutirage',
    labels: ['profil', 'soutirage'],
    scope: 'quote',
  },
  cesi_type_appoint_manquant: {
    label: "le type d'appoint",
    labels: ['appoint', 'resistance electrique', 'releve'],
    scope: 'quote',
  },
  cesi_surface_capteur_manquant: {
    label: 'la surface des capteurs',
    labels: ['surface'],
    values: [SURFACE],
    scope: 'quote',
  },
  cesi_classe_energetique_ballon_manquant: {
    label: 'la classe énergétique du ballon',
    labels: ['classe energetique', 'classe'],
    scope: 'quote',
  },
  cesi_fluide_manquant: {
    label: 'le fluide des capteurs',
    labels: ['fluide', 'glycol', 'propylene', 'caloporteur', 'autovidangeable'],
    scope: 'quote',
  },
  chauffe_eau_thermodynamique_cop_manquant: {
    label: 'le COP',
    labels: ['cop', 'coefficient de performance'],
    scope: 'quote',
  },
  chauffe_eau_thermodynamique_type_installation_manquant: {
    label: "le type d'installation",
    labels: [
      'air ambiant',
      'air exterieur',
      'air extrait',
      'sur air',
      'gainable',
      'non gaine',
      'gaine',
      'split',
      'monobloc',
      'installation',
    ],
    scope: 'quote',
  },
  vmc_type_manquant: {
    label: 'le type de VMC',
    labels: [
      'simple flux',
      'double flux',
      'hygro',
      'hygroreglable',
      'autoreglable',
      'hygro a',
      'hygro b',
    ],
    scope: 'quote',
  },
  vmc_marque_caisson_manquant: {
    label: 'la marque du caisson',
    labels: ['marque', 'fabricant', 'caisson', 'groupe'],
    values: [BRAND],
    scope: 'quote',
  },
  vmc_reference_caisson_manquant: {
    label: 'la référence du caisson',
    labels: ['reference', 'ref', 'modele', 'gamme'],
    values: [BRAND_AND_MODEL],
    brandedValues: [MODEL_TOKEN],
    scope: 'quote',
  },
  vmc_marque_bouche_extraction_manquant: {
    label: "la marque des bouches d'extraction",
    labels: ['bouche', 'bouches'],
    scope: 'quote',
  },
  vmc_reference_bouche_extraction_manquant: {
    label: "la référence des bouches d'extraction",
    labels: ['bouche', 'bouches'],
    scope: 'quote',
  },
  vmc_nombre_bouche_extraction_manquant: {
    label: "le nombre de bouches d'extraction",
    labels: ['bouche', 'bouches', 'extraction'],
    scope: 'quote',
  },
  vmc_classe_caisson_manquant: {
    label: "la classe d'efficacité du caisson",
    labels: ['classe'],
    scope: 'quote',
  },
  vmc_puissance_manquant: {
    label: 'la puissance électrique absorbée',
    labels: [
      'w-th-c',
      'wthc',
      'w th c',
      'puissance absorbee',
      'puissance electrique',
      'consommation',
      'puissance',
    ],
    values: [/\bw\s*\/\s*\(?m3/u],
    scope: 'quote',
  },
  vmc_simple_flux_nombre_bouches_entree_dair_manquant: {
    label: "le nombre d'entrées d'air",
    labels: ['entree d air', 'entrees d air', 'entree air', 'entrees air'],
    scope: 'quote',
  },
  vmc_simple_flux_marque_bouches_entree_dair_manquant: {
    label: "la marque des entrées d'air",
    labels: ['entree d air', 'entrees d air', 'entree air', 'entrees air'],
    scope: 'quote',
  },
  vmc_simple_flux_reference_bouches_entree_dair_manquant: {
    label: "la référence des entrées d'air",
    labels: ['entree d air', 'entrees d air', 'entree air', 'entrees air'],
    scope: 'quote',
  },
  vmc_simple_flux_emplacement_bouches_entree_dair_manquant: {
    label: "l'emplacement des entrées d'air",
    labels: ['entree d air', 'entrees d air', 'entree air', 'entrees air'],
    scope: 'quote',
  },
  vmc_double_flux_marque_bouches_soufflage_manquant: {
    label: 'la marque des bouches de soufflage',
    labels: ['soufflage', 'insufflation'],
    scope: 'quote',
  },
  vmc_double_flux_reference_bouches_soufflage_manquant: {
    label: 'la référence des bouches de soufflage',
    labels: ['soufflage', 'insufflation'],
    scope: 'quote',
  },
  vmc_double_flux_emplacement_bouches_soufflage_manquant: {
    label: "l'emplacement des bouches de soufflage",
    labels: ['soufflage', 'insufflation'],
    scope: 'quote',
  },
  vmc_double_flux_nombre_bouches_soufflage_manquant: {
    label: 'le nombre de bouches de soufflage',
    labels: ['soufflage', 'insufflation'],
    scope: 'quote',
  },
  geste_prix_ht_manquant: {
    label: 'le prix HT de la ligne',
    labels: ['ht', 'hors taxe', 'total ht', 'montant ht'],
    scope: 'quote',
  },
  geste_prix_unitaire_ht_manquant: {
    label: 'le prix unitaire HT',
    labels: ['pu ht', 'p.u. ht', 'prix unitaire', 'pu', 'p.u', 'prix u'],
    scope: 'quote',
  },
  geste_taux_tva_manquant: {
    label: 'le taux de TVA de la ligne',
    labels: ['tva', 'taux'],
    values: [/\b(?:5[.,]5|10|20)\s*%/u],
    scope: 'quote',
  },
  chantier_adresse_manquant: {
    label: "l'adresse du chantier",
    labels: ['chantier', 'lieu des travaux', 'adresse des travaux', 'adresse d intervention'],
    scope: 'quote',
  },
} as const satisfies Record<string, MentionSigns>;
