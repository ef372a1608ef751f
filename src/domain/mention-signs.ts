/**
 * The signs of each mention a `missing` finding asks for (DESIGN.md §5 "evidence before
 * absence"), as data a domain expert can review: the labels and phrasings that announce the
 * mention, and the patterns its value takes. The evidence check (rules/evidence.ts) raises no
 * `missing` finding when a sign is on the document; the extractor's generic label reader
 * (extract/admin/labelled-values.ts) reads values after the same labels.
 *
 * Everything is written folded (lower case, no accents: see domain/fold.ts); labels match on
 * word boundaries, with any run of spaces, dots, hyphens or apostrophes between their words.
 */

import { SECTOR_BRANDS } from './sector-brands.js';

/** What must stand next to a label for it to count as a sign (a heading alone says little). */
export type NearValue = 'date' | 'duration' | 'when' | 'number' | 'any';

export interface MentionSigns {
  /** How the report names the mention in the *à vérifier* list. */
  readonly label: string;
  /** Phrasings that announce the mention (folded). */
  readonly labels?: readonly string[];
  /** With `labels`: a value of this kind must follow on the same line or the next one. */
  readonly near?: NearValue;
  /** A line matching this speaks of something else (an RGE label valid until…): no sign there. */
  readonly notOnLineWith?: RegExp;
  /** Patterns of the value itself (folded text), signs on their own. */
  readonly values?: readonly RegExp[];
  /** Where to look: the whole document (identity, terms pages) or the quote without its terms. */
  readonly scope: 'document' | 'quote';
}

const DATE_WORDS =
  '(?:\\d{1,2}(?:er)?[\\s./-]+(?:\\d{1,2}|janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z.]*[\\s./-]+\\d{2,4})';
/** A date as quotes print it: 12/03/2026, 12-03-26, 12.03.2026, 12 mars 2026, 1er avril 2027. */
export const DATE_PATTERN = new RegExp(`(?<![\\d])${DATE_WORDS}(?![\\d])`, 'u');
/** A delay or a period: "6 semaines", "sous 15 jours", "3 mois", "semaine 12", "courant mars". */
export const DURATION_PATTERN =
  /(?:\b\d+\s*(?:jours?|j\b|semaines?|sem\b|mois|ans?)\b|\bsemaine\s*(?:n°\s*)?\d+|\b(?:courant|debut|fin|mi)[\s-]+(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)|\b(?:des|a) (?:reception|acceptation|signature)|\bimmediat)/u;

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
 * The start of a labour line ("Pose …", "Main-d'œuvre …", "Soufflage …", "Mise en service …"),
 * on folded text without its numbering: the reader's nature of a line and a sign that supply and
 * installation are priced apart.
 */
