/**
 * What the anonymiser (src/text/anonymise.ts) must search for: every private value found by the
 * deterministic reading AND by the private-data LLM (AND by the SIRENE lookup), so that a value
 * only one of them saw still leaves the text. Unlike the read attributes, nothing is arbitrated
 * here: an LLM value the merge would reject (a SIRET failing its key) is still hidden.
 */
import type { PrivateDataLists, QuoteAttributes } from '../../domain/attributes.js';
import type { PrivateData } from '../../adapters/llm/private-data.js';
import { toTextValue } from './field-values.js';

/** The private-data list keys (spec/pipeline.md §9), each kept in read_attributes (§13). */
export const PRIVATE_LIST_KEYS = [
  'noms',
  'adresses',
  'telephones',
  'raison_sociales',
  'sirets',
  'ville_immatriculation_rcss',
  'numero_rcss',
  'rnes',
  'assurances',
  'numero_rge',
  'emails',
  'numeros_tva',
  'ibans',
  'uris',
  'client_noms_de_famille',
  'client_prenoms',
  'client_civilite',
  'client_adresses',
  'pro_adresses',
  'forme_juridiques',
  'capital_social',
] as const satisfies readonly (keyof PrivateDataLists)[];

type ListKey = (typeof PRIVATE_LIST_KEYS)[number];

/** The list each scalar of the LLM's derived `client` / `pro` objects belongs to. */
const CLIENT_LISTS: Readonly<Record<string, ListKey>> = {
  adresse: 'client_adresses',
  civilite: 'client_civilite',
  nom: 'client_noms_de_famille',
  prenom: 'client_prenoms',
};
const PRO_LISTS: Readonly<Record<string, ListKey>> = {
  adresse: 'pro_adresses',
  assurance: 'assurances',
  capital: 'capital_social',
  forme_juridique: 'forme_juridiques',
  numero_tva: 'numeros_tva',
  raison_sociale: 'raison_sociales',
  rcs: 'numero_rcss',
  rcs_ville: 'ville_immatriculation_rcss',
  rge_labels: 'numero_rge',
  rne: 'rnes',
  siret: 'sirets',
};

function addTo(lists: Map<ListKey, string[]>, key: ListKey, values: unknown): void {
  const list = lists.get(key) ?? [];
  const seen = new Set(list.map((v) => v.toLowerCase()));
  for (const raw of Array.isArray(values) ? values : [values]) {
    const value = toTextValue(raw);
    if (value === undefined || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    list.push(value);
  }
  if (list.length > 0) lists.set(key, list);
}

function addObject(
  lists: Map<ListKey, string[]>,
  object: Readonly<Record<string, unknown>> | undefined,
  targets: Readonly<Record<string, ListKey>>,
): void {
  for (const [field, key] of Object.entries(targets)) addTo(lists, key, object?.[field]);
}

/**
 * The naive attributes with every private list extended by the LLM's lists and by the values of
 * its derived `client` / `pro` objects (and the SIRENE name and address): the input of
 * `anonymiseText`.
 */
export function buildAnonymisationInput(input: {
  naive: QuoteAttributes;
  privateData?: PrivateData;
  sirene?: { nom?: string; adresse?: string };
}): QuoteAttributes {
  const { naive, privateData, sirene } = input;
  const lists = new Map<ListKey, string[]>();
  for (const key of PRIVATE_LIST_KEYS) {
    addTo(lists, key, naive[key]);
    addTo(lists, key, privateData?.[key]);
  }
  addObject(lists, { ...privateData?.client }, CLIENT_LISTS);
  addObject(lists, { ...privateData?.pro }, PRO_LISTS);
  addTo(lists, 'raison_sociales', sirene?.nom);
  addTo(lists, 'pro_adresses', sirene?.adresse);
  return { ...naive, ...Object.fromEntries(lists) };
}
