/**
 * Accept and persist (DESIGN.md §3): an inbound mail is committed to `inbound_emails` before the
 * SMTP listener answers 250 or the webhook 200; everything else is a job
 * (`process-inbound-email.ts`). Idempotent: a raw mail on (Message-ID, checksum without the
 * relays' trace headers), a webhook item on Brevo's `Uuid`. A redelivery creates nothing and
 * sends nothing. The same mail through two channels (same Message-ID, same attachments) is
 * found by processing, which hashes the attachments and marks the later copy `duplicate`.
 *
 * A raw mail is not parsed here: only its root header block is read (Message-ID) and its bytes
 * hashed as they go to the database in ~1 MiB chunks, so ingest costs about one pass over the
 * bytes and never holds a mail of tens of MB whole.
 */
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { insertWebhookInbound } from '../db/inbound-emails-repo.js';
import { insertRawInbound } from '../db/inbound-raw-repo.js';
import type { BrevoInboundItem } from './brevo-payload.js';
import type { ParsedEmail } from './parsed-email.js';
import { RawChecksum } from './raw-checksum.js';
import { storableText } from '../db/storable-text.js';

/** Size of the pieces a raw mail is stored in (one row each). */
const STORED_CHUNK_BYTES = 1024 * 1024;

export interface SmtpEnvelope {
  /** MAIL FROM; '' for a null reverse-path (a bounce). */
  mailFrom?: string;
  rcptTo: string[];
}

export interface IngestRawInput {
  channel: 'smtp' | 'cli';
  raw: Readable | Buffer;
  envelope?: SmtpEnvelope;
  /** Over this many bytes the rest is drained, nothing is stored and `tooLarge` is thrown. */
  maxBytes?: number;
  /** What to throw when the mail is over `maxBytes`. */
  tooLarge?: () => Error;
}

export interface IngestResult {
  id: string;
  duplicate: boolean;
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

function* bufferPieces(source: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < source.length; offset += STORED_CHUNK_BYTES) {
    yield source.subarray(offset, offset + STORED_CHUNK_BYTES);
  }
}

/**
 * The source regrouped in pieces of about 1 MiB, each hashed on its way. Over `maxBytes`, the
 * rest is read and dropped (the sender must finish its DATA) and the generator throws.
 */
async function* storedChunks(
  source: AsyncIterable<unknown> | Iterable<Buffer>,
  checksum: RawChecksum,
  input: IngestRawInput,
): AsyncGenerator<Buffer, void, undefined> {
  const maxBytes = input.maxBytes ?? Infinity;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  for await (const data of source) {
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array);
    size += chunk.length;
    if (size > maxBytes) continue;
    checksum.update(chunk);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= STORED_CHUNK_BYTES) {
      yield pending.length === 1 ? chunk : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
    }
  }
  if (size > maxBytes) throw input.tooLarge?.() ?? new Error('inbound mail over size');
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
  checksum.end();
}

export async function ingestRawEmail(
  db: Knex,
  input: IngestRawInput,
): Promise<IngestResult & { size: number }> {
  const checksum = new RawChecksum();
  const { raw } = input;
  // Not destroyed when storing fails midway: the SMTP sender must still finish its DATA.
  const source = Buffer.isBuffer(raw)
    ? bufferPieces(raw)
    : raw.iterator({ destroyOnReturn: false });
  try {
    return await insertRawInbound(db, {
      channel: input.channel,
      chunks: storedChunks(source as AsyncIterable<unknown>, checksum, input),
      keys: () => ({ messageId: checksum.messageId(), checksum: checksum.checksum() }),
      ...(input.envelope?.mailFrom !== undefined
        ? { envelopeFrom: storableText(input.envelope.mailFrom) }
        : {}),
      ...(input.envelope ? { envelopeRecipients: input.envelope.rcptTo.map(storableText) } : {}),
    });
  } catch (err) {
    if (raw instanceof Readable && !raw.readableEnded) raw.resume();
    throw err;
  }
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
