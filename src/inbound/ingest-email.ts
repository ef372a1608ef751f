/**
 * Accept and persist (DESIGN.md §3): an inbound mail is committed to `inbound_emails` before the
 * SMTP listener answers 250 or the webhook 200; everything else is a job
 * (`process-inbound-email.ts`). Idempotent: a raw mail on (Message-ID, checksum without the
 * relays' trace headers), a webhook item on Brevo's `Uuid`, and across channels on (Message-ID,
 * attachment hashes). A redelivery creates nothing and sends nothing.
 */
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { insertRawInbound, insertWebhookInbound } from '../db/inbound-emails-repo.js';
import type { BrevoInboundItem } from './brevo-payload.js';
import { parseEmail } from './parse-email.js';
import type { ParsedEmail } from './parsed-email.js';

export interface SmtpEnvelope {
  /** MAIL FROM; '' for a null reverse-path (a bounce). */
  mailFrom?: string;
  rcptTo: string[];
}

export interface IngestRawInput {
  channel: 'smtp' | 'cli';
  raw: Readable | Buffer;
  envelope?: SmtpEnvelope;
}

export interface IngestResult {
  id: string;
  duplicate: boolean;
}

/** Reads a stream into one Buffer (chunks kept as they come, one copy at the end). */
export async function readAll(source: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source;
  const chunks: Buffer[] = [];
  for await (const chunk of source) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
}

/** A mail without Message-ID gets a deterministic one, so it still deduplicates. */
export function messageIdOrSynthetic(parsed: Pick<ParsedEmail, 'messageId'>, checksum: string) {
  return parsed.messageId ?? `<${checksum}@mdso.invalid>`;
}

/** SHA-256 of the attachments of the mail itself (not of the forwarded ones), sorted. */
export function topLevelHashes(parsed: ParsedEmail): string[] {
  return [
    ...new Set(parsed.parts.filter((p) => p.location === 'top-level').map((p) => p.sha256)),
  ].sort();
}

export async function ingestRawEmail(db: Knex, input: IngestRawInput): Promise<IngestResult> {
  const raw = await readAll(input.raw);
  // Keys only: attachment contents are hashed while they stream, never kept.
  const parsed = await parseEmail(raw, { maxAttachmentBytes: 0 });
  return insertRawInbound(db, {
    channel: input.channel,
    messageId: messageIdOrSynthetic(parsed, parsed.idempotencyChecksum),
    checksum: parsed.idempotencyChecksum,
    attachmentHashes: topLevelHashes(parsed),
    raw,
    ...(input.envelope?.mailFrom !== undefined ? { envelopeFrom: input.envelope.mailFrom } : {}),
    ...(input.envelope ? { envelopeRecipients: input.envelope.rcptTo } : {}),
  });
}

/**
 * Stores one webhook item: `item` as parsed (its keys), `raw` the item exactly as Brevo sent it
 * (processing reads it again, attachments are downloaded then).
 */
export async function ingestWebhookItem(
  db: Knex,
  input: { item: BrevoInboundItem; raw: unknown },
): Promise<IngestResult> {
  return insertWebhookInbound(db, {
    providerUuid: input.item.uuid,
    ...(input.item.messageId ? { messageId: input.item.messageId } : {}),
    webhook: input.raw,
  });
}
