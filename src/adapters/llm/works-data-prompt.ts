/**
 * Our instructions for the works-data extraction (spec/pipeline.md §12), in French, sent with
 * the anonymised text only. Field names are the pipeline's, byte for byte (accents and capitals
 * included: `ETAS`, `COP`, `SCOP`, `deltaR`, `emission_composés_organique`,
 * `puissance_absobée_pondéréé_moteur`); the wording is ours.
 */
import { GESTE_GROUPS, GESTE_TYPES, type GesteType } from '../../domain/geste-types.js';

export const WORKS_DATA_PROMPT_VERSION = 'works-data/1.0.0';

type Fields = readonly (readonly [string, string])[];

const GENERAL_FIELDS: Fields = [
  ['version', `chaîne "${WORKS_DATA_PROMPT_VERSION}"`],
  ['type_fichier', '"devis", "facture" ou "autre"'],
  ['mention_devis', 'booléen : le document se désigne lui-même comme un devis'],
  ['numero_devis', 'texte : numéro du devis'],
  ['pro_forme_juridique', 'texte : forme juridique de l’entreprise'],
  ['date_devis', 'date d’émission (AAAA-MM-JJ)'],
  ['validite', 'booléen : une durée ou une date de validité est indiquée'],
  ['date_debut_chantier', 'date prévue de début des travaux (AAAA-MM-JJ)'],
  ['delai_debut_chantier', 'texte : délai avant le début des travaux'],
  ['date_pre_visite', 'date de la visite technique préalable (AAAA-MM-JJ)'],
  ['separation_prix_fourniture_pose', 'booléen : la pose ou main-d’œuvre a sa propre ligne'],
  ['prix_total_ht', 'nombre : total hors taxes'],
  ['prix_total_ttc', 'nombre : total toutes taxes comprises'],
  [
    'tva',
    'liste d’objets {"taux_tva", "prix_ht_total", "montant_tva_total"} (nombres), un par taux',
  ],
  ['gestes', 'liste des gestes retenus (voir ci-dessous)'],
];

const COMMON_GESTE_FIELDS: Fields = [
  ['type', 'un des types de geste listés'],
  ['intitule', 'libellé de la ligne, complété par le titre de sa section si utile'],
  ['numero_ligne', 'identifiant de la ligne (souvent la première colonne)'],
  ['quantite', 'nombre : quantité posée'],
  ['unite', 'unité (m², m, U…)'],
  ['prix_unitaire_ht', 'nombre'],
  ['prix_ht', 'nombre : total de la ligne hors taxes'],
  ['taux_tva', 'nombre : taux en pourcentage (parfois renvoyé par un numéro vers une légende)'],
  ['prix_ttc', 'nombre'],
];

