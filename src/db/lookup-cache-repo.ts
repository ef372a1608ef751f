/**
 * Answers of outside registries (ADEME RGE, SIRENE) kept with a time-to-live (table
 * `lookup_cache`), so a company is looked up once a day at most, and a quote re-checked during
 * an outage still gets the last known answer while it is fresh. The pipeline's enrichment and
 * the API's public data checks share the same entries.
 */
import type { Knex } from 'knex';
import { jsonb } from './quote-check-row.js';

/** `ademe_rge_rows`: normalised ADEME rows (adapters/ademe.ts `AdemeRow[]`) by SIRET or query. */
export type LookupKind = 'ademe_rge_rows' | 'sirene';

export async function getCachedLookup<T>(
  db: Knex,
  kind: LookupKind,
  key: string,
): Promise<T | undefined> {
  const row = (await db('lookup_cache')
    .where({ kind, key })
    .where('expires_at', '>', db.fn.now())
    .first('value')) as { value: T } | undefined;
  return row?.value;
}

export async function putCachedLookup(
  db: Knex,
  entry: { kind: LookupKind; key: string; value: unknown; ttlMs: number },
): Promise<void> {
  const expiresAt = db.raw(`now() + ?::interval`, [`${entry.ttlMs} milliseconds`]);
  await db('lookup_cache')
    .insert({ kind: entry.kind, key: entry.key, value: jsonb(entry.value), expires_at: expiresAt })
    .onConflict(['kind', 'key'])
    .merge({ value: jsonb(entry.value), fetched_at: db.fn.now(), expires_at: expiresAt });
}

/** Drops expired entries (retention job). */
export async function purgeExpiredLookups(db: Knex): Promise<number> {
  return db('lookup_cache').where('expires_at', '<', db.fn.now()).delete();
}

/** The fresh cached answer, else `fetch()`'s, stored for `ttlMs` (a failed fetch stores nothing). */
export async function cachedLookup<T>(
  db: Knex,
  entry: { kind: LookupKind; key: string; ttlMs: number },
  fetch: () => Promise<T>,
): Promise<T> {
  const cached = await getCachedLookup<T>(db, entry.kind, entry.key);
  if (cached !== undefined) return cached;
  const value = await fetch();
  await putCachedLookup(db, { ...entry, value });
  return value;
}
