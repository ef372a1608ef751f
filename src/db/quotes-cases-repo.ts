/**
 * QuotesCases (table `quotes_cases`): creation, and the case validation gate — a case is
 * validated once every one of its checks is final, exactly once per state (DESIGN.md §3, §4).
 */
import type { Knex } from 'knex';
import type {
  Profile,
  QuotesCase,
  RenovationType,
  ValidationOutput,
} from '../domain/quote-check.js';
import { jsonb, type QuotesCaseRow, toQuotesCase, validationColumns } from './quote-check-row.js';
import type { FindingEdits } from '../domain/quote-check.js';

const TABLE = 'quotes_cases';

export interface NewQuotesCase {
  profile: Profile;
  renovationType?: RenovationType;
  sourceName?: string;
  reference?: string | null;
  metadata?: Record<string, unknown> | null;
  email?: string | null;
  emailSubject?: string | null;
}

export async function createQuotesCase(db: Knex, quotesCase: NewQuotesCase): Promise<string> {
  const [row] = (await db(TABLE)
    .insert({
      profile: quotesCase.profile,
      renovation_type: quotesCase.renovationType ?? 'geste',
      source_name: quotesCase.sourceName ?? 'mdso',
      reference: quotesCase.reference ?? null,
      metadata: jsonb(quotesCase.metadata ?? null),
      email: quotesCase.email ?? null,
      email_domain: quotesCase.email?.split('@')[1]?.toLowerCase() ?? null,
      email_subject: quotesCase.emailSubject ?? null,
    })
    .returning('id')) as { id: string }[];
  if (!row) throw new Error('quotes_cases: insert returned nothing');
  return row.id;
}

export async function getQuotesCase(db: Knex, id: string): Promise<QuotesCase | undefined> {
  const row = (await db(TABLE).where({ id }).first()) as QuotesCaseRow | undefined;
  return row ? toQuotesCase(row) : undefined;
}

/** Locks the case row for the caller's transaction; false when it does not exist. */
export async function lockQuotesCase(trx: Knex, id: string): Promise<boolean> {
  return (await trx(TABLE).where({ id }).forUpdate().first('id')) !== undefined;
}

export async function countCaseChecks(db: Knex, caseId: string): Promise<number> {
  const row = (await db('quote_checks')
    .where({ case_id: caseId })
    .first(db.raw('count(*)::int AS n'))) as { n: number } | undefined;
  return row?.n ?? 0;
}

/**
 * A check joined the case: it must be validated again once that check is final, and its
 * renovation type follows its size (`geste` for one quote, `ampleur` from two on).
 */
export async function reopenQuotesCase(db: Knex, id: string): Promise<void> {
  await db(TABLE)
    .where({ id })
    .update({
      finished_at: null,
      renovation_type: db.raw(
        `CASE WHEN (SELECT count(*) FROM quote_checks WHERE case_id = ?) > 1
           THEN 'ampleur' ELSE 'geste' END`,
        [id],
      ),
      updated_at: db.fn.now(),
    });
}

/**
 * Inside the caller's transaction: locks the case and tells whether it is due for validation
 * (not validated in its current state, has checks, none unfinished).
 */
export async function lockCaseIfComplete(trx: Knex.Transaction, id: string): Promise<boolean> {
  const row = (await trx(TABLE).where({ id }).forUpdate().first('finished_at')) as
    { finished_at: Date | null } | undefined;
  if (!row || row.finished_at !== null) return false;
  const counts = (await trx('quote_checks')
    .where({ case_id: id })
    .first(
      trx.raw('count(*)::int AS total'),
      trx.raw('count(*) FILTER (WHERE finished_at IS NULL)::int AS unfinished'),
    )) as { total: number; unfinished: number } | undefined;
  return (counts?.total ?? 0) > 0 && counts?.unfinished === 0;
}

export async function finishQuotesCase(
  db: Knex,
  id: string,
  validation: ValidationOutput,
  edits: FindingEdits | null,
): Promise<void> {
  await db(TABLE)
    .where({ id })
    .update({
      ...validationColumns(validation),
      validation_error_edits: jsonb(edits),
      finished_at: db.fn.now(),
      updated_at: db.fn.now(),
    });
}

/** Cases whose checks are all final but which were not validated (a worker died in between). */
export async function listCasesDueForValidation(db: Knex, limit = 100): Promise<string[]> {
  const rows = (await db(TABLE)
    .select('id')
    .whereNull('finished_at')
    .whereExists((q) =>
      q.select(db.raw('1')).from('quote_checks').whereRaw('case_id = quotes_cases.id'),
    )
    .whereNotExists((q) =>
      q
        .select(db.raw('1'))
        .from('quote_checks')
        .whereRaw('case_id = quotes_cases.id')
        .whereNull('finished_at'),
    )
    .orderBy('created_at')
    .limit(limit)) as { id: string }[];
  return rows.map((r) => r.id);
}
