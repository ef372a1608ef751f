/**
 * Step "merge" (spec/pipeline.md §13, DESIGN.md §4): the deterministic reading refined by the
 * private-data LLM (§9), the works-data LLM (§12) and the SIRENE lookup, into `read_attributes`
 * with the provenance (`naive`, `llm`, `enrichment`) of every value. Pure: no I/O, no clock.
 *
 * Policy — the deterministic reading comes first, LLM output is never trusted raw:
 * - every LLM value is coerced to our type (numbers, ISO dates, booleans, enums, identifiers
 *   without spaces); a value that does not parse is ignored;
 * - an LLM value fills a field the deterministic reader left empty (provenance `llm`);
 * - an LLM value never erases one: null, '' and [] from an LLM are "no value";
 * - both present and different (every such case is recorded in `conflicts`, values included —
 *   callers must not log them):
 *   - identifiers checked by a key or a syntax (SIRET/SIREN Luhn, RCS/RNE as SIREN, VAT key,
 *     phone, e-mail) keep the value passing its check, the deterministic one when both pass —
 *     except a printed SIREN, which gives way to a valid SIRET starting with it;
 *   - dates, amounts, numbers, booleans and short labels (legal form, civility, enums, document
 *     type) keep the deterministic value, read at a known position;
 *   - free text (names, addresses, raison sociale, quote number, geste labels and brands) keeps
 *     the deterministic value unless the LLM's contains it and is longer (a cut line);
 * - private-data lists (`noms`, `client_noms_de_famille`, `sirets`, … all 21 keys of §9, and
 *   `pro.rge_labels`) are kept as upstream keeps them: naive values then the LLM's new ones;
 * - `type_fichier` and `version` take the private-data LLM's value before the works-data one
 *   (§13 "Practical effects"); every other quote-level field comes from the works-data LLM;
 * - gestes: see ./merge/merge-gestes.ts — matched by type, line number, price and wording;
 *   naive gestes are never dropped; credible unmatched LLM gestes are appended;
 * - VAT lines: see ./merge/merge-tva.ts;
 * - SIRENE fills `pro.raison_sociale` / `pro.adresse` only when still empty after the LLMs, and
 *   only for the company of `pro.siret` (provenance `enrichment`): the rules check what the
 *   quote prints, so the register never overrides the document.
 * Keys the LLMs return beyond our attribute tree (`PrivateData.other`, unknown works fields or
 * geste fields) are dropped. Merging a merged result again with the same inputs changes nothing.
 */
import type { PrivateData } from '../adapters/llm/private-data.js';
import type { WorksData } from '../adapters/llm/works-data.js';
import type {
  ClientAttributes,
  Provenance,
  ProAttributes,
  QuoteAttributes,
} from '../domain/attributes.js';
import { digitsOf } from '../domain/identifiers.js';
import { attributePaths } from '../extract/index.js';
import { PRIVATE_LIST_KEYS } from './merge/anonymisation-input.js';
import { toTextValue, type FieldKind } from './merge/field-values.js';
import { mergeGestes } from './merge/merge-gestes.js';
import {
  fillField,
  mergeFields,
  mergeList,
  type MergeConflict,
  type MergeState,
} from './merge/merge-state.js';
import { mergeTva } from './merge/merge-tva.js';

export { buildAnonymisationInput } from './merge/anonymisation-input.js';
export type { MergeConflict } from './merge/merge-state.js';

export interface SireneEnrichment {
  nom?: string;
  adresse?: string;
  siret?: string;
  etat?: string;
}

export interface MergeInput {
  /** The deterministic reading (`extractQuote`), or a previous merge result. */
  naive: { attributes: QuoteAttributes; provenance: Provenance };
  privateData?: PrivateData;
  worksData?: WorksData;
  enrichment?: { sirene?: SireneEnrichment };
}

export interface MergedAttributes {
  attributes: QuoteAttributes;
  /** Source of every value, by attribute path (same paths as `attributePaths`). */
  provenance: Provenance;
  conflicts: MergeConflict[];
  /** LLM gestes left out (unknown type, or unmatched without price nor clear label). */
  droppedLlmGestes: number;
}

const QUOTE_FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  version: 'label',
  type_fichier: 'enum:devis|facture|autre',
  mention_devis: 'flag',
  numero_devis: 'text',
  date_devis: 'date',
  validite: 'flag',
  date_debut_chantier: 'date',
  delai_debut_chantier: 'text',
  date_pre_visite: 'date',
  separation_prix_fourniture_pose: 'flag',
  prix_total_ht: 'number',
  prix_total_ttc: 'number',
  pro_forme_juridique: 'label',
};

