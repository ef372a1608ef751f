/** The generated quote before rendering: everything printed, and nothing else. */
import type { GesteType } from '../../src/domain/geste-types.js';
import type { LineNature, TruthGeste } from '../../src/eval/truth.js';
import type { PrintStyle } from './formats.js';
import type { LayoutSpec } from './layouts/layout-spec.js';
import type { Address } from './vocab/places.js';

export interface Company {
  raison_sociale: string;
  forme_juridique: string;
  siren: string;
  /** Digits printed as the SIRET (may be a SIREN or a wrong-length number on purpose). */
  siret: string | null;
  numero_tva: string | null;
  capital: number | null;
  rcs: string | null;
  rcs_ville: string | null;
  rne: string | null;
  insurer: string | null;
  policy: string | null;
  address: Address;
  rge_labels: string[];
  telephone: string | null;
  email: string | null;
  site_web: string | null;
  code_ape: string | null;
  tagline: string;
  /** Who signs for the company. */
  signatory: string;
}

export interface Client {
  civilite: string | null;
  prenom: string | null;
  nom: string;
  address: Address;
  telephone: string | null;
  email: string | null;
}

export interface QuoteLine {
  numero: string | null;
  designation: string;
  /** Sentences printed under the designation. */
  details: string[];
  section: string | null;
  nature: LineNature;
  quantite: number;
  unite: string;
  prix_unitaire_ht: number;
  prix_ht: number;
  taux_tva: number;
  prix_unitaire_ttc: number;
  prix_ttc: number;
  geste_type: GesteType | null;
}

export interface VatTotal {
  taux_tva: number;
  base: number;
  montant: number;
  /** Code printed in the table when VAT is given by code. */
  code: string;
}

export interface QuoteModel {
  /** `<id>_<slug>`, the file basename. */
  baseName: string;
  layout: LayoutSpec;
  style: PrintStyle;
  /** Title printed at the top: "DEVIS", "Devis n° …" or, without the word, "PROPOSITION COMMERCIALE". */
  mention_devis: boolean;
  numero_devis: string | null;
  date_devis: string;
  validite_mention: string | null;
  date_pre_visite: string | null;
  date_debut_chantier: string | null;
  delai_debut_chantier: string | null;
  /** The printed start sentence (date or delay), if any. */
  debut_mention: string | null;
  objet: string;
  company: Company;
  client: Client;
  chantier: { adresse: string | null; mention: string | null };
  lines: QuoteLine[];
  gestes: TruthGeste[];
  ttcOnly: boolean;
  separation: boolean;
  totals: { ht: number; ttc: number; vat: VatTotal[] };
  prime_cee: number | null;
  net_a_payer: number | null;
  paymentTerms: string;
  defects: string[];
}
