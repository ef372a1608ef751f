/**
 * The deterministic extractor: administrative data (admin/) and works data (works/) merged into
 * one attribute tree, every emitted value marked `naive` in the provenance.
 */
import type { Provenance, QuoteAttributes } from '../domain/attributes.js';
import { extractAdmin } from './admin/index.js';
import type { QuoteDocument } from './document.js';
import { repairLostDecimals } from './lost-decimals.js';
import { extractWorks } from './works/index.js';

export const EXTRACTOR_VERSION = '1.1.0';

export interface QuoteExtraction {
  attributes: QuoteAttributes;
  provenance: Provenance;
  version: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of every emitted value: `pro.siret`, `tva[0].taux_tva`; lists of scalars by their key. */
export function attributePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    if (!value.some(isPlainObject)) return prefix && value.length > 0 ? [prefix] : [];
    return value.flatMap((item, i) => attributePaths(item, `${prefix}[${i}]`));
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, v]) =>
      attributePaths(v, prefix ? `${prefix}.${key}` : key),
    );
  }
  return value === undefined || value === null || value === '' ? [] : [prefix];
}

/**
 * Reads a document without any LLM or network access. The administrative reader gets the whole
 * document — the company identity may be printed only in page footers or at the head of the
 * general terms — and tells the quote from its terms itself; the works reader gets `quote`, the
 * document without its terms (the shrinker's output), so that terms never become works lines.
 */
export function extractQuote(doc: QuoteDocument, quote: QuoteDocument = doc): QuoteExtraction {
  const attributes: QuoteAttributes = extractAdmin(doc);
  if (attributes.type_fichier !== 'autre') {
    const works = extractWorks(quote);
    if (works.gestes.length > 0) attributes.gestes = works.gestes;
    repairLostDecimals(attributes, works.lines);
    if (works.separation_prix_fourniture_pose !== undefined) {
      attributes.separation_prix_fourniture_pose = works.separation_prix_fourniture_pose;
    }
  }
  const provenance: Provenance = {};
  for (const path of attributePaths(attributes)) provenance[path] = 'naive';
  return { attributes, provenance, version: EXTRACTOR_VERSION };
}
