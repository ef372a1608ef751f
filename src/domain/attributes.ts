/**
 * The attribute tree of a quote (`read_attributes` in spec/pipeline.md §13), with plain values.
 * Field names are upstream's, byte for byte (accents and capitals included), because stored data,
 * the API and the rules depend on them. Every field is optional: absent means "not found".
 *
 * Conventions for values produced by this service (the corpus truth uses the same):
 * - dates are ISO `YYYY-MM-DD` strings; amounts, rates, powers, areas are JSON numbers;
 * - identifiers (SIRET, SIREN, RCS, VAT number, phone) are written without spaces;
 * - enumerated values use the spellings listed on each field.
 */
import type { GesteType } from './geste-types.js';

export type FileType = 'devis' | 'facture' | 'autre';

export interface ProAttributes {
  raison_sociale?: string;
  /** `SARL`, `SAS`, `SASU`, `EURL`, `EI`, `EIRL`, `SA`, `SNC`, `SCOP`, … */
  forme_juridique?: string;
  /** What is printed as the establishment identifier, digits only (may be a 9-digit SIREN). */
  siret?: string;
  numero_tva?: string;
  /** Share capital in euros. */
  capital?: number;
  /** RCS number (9 digits) and registry city. */
  rcs?: string;
  rcs_ville?: string;
  /** SIREN when an RNE registration is printed instead of an RCS. */
  rne?: string;
  /** `"<insurer>, contrat n° <policy number>"`. */
  assurance?: string;
  /** `"<street>, <postcode> <city>"`. */
  adresse?: string;
  /** RGE certificate numbers as printed (`E-E123456`, `QPAC/12345`, `QB/12345`…). */
  rge_labels?: string[];
  telephone?: string;
  email?: string;
  site_web?: string;
  code_ape?: string;
}

export interface ClientAttributes {
  /** As printed: `M.`, `Mme`, `Monsieur`, `Madame`, `M. et Mme`. */
  civilite?: string;
  nom?: string;
  prenom?: string;
  adresse?: string;
  /** Works-site address when printed apart from the client address. */
  adresse_chantier?: string;
  telephone?: string;
  email?: string;
}

export interface TvaLine {
  taux_tva: number;
  prix_ht_total?: number;
  montant_tva_total?: number;
}

/** Technical attributes a rule may read on a geste (spec/rules.md §3.5–§3.10). */
/** Quantity and prices of a priced line, as printed (amounts in euros, VAT rate in %). */
export interface LinePrices {
  quantite?: number;
  unite?: string;
  prix_unitaire_ht?: number;
  prix_ht?: number;
  taux_tva?: number;
  prix_unitaire_ttc?: number;
  prix_ttc?: number;
}

/** The keys of LinePrices, in display order. */
export const LINE_PRICE_KEYS = [
  'quantite',
  'unite',
  'prix_unitaire_ht',
  'prix_ht',
  'taux_tva',
  'prix_unitaire_ttc',
  'prix_ttc',
] as const satisfies readonly (keyof LinePrices)[];