const PRO_FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  raison_sociale: 'text',
  forme_juridique: 'label',
  siret: 'siret',
  numero_tva: 'vat',
  capital: 'number',
  rcs: 'siren',
  rcs_ville: 'text',
  rne: 'siren',
  assurance: 'text',
  adresse: 'text',
  telephone: 'phone',
  email: 'email',
  site_web: 'label',
  code_ape: 'label',
};

const CLIENT_FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  civilite: 'label',
  nom: 'text',
  prenom: 'text',
  adresse: 'text',
  adresse_chantier: 'text',
  telephone: 'phone',
  email: 'email',
};

function nonEmpty<T extends object>(object: T): T | undefined {
  return Object.keys(object).length > 0 ? object : undefined;
}

/** Quote-level fields: the private-data LLM first for `type_fichier` and `version`. */
function quoteLevelLlm(input: MergeInput): Record<string, unknown> {
  const works = input.worksData ?? {};
  const priv = input.privateData;
  return {
    ...works,
    type_fichier: priv?.type_fichier ?? works.type_fichier,
    version: priv?.version ?? works.version,
  };
}

function mergePro(state: MergeState, naive: ProAttributes | undefined, llm: PrivateData['pro']) {
  const pro = mergeFields(state, 'pro', naive, { ...llm }, PRO_FIELD_KINDS);
  const labels = mergeList(state, 'pro.rge_labels', naive?.rge_labels, llm?.rge_labels);
  if (labels !== undefined) pro.rge_labels = labels;
  return pro;
}

/** SIRENE fills the name and address of the company of `pro.siret`, never anything else. */
function applySirene(state: MergeState, pro: ProAttributes, sirene?: SireneEnrichment) {
  if (sirene === undefined || pro.siret === undefined) return pro;
  const sirenOf = (siret: string) => digitsOf(siret).slice(0, 9);
  if (sirene.siret !== undefined && sirenOf(sirene.siret) !== sirenOf(pro.siret)) return pro;
  const filled: ProAttributes = { ...pro };
  const name = fillField(
    state,
    'pro.raison_sociale',
    pro.raison_sociale,
    toTextValue(sirene.nom),
    'enrichment',
  );
  const address = fillField(
    state,
    'pro.adresse',
    pro.adresse,
    toTextValue(sirene.adresse),
    'enrichment',
  );
  if (typeof name === 'string') filled.raison_sociale = name;
  if (typeof address === 'string') filled.adresse = address;
  return filled;
}

function finalProvenance(
  attributes: QuoteAttributes,
  state: MergeState,
  naive: Provenance,
): Provenance {
  const provenance: Provenance = {};
  for (const path of attributePaths(attributes)) {
    provenance[path] = state.sources[path] ?? naive[path] ?? 'naive';
  }
  return provenance;
}

export function mergeReadAttributes(input: MergeInput): MergedAttributes {
  const state: MergeState = { sources: {}, conflicts: [] };
  const naive = structuredClone(input.naive.attributes);
  const priv = input.privateData;
  const attributes: QuoteAttributes = mergeFields(
    state,
    '',
    naive,
    quoteLevelLlm(input),
    QUOTE_FIELD_KINDS,
  );
  for (const key of PRIVATE_LIST_KEYS) {
    const list = mergeList(state, key, naive[key], priv?.[key]);
    if (list !== undefined) attributes[key] = list;
  }
  const pro = applySirene(state, mergePro(state, naive.pro, priv?.pro), input.enrichment?.sirene);
  const client: ClientAttributes = mergeFields(
    state,
    'client',
    naive.client,
    { ...priv?.client },
    CLIENT_FIELD_KINDS,
  );
  attributes.pro = nonEmpty(pro);
  attributes.client = nonEmpty(client);
  attributes.tva = mergeTva(state, naive.tva, input.worksData?.tva);
  const gestes = mergeGestes(state, naive.gestes, input.worksData?.gestes);
  attributes.gestes = gestes.gestes;
  for (const key of ['pro', 'client', 'tva', 'gestes'] as const) {
    if (attributes[key] === undefined) delete attributes[key];
  }
  return {
    attributes,
    provenance: finalProvenance(attributes, state, input.naive.provenance),
    conflicts: state.conflicts,
    droppedLlmGestes: gestes.dropped,
  };
}