const EQUIPMENT: Fields = [
  ['marque', 'marque'],
  ['reference', 'référence ou modèle'],
];
const EMISSIONS: Fields = [
  ['emission_monoxyde_carbone', 'entier, mg/Nm³ (CO)'],
  ['emission_composés_organique', 'entier, mgC/Nm³ (COG)'],
  ['emission_particules', 'entier, mg/Nm³'],
  ['emission_oxydes_azotes', 'entier, mg/Nm³ (NOx)'],
];
const PROFIL = ['profil_soutirage', '"M", "L", "XL" ou "XXL"'] as const;
const ETAS = ['ETAS', 'efficacité énergétique saisonnière ηs, en %'] as const;
const PUISSANCE = ['puissance', 'nombre, kW'] as const;
const REMPLACEMENT = ['remplacement_chaudiere_condensation', 'booléen'] as const;
const INSULATION: Fields = [
  ['marque_isolant', 'marque de l’isolant'],
  ['reference_isolant', 'référence de l’isolant'],
  ['surface_isolant', 'nombre, m²'],
  ['epaisseur_isolant', 'nombre, cm'],
  ['resistance_thermique', 'nombre, m².K/W'],
  ['norme_calcul_resistance', 'norme de calcul de R (par exemple NF EN 12664)'],
  ['numero_acermi', 'numéro ACERMI, de forme XX/XX/XXX'],
];
const JOINERY: Fields = [
  ...EQUIPMENT,
  ['type_menuiserie', '"fenetre", "porte_fenetre", "porte", "fenetre_de_toit" ou "volet_isolant"'],
  ['type_materiaux', '"PVC", "bois" ou "aluminium"'],
  ['type_vitrage', '"simple", "double" ou "triple"'],
  ['type_pose', '"renovation" ou "despose_totale"'],
  ['localisation', 'pièce ou emplacement'],
  ['position_paroie', '"nu_interieur", "nu_exterieur" ou "tunnel"'],
];
const HEAT_PUMP: Fields = [
  REMPLACEMENT,
  ...EQUIPMENT,
  ETAS,
  ['puissance', 'nombre, kW : puissance minimale fournie dans les conditions réelles'],
  ['regime_temperature', '"basse", "moyenne" ou "haute"'],
  ['type_fluide_frigorigene', 'fluide frigorigène'],
  ['COP', 'nombre'],
  ['SCOP', 'nombre (coefficient saisonnier, à ne pas confondre avec le COP)'],
  ['puissance_nominale', 'nombre, kW : puissance nominale'],
];
const VMC: Fields = [
  [
    'type_vmc',
    '"simple flux hygroréglable de type A", "simple flux hygroréglable de type B" ou ' +
      '"double flux avec échangeur"',
  ],
  ['marque_caisson', 'marque du caisson'],
  ['reference_caisson', 'référence du caisson'],
  ['classe_caisson', 'classe énergétique du caisson (A+++ à G)'],
  ['puissance_absobée_pondéréé_moteur', 'nombre, W-Th-C'],
  ['nombre_bouches_extraction', 'entier'],
  ['nombre_bouche_extraction', 'entier (même valeur que la clé précédente)'],
  ['marque_bouche_extraction', 'marque des bouches d’extraction'],
  ['reference_bouche_extraction', 'référence des bouches d’extraction'],
  ['nombre_bouches_entree_dair', 'entier'],
  ['emplacement_bouches_entree_dair', 'emplacement des entrées d’air'],
  ['marque_bouches_entree_dair', 'marque des entrées d’air'],
  ['reference_bouches_entree_dair', 'référence des entrées d’air'],
  ['nombre_bouches_soufflage', 'entier'],
  ['emplacement_bouches_soufflage', 'emplacement des bouches de soufflage'],
  ['marque_bouches_soufflage', 'marque des bouches de soufflage'],
  ['reference_bouches_soufflage', 'référence des bouches de soufflage'],
];

