/**
 * What we send (table `outbound_emails`, DESIGN.md §6, §10): a row is the claim on one mail —
 * inserted before the transport is called, its unique `dedupe_key` makes a second claim fail —
 * then marked sent, or left pending with a back-off and the payload needed to send it again.
 */
import type { Knex } from 'knex';
import { jsonb } from './quote-check-row.js';

const TABLE = 'outbound_emails';

export type OutboundStatus = 'pending' | 'sent' | 'failed';

export interface OutboundEmail<P = unknown> {
  id: string;
  template: string;
  messageId: string;
  dedupeKey: string | null;
  caseId: string | null;
  checkId: string | null;
  inboundEmailId: string | null;
  recipient: string | null;
  status: OutboundStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  payload: P | null;
  transport: string | null;
  providerId: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

interface OutboundRow {
  id: string;
  template: string;
  message_id: string;
  dedupe_key: string | null;
  case_id: string | null;
  check_id: string | null;
  inbound_email_id: string | null;
  recipient: string | null;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  payload: unknown;
  transport: string | null;
  provider_id: string | null;
  sent_at: Date | null;
  created_at: Date;
}

function toDomain<P>(row: OutboundRow): OutboundEmail<P> {
  return {
    id: row.id,
    template: row.template,
    messageId: row.message_id,
    dedupeKey: row.dedupe_key,
    caseId: row.case_id,
    checkId: row.check_id,
    inboundEmailId: row.inbound_email_id,
    recipient: row.recipient,
    status: row.status as OutboundStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    payload: (row.payload ?? null) as P | null,
    transport: row.transport,
    providerId: row.provider_id,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

export interface OutboundClaim {
  template: string;
  messageId: string;
  dedupeKey: string;
  caseId?: string | undefined;
  checkId?: string | undefined;
  inboundEmailId?: string | undefined;
  recipient: string;
  payload: unknown;
  /** The claimer holds the row until then; afterwards the retry job may take it over. */
  lockedUntil: Date;
}

/**
 * Claims a mail: inserts the pending row unless one holds the same dedupe key. Returns the new
 * row's id, or undefined when the key was already claimed (by this or another process).
 */
export async function claimOutbound(db: Knex, claim: OutboundClaim): Promise<string | undefined> {
  const rows = (await db(TABLE)
    .insert({
      template: claim.template,
      message_id: claim.messageId,
      dedupe_key: claim.dedupeKey,
      case_id: claim.caseId ?? null,
      check_id: claim.checkId ?? null,
      inbound_email_id: claim.inboundEmailId ?? null,
      recipient: claim.recipient,
      status: 'pending',
      attempts: 1,
      locked_until: claim.lockedUntil,
      payload: jsonb(claim.payload),
    })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id')) as { id: string }[];
  return rows[0]?.id;
}

export async function findOutboundByDedupeKey(
  db: Knex,
  dedupeKey: string,
): Promise<OutboundEmail | undefined> {
  const row = (await db(TABLE).where({ dedupe_key: dedupeKey }).first()) as OutboundRow | undefined;
  return row ? toDomain(row) : undefined;
}

export async function getOutbound(db: Knex, id: string): Promise<OutboundEmail | undefined> {
  const row = (await db(TABLE).where({ id }).first()) as OutboundRow | undefined;
  return row ? toDomain(row) : undefined;
}

/** The mails sent or pending for a case, oldest first. */
export async function listCaseOutbound(db: Knex, caseId: string): Promise<OutboundEmail[]> {
  const rows = (await db(TABLE)
    .where({ case_id: caseId })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])) as OutboundRow[];
  return rows.map((r) => toDomain(r));
}

/** The transport accepted the mail: the payload (personal data) is no longer needed. */
export async function markOutboundSent(
  db: Knex,
  id: string,
  sent: { transport: string; providerId?: string | undefined },
): Promise<void> {
  await db(TABLE)
    .where({ id })
    .update({
      status: 'sent',
      sent_at: db.fn.now(),
      transport: sent.transport,
      provider_id: sent.providerId ?? null,
      payload: null,
      locked_until: null,
      next_attempt_at: null,
      last_error: null,
      updated_at: db.fn.now(),
    });
}

/** The transport failed: retried at `nextAttemptAt`, or given up (`failed`) when undefined. */
export async function markOutboundFailure(
  db: Knex,
  id: string,
  failure: { transport: string; error: string; nextAttemptAt?: Date | undefined },
): Promise<void> {
  await db(TABLE)
    .where({ id })
    .update({
      status: failure.nextAttemptAt ? 'pending' : 'failed',
      transport: failure.transport,
      last_error: failure.error,
      next_attempt_at: failure.nextAttemptAt ?? null,
      locked_until: null,
      updated_at: db.fn.now(),
    });
}

/**
 * Takes up to `limit` pending mails that are due (back-off passed, no live claim), counting one
 * more attempt and holding each until `lockedUntil`; safe with several workers (SKIP LOCKED).
 */
export async function claimDueOutbound<P>(
  db: Knex,
  options: { limit: number; now: Date; lockedUntil: Date },
): Promise<OutboundEmail<P>[]> {
  const rows = (await db(TABLE)
    .whereIn('id', (q) =>
      q
        .select('id')
        .from(TABLE)
        .where('status', 'pending')
        .where((w) => w.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', options.now))
        .where((w) => w.whereNull('locked_until').orWhere('locked_until', '<', options.now))
        .orderBy('created_at')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .update({
      attempts: db.raw('attempts + 1'),
      locked_until: options.lockedUntil,
      updated_at: db.fn.now(),
    })
    .returning('*')) as OutboundRow[];
  return rows.map((r) => toDomain<P>(r));
}
