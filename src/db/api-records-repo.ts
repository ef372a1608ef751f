/**
 * What the REST API reads and writes on quote checks and cases (spec/api.md §5.10–5.19): a check
 * with its file name in one primary-key query that leaves the heavy columns (text, document,
 * extracted attributes) in the database, a case's checks likewise, the `result_sent_at` mark of
 * delivered results, and the human annotations (comment, reference).
 */
import type { Knex } from 'knex';
import type { QuoteCheck } from '../domain/quote-check.js';
import { type QuoteCheckRow, toQuoteCheck } from './quote-check-row.js';

/** The columns a representation needs (spec/api.md §6.1); the others come back null. */
const SUMMARY_COLUMNS = [
  'id',
  'file_id',
  'case_id',
  'parent_id',
  'profile',
  'renovation_type',
  'source_name',
  'reference',
  'metadata',
  'email',
  'email_subject',
  'stage',
  'attempts',
  'started_at',
  'finished_at',
  'result_sent_at',
  'result_token',
  'created_at',
  'read_attributes',
  'comment',
  'application_version',
  'validation_errors',
  'validation_error_details',
  'validation_to_verify',
  'validation_control_codes',
  'validation_controls_count',
  'validation_version',
  'validation_error_edits',
].map((c) => `quote_checks.${c}`);

export interface CheckWithFilename {
  check: QuoteCheck;
  filename: string | null;
}

function summaries(db: Knex) {
  return db('quote_checks')
    .leftJoin('quote_files', 'quote_files.id', 'quote_checks.file_id')
    .select([...SUMMARY_COLUMNS, 'quote_files.filename AS filename']);
}

/** The columns left out come back null (`toQuoteCheck` reads a missing column as null). */
function toSummary(row: Partial<QuoteCheckRow> & { filename: string | null }): CheckWithFilename {
  return { check: toQuoteCheck(row as QuoteCheckRow), filename: row.filename };
}

/** The SQL of `getCheckSummary`, for the benchmark's bare handler (the same read). */
export function checkSummaryQuery(db: Knex, id: string): Knex.QueryBuilder {
  return summaries(db).where('quote_checks.id', id).first();
}

export async function getCheckSummary(
  db: Knex,
  id: string,
): Promise<CheckWithFilename | undefined> {
  const row = (await checkSummaryQuery(db, id)) as
    (Partial<QuoteCheckRow> & { filename: string | null }) | undefined;
  return row ? toSummary(row) : undefined;
}

/** The checks of a case, newest first, as the API embeds them. */
export async function listCaseCheckSummaries(
  db: Knex,
  caseId: string,
): Promise<CheckWithFilename[]> {
  const rows = (await summaries(db)
    .where('quote_checks.case_id', caseId)
    .orderBy([
      { column: 'quote_checks.created_at', order: 'desc' },
      { column: 'quote_checks.id', order: 'desc' },
    ])) as (Partial<QuoteCheckRow> & { filename: string | null })[];
  return rows.map(toSummary);
}

/**
 * Results read by the API count as delivered (spec/api.md §5.10, §5.18): finished checks that
 * carry no `result_sent_at` get now.
 */
export async function markResultsDelivered(db: Knex, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db('quote_checks')
    .whereIn('id', ids)
    .whereNotNull('finished_at')
    .whereNull('result_sent_at')
    .update({ result_sent_at: db.fn.now() });
}

/**
 * Comment and/or reference of a check (§5.11): a non-empty comment records `commented_at`, a
 * cleared one clears it. Keys absent from `changes` are left alone.
 */
export async function annotateQuoteCheck(
  db: Knex,
  id: string,
  changes: { comment?: string | null; reference?: string | null },
): Promise<void> {
  const update: Record<string, unknown> = {};
  if ('comment' in changes) {
    update['comment'] = changes.comment ?? null;
    update['commented_at'] = changes.comment ? db.fn.now() : null;
  }
  if ('reference' in changes) update['reference'] = changes.reference ?? null;
  if (Object.keys(update).length === 0) return;
  await db('quote_checks')
    .where({ id })
    .update({ ...update, updated_at: db.fn.now() });
}

export async function setCaseReference(
  db: Knex,
  id: string,
  reference: string | null,
): Promise<void> {
  await db('quotes_cases').where({ id }).update({ reference, updated_at: db.fn.now() });
}
