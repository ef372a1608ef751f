/**
 * What the result page (DESIGN.md §7) reads: the check or the case a result token names — never
 * an id — with what its report needs, and the token of a record for the links of a mail.
 */
import type { Knex } from 'knex';
import type { QuoteCheck } from '../domain/quote-check.js';
import { loadCaseReportSource, type CaseReportSource } from './case-report-repo.js';
import { type QuoteCheckRow, toQuoteCheck } from './quote-check-row.js';
import { getFilenames } from './quote-files-repo.js';

export type ResultRecord =
  | { kind: 'check'; check: QuoteCheck; filename: string | null }
  | { kind: 'case'; source: CaseReportSource };

/** Tokens are base64url, 43 characters; anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/u;

export function isResultTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export async function findByResultToken(
  db: Knex,
  token: string,
): Promise<ResultRecord | undefined> {
  if (!isResultTokenShape(token)) return undefined;
  const row = (await db('quote_checks').where({ result_token: token }).first()) as
    QuoteCheckRow | undefined;
  if (row) {
    const check = toQuoteCheck(row);
    const names = check.fileId ? await getFilenames(db, [check.fileId]) : new Map<string, string>();
    return {
      kind: 'check',
      check,
      filename: check.fileId ? (names.get(check.fileId) ?? null) : null,
    };
  }
  const found = (await db('quotes_cases').where({ result_token: token }).first('id')) as
    { id: string } | undefined;
  if (!found) return undefined;
  const source = await loadCaseReportSource(db, found.id);
  return source ? { kind: 'case', source } : undefined;
}

/** The result token of a check or a case (for a link), undefined when the record is unknown. */
export async function resultTokenOf(
  db: Knex,
  kind: 'check' | 'case',
  id: string,
): Promise<string | undefined> {
  const table = kind === 'check' ? 'quote_checks' : 'quotes_cases';
  const row = (await db(table).where({ id }).first('result_token')) as
    { result_token: string } | undefined;
  return row?.result_token;
}
