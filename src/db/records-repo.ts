/** Finds what an id names — a QuoteCheck or a QuotesCase — with what its representation needs. */
import type { Knex } from 'knex';
import type { QuoteCheck, QuotesCase } from '../domain/quote-check.js';
import { isUuid } from './pg-errors.js';
import { getQuoteCheck, listCaseChecks } from './quote-checks-repo.js';
import { getFilenames } from './quote-files-repo.js';
import { getQuotesCase } from './quotes-cases-repo.js';

export type FoundRecord =
  | { kind: 'check'; check: QuoteCheck; filename: string | null }
  | {
      kind: 'case';
      quotesCase: QuotesCase;
      checks: { check: QuoteCheck; filename: string | null }[];
    };

async function withFilenames(
  db: Knex,
  checks: QuoteCheck[],
): Promise<{ check: QuoteCheck; filename: string | null }[]> {
  const names = await getFilenames(
    db,
    checks.map((c) => c.fileId).filter((id): id is string => id !== null),
  );
  return checks.map((check) => ({
    check,
    filename: check.fileId ? (names.get(check.fileId) ?? null) : null,
  }));
}

export async function findRecord(db: Knex, id: string): Promise<FoundRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const check = await getQuoteCheck(db, id);
  if (check) {
    const [withName] = await withFilenames(db, [check]);
    return { kind: 'check', check, filename: withName?.filename ?? null };
  }
  const quotesCase = await getQuotesCase(db, id);
  if (!quotesCase) return undefined;
  return {
    kind: 'case',
    quotesCase,
    checks: await withFilenames(db, await listCaseChecks(db, id)),
  };
}
