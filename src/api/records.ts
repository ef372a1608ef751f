/**
 * Scoped lookups of the API (spec/api.md §2.4): a QuoteCheck or QuotesCase by id, as the caller
 * may see it. A malformed id, an unknown one and one outside the caller's scope all give the same
 * 404 body, so a partner cannot tell another partner's record from nothing.
 */
import type { Knex } from 'knex';
import {
  getCheckSummary,
  listCaseCheckSummaries,
  type CheckWithFilename,
} from '../db/api-records-repo.js';
import { isUuid } from '../db/pg-errors.js';
import { getQuotesCase } from '../db/quotes-cases-repo.js';
import type { QuotesCase } from '../domain/quote-check.js';
import { isInScope, type ApiCaller } from './auth.js';
import { recordNotFound } from './errors.js';

export async function loadCheck(
  db: Knex,
  caller: ApiCaller,
  id: string,
): Promise<CheckWithFilename> {
  const found = isUuid(id) ? await getCheckSummary(db, id) : undefined;
  if (!found || !isInScope(caller, found.check)) throw recordNotFound('QuoteCheck', id);
  return found;
}

export async function loadCase(db: Knex, caller: ApiCaller, id: string): Promise<QuotesCase> {
  const found = isUuid(id) ? await getQuotesCase(db, id) : undefined;
  if (!found || !isInScope(caller, found)) throw recordNotFound('QuotesCase', id);
  return found;
}

export async function loadCaseWithChecks(
  db: Knex,
  caller: ApiCaller,
  id: string,
): Promise<{ quotesCase: QuotesCase; checks: CheckWithFilename[] }> {
  const quotesCase = await loadCase(db, caller, id);
  return { quotesCase, checks: await listCaseCheckSummaries(db, id) };
}