/** Type-specific fields, by geste types (the 21 canonical types of spec/domain.md §2.4). */
export const GESTE_FIELDS: readonly { types: readonly GesteType[]; fields: Fields }[] = [
  {
    types: ['chauffe_eau_thermo'],
    fields: [
      ...EQUIPMENT,
      ['volume', 'entier, litres'],
      ETAS,
      PROFIL,
      ['type_installation', '"air exterieur", "air extrait" ou "air ambiant"'],
      ['COP', 'nombre'],
    ],
  },
  {
    types: ['chauffe_eau_solaire_individuel'],
    fields: [
      ...EQUIPMENT,
      ['volume', 'entier, litres'],
      ETAS,
      PROFIL,
      ['type_appoint', '"electrique" ou "autre"'],
      ['surface_capteur', 'nombre, m²'],
      ['classe_energetique_ballon', 'classe énergétique du ballon'],
      ['fluide_capteur', '"eau", "eau glycolée" ou "air"'],
    ],
  },
  { types: GESTE_GROUPS.isolation, fields: INSULATION },
  {
    types: ['isolation_thermique_par_interieur_ITI', 'isolation_thermique_par_exterieur_ITE'],
    fields: [
      ['presence_parement', 'booléen'],
      ['presence_protection', 'booléen'],
      ['presence_fixation', 'booléen'],
    ],
  },
  {
    types: ['isolation_plancher_bas'],
    fields: [
      ['localisation', 'emplacement du plancher'],
      ['emplacement', '"sous-face" ou "par le dessus"'],
    ],
  },
  {
    types: ['isolation_toiture_terrasse'],
    fields: [['type_isolation_toiture_terrasse', 'type d’isolation de la toiture-terrasse']],
  },
  {
    types: ['menuiserie_fenetre', 'menuiserie_fenetre_toit', 'menuiserie_volet_isolant'],
    fields: [...JOINERY, ['uw', 'nombre, W/m².K'], ['sw', 'nombre']],
  },
  { types: ['menuiserie_porte'], fields: [...JOINERY, ['ud', 'nombre, W/m².K']] },
  { types: ['menuiserie_volet_isolant'], fields: [['deltaR', 'nombre, m².K/W']] },
  {
    types: ['poele_insert'],
    fields: [
      ['type_combustible', '"bois" ou "granules"'],
      ...EQUIPMENT,
      PUISSANCE,
      REMPLACEMENT,
      ETAS,
      ['rendement_energetique', 'nombre, %'],
      ['label_flamme_verte', 'booléen'],
      ...EMISSIONS,
    ],
  },
  { types: ['pac_air_eau', 'pac_eau_eau', 'pac_air_air', 'pac_hybride'], fields: HEAT_PUMP },
  {
    types: ['chaudiere_biomasse'],
    fields: [
      ...EQUIPMENT,
      ['type_combustible', '"buche", "granule", "copeaux"…'],
      ['presence_note_dimensionnement', 'booléen : une note de dimensionnement est jointe'],
      ['type_chargement', '"manuel" ou "automatique"'],
      ETAS,
      PUISSANCE,
      REMPLACEMENT,
      ['label_flamme_verte', 'booléen'],
      ...EMISSIONS,
      ['type_silo', 'extérieur ou intérieur, neuf ou existant, textile ou maçonné'],
      ['contenance_silo', 'nombre (litres, m³ ou tonnes)'],
      ['marque_regulateur', 'marque du régulateur'],
      ['reference_regulateur', 'référence du régulateur'],
      ['classe_regulateur', 'classe du régulateur'],
    ],
  },
  {
    types: ['systeme_solaire_combine'],
    fields: [
      REMPLACEMENT,
      ...EQUIPMENT,
      ETAS,
      PUISSANCE,
      ['marque_capteurs', 'marque des capteurs'],
      ['reference_capteurs', 'référence des capteurs'],
      ['type_capteurs', 'type de capteurs'],
      ['surface_captage', 'nombre, m²'],
      ['productivite_capteurs', 'nombre, W/m²'],
      ['volume_ballon', 'nombre, litres'],
      PROFIL,
      ['energie_appoint', 'énergie d’appoint (électricité, gaz…)'],
    ],
  },
  { types: GESTE_GROUPS.ventilation, fields: VMC },
];

const bullet = ([key, what]: readonly [string, string]) => `  - "${key}" : ${what}`;

export const WORKS_DATA_PROMPT = [
  'Tu lis le texte anonymisé d’un devis de travaux de rénovation énergétique adressé par une ' +
    'entreprise à un particulier. Il peut comporter plusieurs travaux (« gestes »).',
  'Réponds par un seul objet JSON, sans texte avant ni après, avec ces clés générales :',
  ...GENERAL_FIELDS.map(bullet),
  '',
  `Types de geste retenus : ${GESTE_TYPES.join(', ')}.`,
  'Chaque objet de "gestes" porte les clés communes :',
  ...COMMON_GESTE_FIELDS.map(bullet),
  'et les clés propres à son type :',
  ...GESTE_FIELDS.flatMap(({ types, fields }) => [
    `- ${types.join(', ')} :`,
    ...fields.map(bullet),
  ]),
  '',
  'Règles :',
  '- ne retiens que les lignes dont le travail relève d’un des types listés ; ignore les ' +
    'autres, même chiffrées ;',
  '- si une ligne de fourniture et une ligne de pose existent pour le même équipement, ne ' +
    'garde que la ligne de fourniture ;',
  '- ne mélange pas les données de deux gestes ; sers-toi des titres de section comme contexte ' +
    '(la pièce, par exemple) ;',
  '- relève toujours les caractéristiques techniques écrites ;',
  '- ne calcule et ne déduis rien : laisse la clé à null si la valeur n’est pas écrite ;',
  '- pour une clé à choix, n’utilise que les valeurs proposées ;',
  '- les devis sont souvent des tableaux : numéro, désignation, quantité, unité, prix unitaire ' +
    'HT, taux de TVA, total.',
].join('\n');
