/**
 * Inbound mails (table `inbound_emails`, DESIGN.md §3): the raw mail or the Brevo webhook item as
 * received, its idempotency keys, then its processing state — claimed under a lease like the
 * quote checks, retried with back-off, and what became of each part.
 */
import type { Knex } from 'knex';
import { readInboundRaw } from './inbound-raw-repo.js';

const TABLE = 'inbound_emails';

export type InboundChannel = 'smtp' | 'cli' | 'brevo';

/**
 * `received` → (`replying` → `processed`) | `ignored` | `duplicate` | `failed`. `replying`: the
 * quotes are stored and the reply plan saved, the mails are not all sent yet.
 */
export type InboundStatus =
  'received' | 'replying' | 'processed' | 'ignored' | 'duplicate' | 'failed';

/** What became of one attachment (the report lists the ones not checked). */
export interface InboundPartRecord {
  filename: string;
  outcome: 'quote' | 'ignored' | 'not_checked';
  /** Code: `unsupported_format`, `too_large`, `inline_image`, `download_failed`… */
  reason?: string;
  /** The French sentence shown to the sender for a part not checked. */
  reasonText?: string;
  checkId?: string;
}

interface PartJson {
  filename: string;
  outcome: InboundPartRecord['outcome'];
  reason?: string;
  reason_text?: string;
  check_id?: string;
}

function toPartJson(part: InboundPartRecord): PartJson {
  return {
    filename: part.filename,
    outcome: part.outcome,
    ...(part.reason ? { reason: part.reason } : {}),
    ...(part.reasonText ? { reason_text: part.reasonText } : {}),
    ...(part.checkId ? { check_id: part.checkId } : {}),
  };
}

function fromPartJson(json: PartJson): InboundPartRecord {
  return {
    filename: json.filename,
    outcome: json.outcome,
    ...(json.reason ? { reason: json.reason } : {}),
    ...(json.reason_text ? { reasonText: json.reason_text } : {}),
    ...(json.check_id ? { checkId: json.check_id } : {}),
  };
}

/**
 * A mail to send once the quotes are stored. The plan is saved with the quotes, so a crash
 * before the sending only delays it; `done` is set as each one goes out.
 */
export interface PlannedReply {
  kind: 'mail' | 'forward';
  /** For `mail`: the request of `sendTemplatedMail` (mail/send-mail.ts), as JSON. */
  request?: Record<string, unknown>;
  done?: boolean;
}

export interface NewWebhookInbound {
  providerUuid: string;
  messageId?: string;
  webhook: unknown;
}

export interface InsertResult {
  id: string;
  duplicate: boolean;
}

function sortedUnique(hashes: readonly string[]): string[] {
  return [...new Set(hashes)].sort();
}

/** Stores a webhook item unless its Brevo `Uuid` is already there. */
export async function insertWebhookInbound(
  db: Knex,
  item: NewWebhookInbound,
): Promise<InsertResult> {
  const [row] = (await db(TABLE)
    .insert({
      channel: 'brevo',
      provider_uuid: item.providerUuid,
      message_id: item.messageId ?? null,
      webhook: JSON.stringify(item.webhook),
    })
    .onConflict('provider_uuid')
    .ignore()
    .returning('id')) as { id: string }[];
  if (row) return { id: row.id, duplicate: false };
  const existing = (await db(TABLE).where({ provider_uuid: item.providerUuid }).first('id')) as
    { id: string } | undefined;
  if (!existing) throw new Error('inbound_emails: conflicting row not found');
  return { id: existing.id, duplicate: true };
}

export interface ClaimedInbound {
  id: string;
  channel: InboundChannel;
  status: 'received' | 'replying';
  /** Attempts including this one. */
  attempts: number;
}

export interface InboundClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  ids?: readonly string[];
}

