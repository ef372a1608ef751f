/**
 * The private-data extraction task (spec/pipeline.md §9): raw answer schema and normalisation.
 * Lists are coerced to lists of strings, misspelt keys returned by models are folded into the
 * canonical ones, and the derived `client` and `pro` objects are added.
 */
import { z } from 'zod';
import type { FileType, PrivateDataLists } from '../../domain/attributes.js';
import type { ExtractionTask } from './run-extraction.js';
import {
  FILE_TYPES,
  PRIVATE_DATA_JSON_SCHEMA,
  PRIVATE_DATA_KEYS,
  PRIVATE_DATA_PROMPT,
  PRIVATE_DATA_PROMPT_VERSION,
  type PrivateDataKey,
} from './private-data-prompt.js';

export interface PrivateClient {
  adresse?: string;
  civilite?: string;
  nom?: string;
  prenom?: string;
}

export interface PrivatePro {
  adresse?: string;
  assurance?: string;
  /** As written (`10 000 €`); converting it is the caller's business. */
  capital?: string;
  forme_juridique?: string;
  numero_tva?: string;
  raison_sociale?: string;
  rcs?: string;
  rcs_ville?: string;
  rge_labels: string[];
  rne?: string;
  siret?: string;
}

export interface PrivateData extends PrivateDataLists {
  type_fichier?: FileType;
  version?: string;
  client?: PrivateClient;
  pro?: PrivatePro;
  /** Keys the model added beyond those asked, as returned. */
  other?: Record<string, unknown>;
}

/** Misspellings seen in model answers, folded into the canonical key (§9 "Normalisation"). */
export const PRIVATE_DATA_ALIASES: Partial<Record<PrivateDataKey, readonly string[]>> = {
  noms: ['noms_de_famille_utilisateur', 'noms_utilisateur'],
  telephones: ['telephone'],
  raison_sociales: ['raisons_sociales', 'reason_sociales', 'raison_sociale'],
  sirets: ['pro_sirets', 'sirens', 'siren'],
  ville_immatriculation_rcss: ['ville_immatriculation_rcs'],
  numero_rcss: ['numeros_rcss', 'numero_rcs'],
  emails: ['client_emails'],
  numeros_tva: ['numerous_tva', 'numerros_tva'],
  ibans: ['iban'],
  client_noms_de_famille: ['client_noms'],
  forme_juridiques: ['formes_juridiques'],
};

const item = z.union([z.string(), z.number(), z.null()]);
const listish = z.union([item, z.array(item)]).optional();
const firstLowercase = (value: unknown): unknown => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim().toLowerCase() : first;
};
const listKeys = [
  ...PRIVATE_DATA_KEYS.map(([key]) => key),
  ...Object.values(PRIVATE_DATA_ALIASES).flat(),
];

export const privateDataAnswerSchema = z.looseObject({
  ...Object.fromEntries(listKeys.map((key) => [key, listish])),
  type_fichier: z.preprocess(firstLowercase, z.enum(FILE_TYPES).nullish()),
  version: z.union([z.string(), z.number()]).nullish(),
  client: z.record(z.string(), z.unknown()).nullish(),
  pro: z.record(z.string(), z.unknown()).nullish(),
});

type PrivateDataAnswer = z.infer<typeof privateDataAnswerSchema>;

function toList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .map((v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : ''))
    .filter((v) => v !== '');
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

function deriveClient(lists: PrivateDataLists, given: Record<string, unknown>): PrivateClient {
  return compact({
    adresse: lists.client_adresses?.[0] ?? stringOf(given['adresse']),
    civilite: lists.client_civilite?.[0] ?? stringOf(given['civilite']),
    nom: lists.client_noms_de_famille?.[0] ?? stringOf(given['nom']),
    prenom: lists.client_prenoms?.[0] ?? stringOf(given['prenom']),
  });
}

function derivePro(lists: PrivateDataLists, given: Record<string, unknown>): PrivatePro {
  const first = (key: keyof PrivateDataLists, givenKey: string) =>
    lists[key]?.[0] ?? stringOf(given[givenKey]);
  return compact({
    adresse: first('pro_adresses', 'adresse'),
    assurance: first('assurances', 'assurance'),
    capital: first('capital_social', 'capital'),
    forme_juridique: first('forme_juridiques', 'forme_juridique'),
    numero_tva: first('numeros_tva', 'numero_tva'),
    raison_sociale: first('raison_sociales', 'raison_sociale'),
    rcs: first('numero_rcss', 'rcs'),
    rcs_ville: first('ville_immatriculation_rcss', 'rcs_ville'),
    rge_labels: lists.numero_rge ?? toList(given['rge_labels']),
    rne: first('rnes', 'rne'),
    siret: first('sirets', 'siret'),
  });
}

export function normalisePrivateData(answer: PrivateDataAnswer): PrivateData {
  const { type_fichier: fileType, version, client, pro, ...rest } = answer;
  const lists: PrivateDataLists = {};
  const consumed = new Set<string>();
  for (const [key] of PRIVATE_DATA_KEYS) {
    const sources = [key, ...(PRIVATE_DATA_ALIASES[key] ?? [])];
    sources.forEach((source) => consumed.add(source));
    const values = [...new Set(sources.flatMap((source) => toList(rest[source])))];
    if (values.length > 0) lists[key] = values;
  }
  const data: PrivateData = { ...lists };
  if (fileType) data.type_fichier = fileType;
  if (version !== null && version !== undefined) data.version = String(version);
  const derivedClient = deriveClient(lists, client ?? {});
  if (Object.keys(derivedClient).length > 0) data.client = derivedClient;
  const derivedPro = derivePro(lists, pro ?? {});
  if (Object.keys(derivedPro).length > 1 || derivedPro.rge_labels.length > 0) data.pro = derivedPro;
  const other = Object.entries(rest).filter(([key, v]) => !consumed.has(key) && v !== null);
  if (other.length > 0) data.other = Object.fromEntries(other);
  return data;
}

export const privateDataTask = (
  jsonSchema: boolean,
): ExtractionTask<PrivateDataAnswer, PrivateData> => ({
  name: 'private_data',
  system: PRIVATE_DATA_PROMPT,
  promptVersion: PRIVATE_DATA_PROMPT_VERSION,
  responseFormat: jsonSchema
    ? {
        type: 'json_schema',
        json_schema: { name: 'donnees_privees', strict: true, schema: PRIVATE_DATA_JSON_SCHEMA },
      }
    : { type: 'json_object' },
  schema: privateDataAnswerSchema,
  normalise: normalisePrivateData,
});
