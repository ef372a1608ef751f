/**
 * The SQL treatments of the analytics export (issue 11, spec/metabase.md §4 and §6.1), as
 * expression builders over a source column. Anonymisation happens in the source's SELECT, so
 * that nothing personal ever leaves the application database: free text becomes a fixed
 * placeholder (or a flag), references a pseudonym valid for one run, JSON payloads are rebuilt
 * from a whitelist of keys whose values must look like codes, numbers, dates or booleans.
 * Every argument is a column expression written in this folder, never a value from outside.
 */

import { PUBLIC_BODY_DOMAIN_SUFFIXES, WEBMAIL_DOMAINS } from '../domain/email-domains.js';

/** The fixed texts that stand in for free text (spec/metabase.md §4.1, §4.3). */
export const PLACEHOLDERS = {
  text: 'Contenu anonymisé pour l’export Metabase',
  comment: 'Commentaire anonymisé',
  email: 'Adresse e-mail anonymisée',
} as const;

// Lengths are checked apart from the patterns: a bounded repetition ({0,99}) makes PostgreSQL's
// regex automaton large and every match slow (the export took 4 × longer with them).
const MAX_LENGTH = 100;
/** A code of ours or upstream's: `chauffage_puissance_manquant`, `pac_air_eau`, `done`. */
const CODE = '^[a-z][a-z0-9_]*$';
/** A version or a channel name (`0.0.1`, `naive-2026-12-07`, `mdso_bo`): no spaces, no `@`. */
const VERSION = '^[A-Za-z0-9][A-Za-z0-9._+-]*$';
/** A processing-log tag (`step/extract/done`, `PrivateDataQa/Llms::Mistral`, `MdsoOcr/Ocr/nanonets`). */
const TAG = '[A-Za-z0-9][A-Za-z0-9_:/.-]*';
/** An ISO 8601 date or timestamp as stored in JSON edits and logs. */
const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]{5,15}(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A finding id: `<object id>-<k>` or `<object id>-<check id>-geste-<n>-<k>` (spec/domain.md §4.2). */
export const FINDING_ID = `^${UUID}(-${UUID}-geste-[0-9]{1,4})?-[0-9]{1,5}$`;

const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * The fixed text when the source holds some text; NULL (and blank) give NULL. A long text is
 * not read (its size is known without decompressing it): the text of 100,000 quotes is not
 * read to find out that it is not blank.
 */
export function placeholder(column: string, text: string): string {
  return `CASE WHEN octet_length(${column}) > 64 OR ${isFilled(column)} THEN ${literal(text)} END`;
}

/** true when the column holds non-blank text. */
export function isFilled(column: string): string {
  return `(coalesce(btrim(${column}), '') <> '')`;
}

/**
 * A pseudonym of a free value (a partner's reference, a company's domain), the same for equal
 * values within one run and unrelated across runs (the salt is random and never stored):
 * values can be grouped and counted, never read back.
 */
export function pseudonym(column: string, saltHex: string, prefix = 'ref_'): string {
  if (!/^[0-9a-f]{32}$/u.test(saltHex)) throw new Error('pseudonym: salt must be 32 hex digits');
  return `CASE WHEN ${isFilled(column)}
    THEN ${literal(prefix)} || left(md5('${saltHex}' || btrim(${column})), 16) END`;
}

/**
 * A sender's e-mail domain: kept when it is a public body's or a webmail provider's
 * (domain/email-domains.ts), else a pseudonym, since a company's domain often names a person.
 */
export function emailDomain(column: string, saltHex: string): string {
  const domain = `lower(btrim(${column}))`;
  const webmail = WEBMAIL_DOMAINS.map(literal).join(', ');
  const publicBody = PUBLIC_BODY_DOMAIN_SUFFIXES.map(
    (suffix) => `${domain} = ${literal(suffix)} OR ${domain} LIKE ${literal(`%.${suffix}`)}`,
  ).join(' OR ');
  return `CASE WHEN NOT ${isFilled(column)} THEN NULL
    WHEN ${domain} !~ '^[a-z0-9.-]+$' THEN ${pseudonym(domain, saltHex, 'dom_')}
    WHEN ${domain} IN (${webmail}) OR ${publicBody} THEN ${domain}
    ELSE ${pseudonym(domain, saltHex, 'dom_')} END`;
}

/** The test that a text matches the pattern and is not too long. */
function matches(column: string, pattern: string): string {
  return `(${column} ~ ${literal(pattern)} AND length(${column}) <= ${MAX_LENGTH})`;
}

/** The value when it matches the pattern, else NULL. */
export function matching(column: string, pattern: string): string {
  return `CASE WHEN ${matches(column, pattern)} THEN ${column} END`;
}

export const code = (column: string): string => matching(column, CODE);
export const version = (column: string): string => matching(column, VERSION);
export const findingId = (column: string): string => matching(column, FINDING_ID);

/** A jsonb array (anything else counts as empty). */
const jsonArray = (column: string): string =>
  `CASE WHEN jsonb_typeof(${column}) = 'array' THEN ${column} ELSE '[]'::jsonb END`;

/**
 * A jsonb array of codes kept from a jsonb array of strings (`path` empty) or of objects
 * (`path` = the key holding the code): NULL stays NULL, anything not a code is left out.
 */
export function codeArray(column: string, key?: string): string {
  const element = key ? `e ->> ${literal(key)}` : `e #>> '{}'`;
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE coalesce((
    SELECT jsonb_agg(${element}) FROM jsonb_array_elements(${jsonArray(column)}) e
    WHERE ${matches(element, CODE)}), '[]'::jsonb) END`;
}

/** The tags that look like tags (NULL stays NULL); the whole array at once when all do. */
export function tagArray(column: string): string {
  const all = `^${TAG}(\\|${TAG})*$`;
  return `CASE WHEN ${column} IS NULL THEN NULL
    WHEN array_to_string(${column}, '|') ~ ${literal(all)} THEN ${column}
    ELSE ARRAY(SELECT t FROM unnest(${column}) t WHERE ${matches('t', `^${TAG}$`)}) END`;
}

/** How many elements of a jsonb array hold `key` = `value`. */
export function countWhere(column: string, key: string, value: string): string {
  return `(SELECT count(*) FROM jsonb_array_elements(${jsonArray(column)}) e
    WHERE e ->> ${literal(key)} = ${literal(value)})::integer`;
}

/** The kinds of value a whitelisted JSON key may keep. */
export type JsonKind = 'code' | 'codes' | 'version' | 'number' | 'boolean' | 'date';

const NUMBER = '^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$';

/** `"key": value` when the value has the expected kind, else NULL (left out by concat_ws). */
function jsonMember(source: string, key: string, kind: JsonKind): string {
  const text = `(${source} ->> ${literal(key)})`;
  const name = `'"${key}": '`;
  switch (kind) {
    case 'number':
      return `CASE WHEN ${matches(text, NUMBER)} THEN ${name} || ${text} END`;
    case 'boolean':
      return `CASE WHEN ${text} IN ('true', 'false') THEN ${name} || ${text} END`;
    case 'codes': {
      const value = `(${source} -> ${literal(key)})`;
      return `CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${name} || (${codeArray(value)})::text END`;
    }
    case 'code':
    case 'version':
    case 'date': {
      // these patterns admit neither quotes nor backslashes: the text needs no escaping
      const pattern = kind === 'code' ? CODE : kind === 'version' ? VERSION : ISO_DATE;
      return `CASE WHEN ${matches(text, pattern)} THEN ${name} || '"' || ${text} || '"' END`;
    }
  }
}

/**
 * The JSON text of an object rebuilt from the whitelisted keys of `source` (a jsonb object),
 * each value kept only when it has the expected kind; other keys are dropped. NULL stays NULL.
 * Written as text, not built as jsonb: three times faster on a million processing logs.
 */
export function whitelistedJson(source: string, keys: Readonly<Record<string, JsonKind>>): string {
  if (Object.keys(keys).some((key) => !/^[a-z_]+$/u.test(key))) {
    throw new Error('whitelistedJson: keys are lower-case words');
  }
  const members = Object.entries(keys)
    .map(([key, kind]) => jsonMember(source, key, kind))
    .join(',\n      ');
  return `CASE WHEN ${source} IS NULL THEN NULL
    WHEN jsonb_typeof(${source}) <> 'object' THEN '{}'
    ELSE '{' || concat_ws(', ', ${members}) || '}' END`;
}
