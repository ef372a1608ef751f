/**
 * What the results report of a case needs (DESIGN.md §6): the case with its e-mail fields and
 * reply token, its checks with their file names, and the inbound mails of its thread (threading
 * keys and the attachments that were not checked). Also records that the report went out.
 */
import type { Knex } from 'knex';
import type { QuoteCheck, QuotesCase } from '../domain/quote-check.js';
import { type QuotesCaseRow, toQuotesCase } from './quote-check-row.js';
import { listCaseChecks } from './quote-checks-repo.js';
import { getFilenames } from './quote-files-repo.js';

/** One attachment of an inbound mail and what became of it (`inbound_emails.parts`). */
export interface InboundPart {
  filename: string;
  outcome: 'quote' | 'ignored' | 'not_checked';
  reason?: string;
  checkId?: string;
}

export interface CaseInboundMail {
  id: string;
  /** As stored by the inbound side (angle brackets or not); null when the mail had none. */
  messageId: string | null;
  receivedAt: Date;
  parts: InboundPart[];
}

export interface CaseReportSource {
  quotesCase: QuotesCase & { mailToken: string | null };
  /** Newest first, as the API embeds them. */
  checks: { check: QuoteCheck; filename: string | null }[];
  /** Oldest first. */
  inbound: CaseInboundMail[];
}

function toParts(value: unknown): InboundPart[] {
  if (!Array.isArray(value)) return [];
  const parts: InboundPart[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const p = item as Record<string, unknown>;
    if (typeof p.filename !== 'string') continue;
    if (p.outcome !== 'quote' && p.outcome !== 'ignored' && p.outcome !== 'not_checked') continue;
    parts.push({
      filename: p.filename,
      outcome: p.outcome,
      ...(typeof p.reason === 'string' && p.reason ? { reason: p.reason } : {}),
      ...(typeof p.check_id === 'string' ? { checkId: p.check_id } : {}),
    });
  }
  return parts;
}

export async function loadCaseReportSource(
  db: Knex,
  caseId: string,
): Promise<CaseReportSource | undefined> {
  const row = (await db('quotes_cases').where({ id: caseId }).first()) as
    (QuotesCaseRow & { mail_token?: string | null }) | undefined;
  if (!row) return undefined;
  const checks = await listCaseChecks(db, caseId);
  const names = await getFilenames(
    db,
    checks.map((c) => c.fileId).filter((id): id is string => id !== null),
  );
  const inbound = (await db('inbound_emails')
    .where({ case_id: caseId })
    .orderBy([
      { column: 'received_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('id', 'message_id', 'received_at', 'parts')) as {
    id: string;
    message_id: string | null;
    received_at: Date;
    parts: unknown;
  }[];
  return {
    quotesCase: { ...toQuotesCase(row), mailToken: row.mail_token ?? null },
    checks: checks.map((check) => ({
      check,
      filename: check.fileId ? (names.get(check.fileId) ?? null) : null,
    })),
    inbound: inbound.map((r) => ({
      id: r.id,
      messageId: r.message_id,
      receivedAt: r.received_at,
      parts: toParts(r.parts),
    })),
  };
}

/** The results report of the case went out: its checks and itself carry `result_sent_at`. */
export async function markCaseResultSent(db: Knex, caseId: string): Promise<void> {
  await db('quotes_cases')
    .where({ id: caseId })
    .update({ result_sent_at: db.fn.now(), updated_at: db.fn.now() });
  await db('quote_checks')
    .where({ case_id: caseId })
    .whereNotNull('finished_at')
    .update({ result_sent_at: db.fn.now(), updated_at: db.fn.now() });
}

/** The results report of a check outside any case went out. */
export async function markCheckResultSent(db: Knex, checkId: string): Promise<void> {
  await db('quote_checks')
    .where({ id: checkId })
    .update({ result_sent_at: db.fn.now(), updated_at: db.fn.now() });
}