export interface Geste extends LinePrices {
  type: GesteType | string;
  intitule?: string;
  numero_ligne?: string;
  // shared equipment fields
  marque?: string;
  reference?: string;
  puissance?: number;
  ETAS?: number;
  remplacement_chaudiere_condensation?: boolean;
  // heat pumps
  regime_temperature?: 'basse' | 'moyenne' | 'haute';
  type_fluide_frigorigene?: string;
  COP?: number;
  SCOP?: number;
  puissance_nominale?: number;
  // stoves and biomass boilers
  type_combustible?: string;
  rendement_energetique?: number;
  label_flamme_verte?: boolean;
  emission_monoxyde_carbone?: number;
  emission_composés_organique?: number;
  emission_particules?: number;
  emission_oxydes_azotes?: number;
  /** Ours: the O₂ content (%) the four emissions are referred to, when the quote prints it. */
  emission_reference_o2?: number;
  type_chargement?: 'manuel' | 'automatique';
  type_silo?: string;
  /** Litres. */
  contenance_silo?: number;
  marque_regulateur?: string;
  reference_regulateur?: string;
  classe_regulateur?: string;
  presence_note_dimensionnement?: boolean;
  // combined solar system
  marque_capteurs?: string;
  reference_capteurs?: string;
  type_capteurs?: string;
  surface_captage?: number;
  productivite_capteurs?: number;
  volume_ballon?: number;
  energie_appoint?: string;
  // hot water
  volume?: number;
  profil_soutirage?: 'M' | 'L' | 'XL' | 'XXL';
  /** `air ambiant`, `air extérieur`, `air extrait`. */
  type_installation?: string;
  type_appoint?: string;
  surface_capteur?: number;
  classe_energetique_ballon?: string;
  /** `eau`, `eau glycolée`, `air`. */
  fluide_capteur?: string;
  // insulation
  marque_isolant?: string;
  reference_isolant?: string;
  surface_isolant?: number;
  /** Centimetres. */
  epaisseur_isolant?: number;
  /** m²·K/W, as printed (never computed). */
  resistance_thermique?: number;
  /** Ours: thermal conductivity λ of the insulant, W/m·K, when printed. */
  lambda_isolant?: number;
  norme_calcul_resistance?: string;
  numero_acermi?: string;
  presence_parement?: boolean;
  presence_protection?: boolean;
  presence_fixation?: boolean;
  localisation?: string;
  /** `sous-face`, `par le dessus`. */
  emplacement?: string;
  type_isolation_toiture_terrasse?: string;
  // joinery
  /** `fenetre`, `porte_fenetre`, `porte`, `fenetre_de_toit`, `volet_isolant`. */
  type_menuiserie?: string;
  /** `PVC`, `bois`, `aluminium`, `mixte`. */
  type_materiaux?: string;
  /** `simple`, `double`, `triple`. */
  type_vitrage?: string;
  /** `renovation`, `depose_totale`. */
  type_pose?: string;
  /** `nu_interieur`, `nu_exterieur`, `tunnel`. */
  position_paroie?: string;
  uw?: number;
  sw?: number;
  ud?: number;
  deltaR?: number;
  // ventilation
  type_vmc?: string;
  marque_caisson?: string;
  reference_caisson?: string;
  classe_caisson?: string;
  puissance_absobée_pondéréé_moteur?: number;
  marque_bouche_extraction?: string;
  reference_bouche_extraction?: string;
  nombre_bouche_extraction?: number;
  nombre_bouches_extraction?: number;
  nombre_bouches_entree_dair?: number;
  marque_bouches_entree_dair?: string;
  reference_bouches_entree_dair?: string;
  emplacement_bouches_entree_dair?: string;
  nombre_bouches_soufflage?: number;
  marque_bouches_soufflage?: string;
  reference_bouches_soufflage?: string;
  emplacement_bouches_soufflage?: string;
}

/** Lists of the private-data extraction (spec/pipeline.md §9), kept for anonymisation. */
export interface PrivateDataLists {
  noms?: string[];
  adresses?: string[];
  telephones?: string[];
  raison_sociales?: string[];
  sirets?: string[];
  ville_immatriculation_rcss?: string[];
  numero_rcss?: string[];
  rnes?: string[];
  assurances?: string[];
  numero_rge?: string[];
  emails?: string[];
  numeros_tva?: string[];
  ibans?: string[];
  uris?: string[];
  client_noms_de_famille?: string[];
  client_prenoms?: string[];
  client_civilite?: string[];
  client_adresses?: string[];
  pro_adresses?: string[];
  forme_juridiques?: string[];
  capital_social?: string[];
}

export interface QuoteAttributes extends PrivateDataLists {
  version?: string;
  type_fichier?: FileType;
  mention_devis?: boolean;
  /** The word "devis" as written (naive reader). */
  devis?: string;
  numero_devis?: string;
  date_devis?: string;
  validite?: boolean;
  date_debut_chantier?: string;
  delai_debut_chantier?: string;
  date_pre_visite?: string;
  separation_prix_fourniture_pose?: boolean;
  prix_total_ht?: number;
  prix_total_ttc?: number;
  tva?: TvaLine[];
  pro_forme_juridique?: string;
  pro?: ProAttributes;
  client?: ClientAttributes;
  /** ADEME qualification codes (enrichment). */
  rge_labels?: string[];
  extended_data?: Record<string, unknown>;
  gestes?: Geste[];
}

export type ProvenanceSource = 'naive' | 'llm' | 'enrichment';

/** Where each value came from, keyed by attribute path (`pro.siret`, `gestes[0].puissance`). */
export type Provenance = Record<string, ProvenanceSource>;