/** Takes due inbound mails (new, or stored and not yet answered), skipping locked rows. */
export async function claimDueInbound(
  db: Knex,
  options: InboundClaimOptions,
): Promise<ClaimedInbound[]> {
  const due = db(TABLE)
    .select('id')
    .whereIn('status', ['received', 'replying'])
    .where((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', db.fn.now()))
    .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<', db.fn.now()))
    // Arrival order: a reply is processed after the mail it answers.
    .orderBy('seq')
    .limit(options.limit)
    .forUpdate()
    .skipLocked();
  if (options.ids) due.whereIn('id', options.ids);
  const rows = (await db(TABLE)
    .whereIn('id', due)
    .update({
      locked_by: options.workerId,
      locked_until: db.raw('now() + ?::interval', [`${options.leaseMs} milliseconds`]),
      attempts: db.raw('attempts + 1'),
      updated_at: db.fn.now(),
    })
    .returning(['id', 'channel', 'status', 'attempts', 'seq'])) as (ClaimedInbound & {
    seq: string;
  })[];
  // UPDATE … RETURNING does not keep the order of the subquery.
  return rows
    .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1))
    .map(({ seq: _seq, ...row }) => row);
}

export interface InboundContent {
  id: string;
  channel: InboundChannel;
  /** The key stored at ingest (raw mails), or Brevo's (webhook items). */
  messageId: string | null;
  /** Left out (`null`) when asked `withRaw: false`; see `rawSize`. */
  raw: Buffer | null;
  /** Bytes of the raw mail; `null` when there is none (webhook item, purged). */
  rawSize: number | null;
  webhook: unknown;
  envelopeFrom: string | null;
  envelopeRecipients: string[];
  caseId: string | null;
  replies: PlannedReply[];
}

/** The stored mail; `withRaw: false` leaves the raw mail out (it may weigh tens of MB). */
export async function getInboundContent(
  db: Knex,
  id: string,
  options: { withRaw?: boolean } = {},
): Promise<InboundContent | undefined> {
  const row = (await db(TABLE)
    .where({ id })
    .first(
      'id',
      'channel',
      'message_id',
      db.raw('coalesce(raw_size, octet_length(raw)) AS raw_size'),
      'webhook',
      'envelope_from',
      'envelope_recipients',
      'case_id',
      'replies',
    )) as
    | {
        id: string;
        channel: InboundChannel;
        message_id: string | null;
        raw_size: number | string | null;
        webhook: unknown;
        envelope_from: string | null;
        envelope_recipients: string[] | null;
        case_id: string | null;
        replies: PlannedReply[] | null;
      }
    | undefined;
  if (!row) return undefined;
  const rawSize = row.raw_size === null ? null : Number(row.raw_size);
  return {
    id: row.id,
    channel: row.channel,
    messageId: row.message_id,
    raw: options.withRaw === false || rawSize === null ? null : await readInboundRaw(db, id),
    rawSize,
    webhook: row.webhook,
    envelopeFrom: row.envelope_from,
    envelopeRecipients: row.envelope_recipients ?? [],
    caseId: row.case_id,
    replies: row.replies ?? [],
  };
}

/**
 * Inside the caller's transaction: serialises the processing of the copies of one mail, then
 * tells whether another copy with the same attachments was already handled.
 */
export async function findHandledTwin(
  trx: Knex.Transaction,
  mail: { id: string; messageId: string; attachmentHashes: readonly string[] },
): Promise<string | undefined> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [mail.messageId]);
  const twin = (await trx(TABLE)
    .where({ message_id: mail.messageId })
    .whereNot({ id: mail.id })
    .whereIn('status', ['replying', 'processed', 'ignored'])
    .whereRaw('attachment_hashes = ?::text[]', [sortedUnique(mail.attachmentHashes)])
    .first('id')) as { id: string } | undefined;
  return twin?.id;
}

export interface InboundFacts {
  messageId?: string;
  sender?: string;
  normalisedSubject?: string;
  hasReferences?: boolean;
  threadIndexRoot?: string;
  attachmentHashes?: string[];
}

export interface InboundOutcome extends InboundFacts {
  status: Exclude<InboundStatus, 'received'>;
  errorCode?: string | null;
  caseId?: string | null;
  parts?: InboundPartRecord[];
  replies?: PlannedReply[];
}

