/**
 * The document truth format of the evaluation corpus (`<id>_<slug>.truth.json`, described in the
 * corpus README). `null` means "not on the page". Only the fields the evaluation reads are typed
 * precisely; the rest of the file is kept as is.
 */

export type TruthScalar = string | number | boolean | null;

export interface TruthPro {
  raison_sociale: string | null;
  forme_juridique: string | null;
  siret: string | null;
  numero_tva: string | null;
  capital: number | null;
  rcs: string | null;
  rcs_ville: string | null;
  rne: string | null;
  assurance: string | null;
  adresse: string | null;
  rge_labels: string[];
  telephone: string | null;
  email: string | null;
  site_web: string | null;
  code_ape: string | null;
}

export interface TruthClient {
  civilite: string | null;
  nom: string | null;
  prenom: string | null;
  adresse: string | null;
  telephone: string | null;
  email: string | null;
}

export interface TruthTvaLine {
  taux_tva: number;
  prix_ht_total: number | null;
  montant_tva_total: number | null;
}

export type LineNature = 'fourniture' | 'pose' | 'fourniture_pose' | 'autre';

export interface TruthLine {
  numero: string | null;
  designation: string;
  section: string | null;
  nature: LineNature;
  quantite: number | null;
  unite: string | null;
  prix_unitaire_ht: number | null;
  prix_ht: number | null;
  prix_unitaire_ttc?: number | null;
  prix_ttc?: number | null;
  taux_tva: number | null;
  geste_type: string | null;
}

/** A geste: `type` plus the common and technical attributes printed for it. */
export interface TruthGeste {
  type: string;
  [attribute: string]: TruthScalar;
}

export interface TruthError {
  code: string;
  geste_index: number | null;
}

export type DocumentKind =
  'quote' | 'multi_page_with_cgv' | 'scanned' | 'not_a_quote' | 'corrupt' | 'encrypted';

export interface DocumentTruth {
  document: string;
  kind: DocumentKind | string;
  layout?: string;
  pages?: number | null;
  size_bytes?: number;
  sha256?: string;
  text_layer?: boolean;
  requires_ocr?: boolean;
  password?: string;
  type_fichier?: string | null;
  mention_devis?: boolean | null;
  numero_devis?: string | null;
  date_devis?: string | null;
  validite?: boolean | null;
  validite_mention?: string | null;
  date_pre_visite?: string | null;
  date_debut_chantier?: string | null;
  delai_debut_chantier?: string | null;
  objet?: string | null;
  pro?: Partial<TruthPro> | null;
  client?: Partial<TruthClient> | null;
  chantier?: { adresse: string | null; mention: string | null };
  prix_total_ht?: number | null;
  prix_total_ttc?: number | null;
  tva?: TruthTvaLine[];
  separation_prix_fourniture_pose?: boolean | null;
  prime_cee?: number | null;
  net_a_payer?: number | null;
  lignes?: TruthLine[];
  gestes?: TruthGeste[];
  expected_error_codes: string[];
  /** True when the expected codes were computed from the truth's values (real-world truths). */
  expected_codes_derived?: boolean;
  /** A real-world document (corpus-real): no `kind`, no expected codes in the file. */
  real?: boolean;
  expected_errors?: TruthError[];
  needs_network_codes?: string[];
  deliberate_defects?: string[];
  notes?: string[];
  summary?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Checks the shape the evaluation relies on and returns the truth, or throws with the reason.
 * Unknown extra keys are allowed (the format grows); wrong types on known keys are not.
 */
export function parseTruth(json: unknown, source = 'truth'): DocumentTruth {
  const fail = (why: string): never => {
    throw new Error(`${source}: ${why}`);
  };
  if (!isRecord(json)) return fail('not a JSON object');
  if (typeof json.document !== 'string' || json.document === '')
    fail('"document" must be a file name');
  const real = json.real === true;
  if (typeof json.kind !== 'string' && !real) fail('"kind" must be a string');
  if (
    !isStringArray(json.expected_error_codes) &&
    !(real && json.expected_error_codes === undefined)
  )
    fail('"expected_error_codes" must be a list of strings');
  for (const key of ['pro', 'client'] as const) {
    if (json[key] !== undefined && json[key] !== null && !isRecord(json[key]))
      fail(`"${key}" must be an object`);
  }
  if (
    isRecord(json.pro) &&
    json.pro.rge_labels !== undefined &&
    !isStringArray(json.pro.rge_labels)
  ) {
    fail('"pro.rge_labels" must be a list of strings');
  }
  if (json.tva !== undefined) {
    if (!Array.isArray(json.tva)) fail('"tva" must be a list');
    for (const line of json.tva as unknown[]) {
      if (!isRecord(line) || typeof line.taux_tva !== 'number')
        fail('every "tva" line needs a numeric taux_tva');
    }
  }
  if (json.gestes !== undefined) {
    if (!Array.isArray(json.gestes)) fail('"gestes" must be a list');
    for (const geste of json.gestes as unknown[]) {
      if (!isRecord(geste) || typeof geste.type !== 'string')
        fail('every geste needs a string "type"');
      for (const [key, value] of Object.entries(geste as Record<string, unknown>)) {
        const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
        if (!scalar) fail(`geste attribute "${key}" must be a scalar or null`);
      }
    }
  }
  if (real && typeof json.kind !== 'string') {
    json.kind = json.type_fichier === 'autre' ? 'not_a_quote' : 'quote';
  }
  return json as unknown as DocumentTruth;
}
