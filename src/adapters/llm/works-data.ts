/**
 * The works-data extraction task (spec/pipeline.md §12): raw answer schema and normalisation.
 * Values are not converted to our attribute types here (the merge step does it); only the
 * pipeline's own normalisation is applied: `numero_devis` and `type_fichier` as strings,
 * `numero_ligne` as a string, `surface_isolant` as a number, null members dropped.
 */
import { z } from 'zod';
import type { ExtractionTask } from './run-extraction.js';
import { WORKS_DATA_PROMPT, WORKS_DATA_PROMPT_VERSION } from './works-data-prompt.js';

export type LlmScalar = string | number | boolean;

export interface WorksGeste {
  type: string;
  numero_ligne?: string;
  surface_isolant?: number;
  [field: string]: LlmScalar | LlmScalar[] | undefined;
}

export type WorksTvaLine = Record<string, LlmScalar>;

export interface WorksData {
  version?: string;
  type_fichier?: string;
  numero_devis?: string;
  tva?: WorksTvaLine[];
  gestes?: WorksGeste[];
  /** The other general fields (`mention_devis`, `date_devis`, `prix_total_ht`…), as returned. */
  [key: string]: unknown;
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const scalarOrList = z.union([scalar, z.array(scalar)]);

export const worksDataAnswerSchema = z.looseObject({
  version: scalar.optional(),
  type_fichier: scalarOrList.optional(),
  numero_devis: scalarOrList.optional(),
  devis_nos: scalarOrList.optional(),
  no_devis: scalarOrList.optional(),
  tva: z.array(z.record(z.string(), scalar)).nullish(),
  gestes: z.array(z.object({ type: z.string().nullish() }).catchall(scalarOrList)).nullish(),
});

type WorksDataAnswer = z.infer<typeof worksDataAnswerSchema>;

function firstText(...values: unknown[]): string | undefined {
  for (const value of values.flat(2)) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** A decimal written `12,5`, `1 200.0` or `30 m²`; undefined when there is no leading number. */
export function toDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^-?\d+(?:[.,]\d+)?/u.exec(value.replace(/[\s\u00a0\u202f]/gu, ''));
  return match ? Number(match[0].replace(',', '.')) : undefined;
}

function withoutNulls<T>(object: Record<string, T | null | undefined>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(object).filter((entry): entry is [string, T] => entry[1] != null),
  );
}

function normaliseGeste(raw: Record<string, unknown>): WorksGeste | undefined {
  const type = firstText(raw['type']);
  if (type === undefined) return undefined;
  const geste = { ...withoutNulls(raw), type } as WorksGeste;
  const numeroLigne = firstText(raw['numero_ligne']);
  if (numeroLigne === undefined) delete geste.numero_ligne;
  else geste.numero_ligne = numeroLigne;
  const surface = toDecimal(raw['surface_isolant']);
  if (surface === undefined) delete geste.surface_isolant;
  else geste.surface_isolant = surface;
  for (const [key, value] of Object.entries(geste)) {
    if (Array.isArray(value)) geste[key] = value.filter((v) => v !== null);
  }
  return geste;
}

export function normaliseWorksData(answer: WorksDataAnswer): WorksData {
  const { devis_nos: devisNos, no_devis: noDevis, gestes, tva, ...rest } = answer;
  const data: WorksData = withoutNulls(rest);
  const numeroDevis = firstText(answer.numero_devis, devisNos, noDevis);
  if (numeroDevis === undefined) delete data.numero_devis;
  else data.numero_devis = numeroDevis;
  const typeFichier = firstText(answer.type_fichier);
  if (typeFichier === undefined) delete data.type_fichier;
  else data.type_fichier = typeFichier.toLowerCase();
  if (answer.version != null) data.version = String(answer.version);
  if (tva) data.tva = tva.map((line) => withoutNulls(line));
  const normalised = (gestes ?? []).map(normaliseGeste).filter((g) => g !== undefined);
  if (gestes) data.gestes = normalised;
  return data;
}

export const worksDataTask: ExtractionTask<WorksDataAnswer, WorksData> = {
  name: 'works_data',
  system: WORKS_DATA_PROMPT,
  promptVersion: WORKS_DATA_PROMPT_VERSION,
  // Object mode only: upstream measured worse extractions with a schema (spec/pipeline.md §12).
  responseFormat: { type: 'json_object' },
  schema: worksDataAnswerSchema,
  normalise: normaliseWorksData,
};