/** Records what processing decided; the lease is released. */
export async function recordInboundOutcome(
  db: Knex,
  id: string,
  outcome: InboundOutcome,
): Promise<void> {
  const patch: Record<string, unknown> = {
    status: outcome.status,
    locked_until: null,
    locked_by: null,
    next_attempt_at: null,
    updated_at: db.fn.now(),
  };
  if (outcome.status !== 'replying') patch.processed_at = db.fn.now();
  if (outcome.errorCode !== undefined) patch.error_code = outcome.errorCode;
  if (outcome.caseId !== undefined) patch.case_id = outcome.caseId;
  if (outcome.parts !== undefined) patch.parts = JSON.stringify(outcome.parts.map(toPartJson));
  if (outcome.replies !== undefined) patch.replies = JSON.stringify(outcome.replies);
  if (outcome.messageId !== undefined) patch.message_id = outcome.messageId;
  if (outcome.sender !== undefined) patch.sender = outcome.sender;
  if (outcome.normalisedSubject !== undefined) patch.normalised_subject = outcome.normalisedSubject;
  if (outcome.hasReferences !== undefined) patch.has_references = outcome.hasReferences;
  if (outcome.threadIndexRoot !== undefined) patch.thread_index_root = outcome.threadIndexRoot;
  if (outcome.attachmentHashes !== undefined) {
    patch.attachment_hashes = sortedUnique(outcome.attachmentHashes);
  }
  await db(TABLE).where({ id }).update(patch);
}

/** A failed attempt: the row waits `delayMs` before another worker may take it. */
export async function scheduleInboundRetry(
  db: Knex,
  id: string,
  delayMs: number,
  errorCode: string,
): Promise<void> {
  await db(TABLE)
    .where({ id })
    .update({
      locked_until: null,
      locked_by: null,
      error_code: errorCode,
      next_attempt_at: db.raw('now() + ?::interval', [`${delayMs} milliseconds`]),
      updated_at: db.fn.now(),
    });
}

export interface InboundSummary {
  id: string;
  channel: InboundChannel;
  status: InboundStatus;
  errorCode: string | null;
  caseId: string | null;
  parts: InboundPartRecord[];
  attempts: number;
}

export async function getInboundSummary(db: Knex, id: string): Promise<InboundSummary | undefined> {
  const row = (await db(TABLE)
    .where({ id })
    .first('id', 'channel', 'status', 'error_code', 'case_id', 'parts', 'attempts')) as
    | {
        id: string;
        channel: InboundChannel;
        status: InboundStatus;
        error_code: string | null;
        case_id: string | null;
        parts: PartJson[] | null;
        attempts: number;
      }
    | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    errorCode: row.error_code,
    caseId: row.case_id,
    parts: (row.parts ?? []).map(fromPartJson),
    attempts: row.attempts,
  };
}

/**
 * Inside the caller's transaction: locks the row and tells whether this worker still holds it
 * (its lease did not expire into another worker's hands) and it still waits for processing.
 */
export async function lockInboundForProcessing(
  trx: Knex.Transaction,
  id: string,
  workerId: string,
): Promise<boolean> {
  const row = (await trx(TABLE).where({ id }).forUpdate().first('status', 'locked_by')) as
    { status: InboundStatus; locked_by: string | null } | undefined;
  return row?.status === 'received' && row.locked_by === workerId;
}

/** Saves the reply plan as it progresses (`done` flags). */
export async function saveReplies(db: Knex, id: string, replies: PlannedReply[]): Promise<void> {
  await db(TABLE)
    .where({ id })
    .update({ replies: JSON.stringify(replies), updated_at: db.fn.now() });
}

/** Rows not yet final among `ids` (a CLI waiting for its own mails). */
export async function countUnfinishedInbound(db: Knex, ids: readonly string[]): Promise<number> {
  const row = (await db(TABLE)
    .whereIn('id', ids)
    .whereIn('status', ['received', 'replying'])
    .first(db.raw('count(*)::int AS n'))) as { n: number } | undefined;
  return row?.n ?? 0;
}
