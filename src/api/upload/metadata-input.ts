/**
 * `metadata` of an upload or a case (spec/api.md §5.9, §5.17, §3.4): a JSON string (multipart)
 * or an object (JSON body), keys `aides` and `gestes` only, each an array of the labels of
 * §5.7. Upstream answered 500 to an unknown key, a non-array or bad JSON: here each is a 422 with
 * a French message. Empty arrays are dropped; the obsolete « Poêle à granulés » is rewritten.
 */
import { GESTE_TITLES } from '../../domain/geste-types.js';
import { AIDES } from '../../domain/quote-options.js';
import { validationFailed } from '../errors.js';

export type QuoteMetadata = { aides?: string[]; gestes?: string[] };

const METADATA_KEYS = ['aides', 'gestes'] as const;

/** The lists of `GET /quote_checks/metadata` (spec/api.md §5.7). */
const ALLOWED: Record<(typeof METADATA_KEYS)[number], ReadonlySet<string>> = {
  aides: new Set(AIDES),
  gestes: new Set(Object.values(GESTE_TITLES)),
};

/** Obsolete labels still sent by old clients, rewritten on the way in (upstream backport). */
const METADATA_GESTE_ALIASES: Readonly<Record<string, string>> = {
  'Poêle à granulés': 'Poêle/insert à bois/granulés',
};

/** undefined when absent or blank; the parsed metadata otherwise, or a 422. */
export function parseMetadata(value: unknown): QuoteMetadata | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw validationFailed(['metadata : ce n’est pas du JSON valide.']);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationFailed([
      'metadata : un objet JSON { "aides": […], "gestes": […] } est attendu.',
    ]);
  }
  const messages: string[] = [];
  const result: QuoteMetadata = {};
  for (const [key, raw] of Object.entries(parsed)) {
    if (!(METADATA_KEYS as readonly string[]).includes(key)) {
      messages.push(`metadata : clé inconnue « ${key} » (seules aides et gestes sont acceptées).`);
      continue;
    }
    const name = key as (typeof METADATA_KEYS)[number];
    if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) {
      messages.push(`metadata.${name} : une liste de libellés est attendue.`);
      continue;
    }
    const values = (raw as string[]).map((v) => METADATA_GESTE_ALIASES[v] ?? v);
    for (const v of values) {
      if (!ALLOWED[name].has(v)) messages.push(`metadata.${name} : valeur non reconnue « ${v} ».`);
    }
    if (values.length > 0) result[name] = values;
  }
  if (messages.length > 0) throw validationFailed(messages);
  return result;
}
