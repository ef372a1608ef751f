/**
 * The public RGE check (spec/api.md §5.5): validate the query in the order of the spec, read
 * every ADEME row of the SIRET through the lookup cache the enrichment step fills, filter by RGE
 * number, geste types and date with the rules' own helpers, and write one audit row per call.
 */
import { toQualification, type AdemeClient, type AdemeRow } from '../../adapters/ademe.js';
import { cachedLookup } from '../../db/lookup-cache-repo.js';
import { insertAuditLog } from '../../db/processing-logs-repo.js';
import { isValidSiret } from '../../domain/identifiers.js';
import { isGesteType } from '../../domain/geste-types.js';
import type { Logger } from '../../logger.js';
import { coversDate, gesteTypesOf, matchesAnyLabel } from '../../rules/rge.js';
import { parseIsoDate } from '../../rules/quote-date.js';
import type { Knex } from 'knex';
import { ApiError, codeError, otherError } from '../errors.js';
import { throughRegistry } from './registry-errors.js';

export interface RgeCheckDeps {
  db: Knex;
  logger: Logger;
  ademe?: AdemeClient;
  lookupTtlMs: number;
}

export interface RgeQuery {
  siret?: string;
  rge?: string;
  date?: string;
  geste_types?: string;
}

export interface RgeCheckRequest {
  query: RgeQuery;
  userAgent?: string;
  referer?: string;
}

export interface RgeCheckResult {
  results: AdemeRow[];
  valid: true;
}

const compact = (value: string | undefined): string | undefined => {
  const text = value?.replace(/\s/gu, '');
  return text ? text : undefined;
};

/** Step 1 after the SIRET: the other parameters, or the code-shaped error of the first fault. */
function readParameters(query: RgeQuery, siret: string | undefined) {
  const rge = compact(query.rge);
  const dateText = query.date?.trim();
  let date: string | undefined;
  if (dateText) {
    date = parseIsoDate(dateText);
    if (!date) throw codeError(400, 'date_format_erreur');
  }
  if (!siret && !rge) throw codeError(400, 'rge_siret_manquant');
  const gesteTypes = (query.geste_types ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (!gesteTypes.every(isGesteType)) throw codeError(422, 'geste_type_inconnu');
  return { rge, date, gesteTypes };
}

/** Steps 3 to 7 over the rows of the company. */
function filterRows(
  rows: readonly AdemeRow[],
  params: { rge?: string; date?: string; gesteTypes: readonly string[] },
): RgeCheckResult {
  let kept = rows.map((row) => ({ row, q: toQualification(row) ?? { id: row._id, domaine: [] } }));
  const { rge, date, gesteTypes } = params;
  if (rge) {
    kept = kept.filter(({ q }) => matchesAnyLabel(q, [rge]));
    if (kept.length === 0) throw codeError(400, 'rge_non_correspondant');
  }
  if (gesteTypes.length > 0) {
    kept = kept.filter(({ q }) => gesteTypesOf(q).some((type) => gesteTypes.includes(type)));
  }
  if (date) {
    kept = kept.filter(({ q }) => coversDate(q, date));
    if (kept.length === 0 && rge) throw codeError(400, 'rge_hors_date');
  }
  if (kept.length === 0) throw codeError(404, 'rge_manquant');
  return { results: kept.map(({ row }) => row), valid: true };
}

function outcomeOf(err: unknown): Record<string, unknown> {
  if (!(err instanceof ApiError)) return { valid: false, error: 'internal_error' };
  const { body } = err;
  if ('error_details' in body) {
    return { valid: false, error_code: body.error_details[0]?.code ?? null };
  }
  return { valid: false, error: body.error, status: err.status };
}

/** Audit rows are best effort: a failure to write one never changes the answer. */
async function audit(
  deps: RgeCheckDeps,
  request: RgeCheckRequest,
  startedAt: Date,
  outcome: { result?: RgeCheckResult; error?: unknown },
): Promise<void> {
  const { query } = request;
  const output = outcome.result
    ? {
        valid: true,
        results_count: outcome.result.results.length,
        results: outcome.result.results.map((row) => row._id),
      }
    : outcomeOf(outcome.error);
  try {
    await insertAuditLog(deps.db, {
      tags: ['rge_validation', outcome.result ? 'success' : 'error'],
      input: {
        siret: query.siret ?? null,
        rge: query.rge ?? null,
        date: query.date ?? null,
        geste_types: query.geste_types ?? null,
        user_agent: request.userAgent ?? null,
        referer: request.referer ?? null,
      },
      output,
      startedAt,
      finishedAt: new Date(),
    });
  } catch (err) {
    deps.logger.warn({ err }, 'rge check: audit row not written');
  }
}

export async function checkRge(
  deps: RgeCheckDeps,
  request: RgeCheckRequest,
): Promise<RgeCheckResult> {
  const siret = compact(request.query.siret);
  if (siret && !isValidSiret(siret)) throw codeError(400, 'siret_format_erreur');
  const startedAt = new Date();
  try {
    const params = readParameters(request.query, siret);
    const { ademe } = deps;
    if (!ademe) {
      throw otherError(503, 'Service unavailable', "La vérification RGE n'est pas configurée.");
    }
    const key = siret ?? `text:${params.rge ?? ''}`;
    const rows = await throughRegistry(
      () =>
        cachedLookup(deps.db, { kind: 'ademe_rge_rows', key, ttlMs: deps.lookupTtlMs }, () =>
          siret ? ademe.rowsBySiret(siret) : ademe.rowsByText(params.rge ?? ''),
        ),
      deps.logger,
      { check: 'rge' },
    );
    const result = filterRows(rows, params);
    await audit(deps, request, startedAt, { result });
    return result;
  } catch (err) {
    await audit(deps, request, startedAt, { error: err });
    throw err;
  }
}