export const LABOUR_LINE_START =
  /^(?:pose|main[- ]d'(?:œ|oe)uvre|m\.\s?o\.?\b|mo\b|installation(?:\s*[,:]|\s+(?:et|du|de\s+la|des|d'une?|de\s+l'|complete))|mise\s+en\s+(?:service|place|(?:œ|oe)uvre)|montage|soufflage|reglages?|forfait\s+(?:de\s+)?pose|prestation\s+de\s+pose|raccordement\s+(?:hydraulique|frigorifique|et\s+mise)|depose\s+(?:et|puis)\s+pose)/u;

/** A month and year ("février 2027", "courant mars"): a date as prose states it. */
export const MONTH_YEAR_PATTERN =
  /\b(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/u;

const SURFACE = /\b\d+(?:[.,]\d+)?\s*m\s?(?:2|²)(?!\s*\.?\s*k)/u;
const POWER = /\b\d+(?:[.,]\d+)?\s*kw\b/u;
const VOLUME = /\b\d+(?:[.,]\d+)?\s*(?:l|litres?)\b/u;
const EMISSION = /\bmg\s*\/\s*(?:n?m3|nm³|m³)/u;

/** Mentions by the code of the `missing` finding that asks for them. */
export const MENTION_SIGNS = {
  devis_manquant: { label: 'le mot « devis »', labels: ['devis'], scope: 'document' },
  numero_devis_manquant: {
    label: 'le numéro du devis',
    labels: [
      'quote',
      'quote no',
      'estimate',
      'devis n',
      'devis no',
      'devis numero',
      'n de devis',
      'numero de devis',
      'numero du devis',
      'offre n',
      'offre numero',
      'proposition n',
      'ref devis',
      'reference du devis',
      'reference devis',
      'devis ref',
      'n devis',
      'devis #',
      'numero',
    ],
    near: 'number',
    scope: 'quote',
  },
  date_devis_manquant: {
    label: 'la date du devis',
    labels: ['date', 'etabli le', 'fait le', 'emis le', 'edite le', 'du'],
    near: 'date',
    scope: 'quote',
  },
  date_chantier_manquant: {
    label: 'la date ou le délai de début des travaux',
    labels: [
      'intervention',
      'intervenir',
      'debuter',
      'debuteront',
      'commenceront',
      'realisation',
      'start date',
      'starting date',
      'work date',
      'date de debut',
      'debut prevu',
      'travaux realises',
      'realises le',
      'realises du',
      'date de commencement',
      'date d execution',
      'mise en oeuvre prevue',
      'installation prevue',
      'debut des travaux',
      'debut de chantier',
      'debut du chantier',
      'debut d intervention',
      'demarrage',
      'date d intervention',
      'date des travaux',
      'date de realisation',
      'date previsionnelle',
      'intervention prevue',
      'intervention envisagee',
      'travaux prevus',
      'realisation prevue',
      'delai d execution',
      'delai de realisation',
      'delai d intervention',
      'delai de demarrage',
      'delai',
      'planning',
      'commencement',
      'periode d intervention',
      'execution des travaux',
      'date de pose',
      'pose prevue',
    ],
    notOnLineWith: /\b(?:paiement|retractation|reglement|garantie)\b/u,
    near: 'when',
    scope: 'quote',
  },
  date_pre_visite_manquant: {
    label: 'la date de la visite préalable',
    labels: [
      'passage',
      'evaluation',
      'constat',
      'etat des lieux',
      'audit',
      'visite',
      'metre',
      'releve',
      'diagnostic',
      'deplacement',
      'rendez-vous',
      'etude sur site',
      'sur place',
    ],
    near: 'date',
    scope: 'quote',
  },
  date_validite_manquant: {
    label: 'la durée de validité du devis',
    labels: [
      'reste valable',
      'valid until',
      'validity',
      'expiry date',
      'expires',
      'echeance de l offre',
      'echeance du devis',
      'prix fermes',
      'prix maintenus',
      'maintenus pendant',
      'prix garantis',
      'offre valide',
      'devis valide',
      'validite',
      'valable',
      'offre valable',
      'expiration',
      'duree de l offre',
      'engagement de prix',
    ],
    notOnLineWith:
      /\b(?:rge|qualibat|qualification|qualipac|qualibois|qualisol|assurance|attestation|certificat|garantie)\b/u,
    near: 'when',
    values: [/\bbon pour (?:\d+|un|deux|trois|six) (?:jours|semaines|mois)\b/u],
    scope: 'document',
  },
  pro_raison_sociale_manquant: {
    label: "le nom de l'entreprise",
    labels: ['raison sociale', 'denomination', 'societe', 'entreprise', 'etablissements', 'ets'],
    values: [
      /\b(?:sarl|sas|sasu|eurl|sa|snc|scop|sci|eirl|ei)\b\s+[a-z0-9]/u,
      /[a-z0-9]\s+\b(?:sarl|sas|sasu|eurl|snc|eirl)\b/u,
    ],
    scope: 'document',
  },
  pro_forme_juridique_manquant: {
    label: "la forme juridique de l'entreprise",
    values: [
      /\b(?:sarl|sas|sasu|eurl|s\.a\.r\.l|s\.a\.s|snc|scop|eirl|e\.?i\.?|sa|sca|scp)\b/u,
      /\b(?:entreprise individuelle|entrepreneur individuel|micro[\s-]entrepr|auto[\s-]entrepr|societe (?:a responsabilite limitee|par actions simplifiee|anonyme|cooperative))/u,
    ],
    scope: 'document',
  },
  tva_manquant: {
    label: 'le numéro de TVA intracommunautaire',
    labels: [
      'tva intra',
      'tva intracommunautaire',
      'n tva',
      'numero de tva',
      'tva n',
      'id tva',
      'identifiant tva',
      'vat',
    ],
    near: 'number',
    values: [/\bfr\s*[0-9a-z]{2}\s*\d{3}\s*\d{3}\s*\d{3}\b/u],
    scope: 'document',
  },
  capital_manquant: {
    label: 'le capital social',
    labels: ['capital', 'au capital de'],
    near: 'number',
    scope: 'document',
  },
  siret_manquant: {
    label: 'le numéro SIRET',
    labels: ['siret', 'siren', 'n siret', 'immatriculation'],
    near: 'number',
    values: [/\b\d{3}\s?\d{3}\s?\d{3}\s?\d{5}\b/u],
    scope: 'document',
  },
  rge_siret_manquant: {
    label: 'le numéro SIRET (pour vérifier la qualification RGE)',
    labels: ['siret', 'siren', 'n siret'],
    near: 'number',
    values: [/\b\d{3}\s?\d{3}\s?\d{3}\s?\d{5}\b/u],
    scope: 'document',
  },
  rcs_manquant: {
    label: "l'immatriculation au registre (RCS, RNE ou RM)",
    labels: [
      'rcs',
      'r.c.s',
      'rne',
      'registre du commerce',
      'registre national des entreprises',
      'repertoire des metiers',
      'rm',
      'chambre des metiers',
      'immatriculee',
      'immatricule',
    ],
    scope: 'document',
  },
  rcs_ville_manquant: {
    label: "la ville d'immatriculation au RCS",
    values: [
      /\br\.?\s?c\.?\s?s\.?\s*(?:de\s+)?[a-z][a-z' -]{2,}/u,
      /\b(?:greffe|tribunal de commerce)\s+(?:de\s+|d')?[a-z]/u,
    ],
    scope: 'document',
  },
  pro_assurance_manquant: {
    label: "l'assurance professionnelle (décennale)",
    labels: [
      'assurance',
      'assureur',
      'decennale',
      'garantie decennale',
      'responsabilite civile',
      'police',
      'contrat d assurance',
      'assure par',
      'assuree',
    ],
    scope: 'document',
  },
  pro_adresse_manquant: {
    label: "l'adresse de l'entreprise",
    values: [/\b(?:\d{5}|\d{2}\s\d{3})\s+[a-z]/u],
    scope: 'document',
  },
  client_prenom_manquant: {
    label: 'le prénom du client',
    labels: ['prenom'],
    values: [
      /\b(?:m|mr|mme|mlle|monsieur|madame|mademoiselle)\b\.?\s+(?:et\s+(?:mme|m|madame|monsieur)\.?\s+)?[a-z][a-z'-]+\s+[a-z][a-z'-]+/u,
    ],
    scope: 'quote',
  },
  client_nom_manquant: {
    label: 'le nom du client',
    labels: [
      'customer',
      'bill to',
      'client',
      'nom',
      'maitre d ouvrage',
      'beneficiaire',
      'destinataire',
      'adresse a',
      'commanditaire',
      'donneur d ordre',
    ],
    values: [/\b(?:m|mr|mme|mlle|monsieur|madame|mademoiselle)\b\.?\s+[a-z]/u],
    scope: 'quote',
  },
  client_civilite_manquant: {
    label: 'la civilité du client',
    values: [/\b(?:m|mr|mme|mlle|monsieur|madame|mademoiselle|mm)\b\.?\s+[a-z]/u],
    scope: 'quote',
  },
  client_adresse_manquant: {
    label: "l'adresse du client",
    labels: ['adresse', 'domicile', 'demeurant'],
    values: [/\b(?:\d{5}|\d{2}\s\d{3})\s+[a-z]/u],
    scope: 'quote',
  },
  rge_manquant: {
    label: 'la qualification RGE',
    labels: [
      'rge',
      'qualibat',
      'qualipac',
      'qualibois',
      'qualisol',
      'qualipv',
      'qualit enr',
      'qualifelec',
      'qualiventil',
      'certibat',
      'eco artisan',
      'ecoartisan',
      'pro de la performance energetique',
      'reconnu garant',
      'cequami',
      'afnor certification',
      'certificat n',
    ],
    values: [/\b(?:e-?e\d{4,}|qpac\s*\/|qb\s*\/|qs\s*\/|vplus\s*\/|qpv\s*\/)/u],
    scope: 'document',
  },
  separation_fourniture_pose_manquant: {
    label: 'la séparation entre fourniture et pose',
    labels: ['pose seule', 'installation seule', 'forfait pose'],
    values: [
      // a line of its own for the labour ("3 Pose du poêle…", "MO-POSE Main-d'œuvre…"); not a
      // bullet of a description ("– Pose en rénovation…"), nor "Pose et fourniture"
      new RegExp(
        `^(?:[a-z0-9][a-z0-9./-]*\\s+)?(?:${LABOUR_LINE_START.source.slice(1)})(?!\\s*(?:et|&|\\+)\\s*fourniture)`,
        'u',
      ),
    ],
    scope: 'quote',
  },
  prix_total_ttc_manquant: {
    label: 'le prix total TTC',
    labels: [
      'total ttc',
      'montant ttc',
      'net a payer',
      'prix ttc',
      'toutes taxes comprises',
      'total t.t.c',
      'ttc',
    ],
    near: 'number',
    scope: 'quote',
  },
  prix_total_ht_manquant: {
    label: 'le prix total HT',
    labels: [
      'total ht',
      'montant ht',
      'total hors taxe',
      'total hors taxes',
      'prix ht',
      'total h.t',
      'sous-total ht',
      'base ht',
      'ht',
    ],
    near: 'number',
    scope: 'quote',
  },
  // works: gestes (values looked for in the geste's lines; see rules/evidence.ts)
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
    scope: 'quote',
  },
  chauffage_etas_manquant: {
    label: "l'efficacité énergétique saisonnière (ETAS)",
    labels: ['etas', 'efficacite energetique saisonniere', 'efficacite saisonniere', 'ηs', 'ns'],
    scope: 'quote',
  },
  chauffage_remplacement_chaudiere_condensation_manquant: {
    label: 'la chaudière remplacée (à condensation ou non)',
    labels: [
      'condensation',
      'chaudiere existante',
      'ancienne chaudiere',
      'chaudiere fioul',
      'chaudiere gaz',
      'remplacement d une chaudiere',
      'en remplacement',
      'depose de la chaudiere',
      'depose chaudiere',
    ],
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

/**
 * Works these aids fund, as a quote names them: with none of them on a quote whose reader found
 * no geste, the quote is not about energy renovation (DESIGN.md §5: one finding, not a list).
 */
export const ENERGY_WORKS_SIGNS: readonly RegExp[] = [
  /\bpompes? a chaleur\b/u,
  /\bpac\b.{0,12}\b(?:air|eau|hybride|geothermi)/u,
  /\bisolation\b.{0,25}\b(?:thermique|combles?|rampants?|murs?|planchers?|toiture|terrasse|sous[- ]sol|toit|facades?|exterieure?|interieure?|sous[- ]face)/u,
  /\b(?:laine de (?:verre|roche|bois)|ouate de cellulose|polyurethane|polystyrene)\b.{0,60}\b(?:r\s*=|m\s?(?:2|²)\s*\.?\s*k)/u,
  /\b(?:chaudiere|poele|insert|foyer ferme)\b.{0,30}\b(?:granules|pellets|buches|bois|biomasse|condensation)/u,
  /\bchauffe[- ]eau (?:thermodynamique|solaire)|\bballon thermodynamique|\bcesi\b|\bsysteme solaire combine/u,
  /\bvmc\b.{0,20}\b(?:simple|double) flux|\bventilation mecanique controlee/u,
  /\b(?:fenetres?|porte[- ]fenetres?|baies?|menuiseries?|portes? d'entree|chassis)\b.{0,80}\b(?:uw|ud|sw)\s*[=:<≤]/u,
  /\b(?:uw|ud)\s*[=:<≤]\s*[0-9]/u,
  /\bportes? d'entree (?:isolante|a isolation)|\b(?:double|triple) vitrage\b/u,
  /\bvolets? isolants?\b/u,
];

/**
 * The words around a label that `notOnLineWith` is tested on: a clause before it and a few words
 * after it, not the whole line ("Travaux réalisés le 09/11 – paiement à 30 jours" keeps its label).
 */
export function labelSurroundings(text: string, index: number, length: number): string {
  const before = text.slice(Math.max(0, index - 90), index);
  const sentence = before.search(/[.;!?]\s+[^.;!?]*$/u);
  const start = sentence >= 0 ? before.slice(sentence + 1) : before;
  return `${start}${text.slice(index, index + length + 25)}`;
}

export type MentionCode = keyof typeof MENTION_SIGNS;

export function mentionSignsOf(code: string): MentionSigns | undefined {
  return Object.hasOwn(MENTION_SIGNS, code)
    ? (MENTION_SIGNS as Record<string, MentionSigns>)[code]
    : undefined;
}
