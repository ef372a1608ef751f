/**
 * The raw mail of an inbound row (DESIGN.md §3): written as it arrives, in ~1 MiB rows of
 * `inbound_email_chunks`, inside one transaction that ends with the inbound row and its keys
 * (Message-ID, checksum), so a mail of tens of MB is never held whole; read back the same way,
 * one chunk per query. Rows stored before the chunks keep their mail in `inbound_emails.raw`,
 * read in 1 MiB slices.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

const TABLE = 'inbound_emails';
const CHUNKS = 'inbound_email_chunks';

export interface RawInboundKeys {
  messageId: string;
  checksum: string;
}

export interface NewRawInbound {
  channel: 'smtp' | 'cli';
  /** The mail in order, in pieces of about 1 MiB (each one row). */
  chunks: AsyncIterable<Buffer>;
  /** Called once `chunks` is done; may throw to store nothing (over size, say). */
  keys(): RawInboundKeys;
  envelopeFrom?: string;
  envelopeRecipients?: string[];
}

export interface RawInsertResult {
  id: string;
  duplicate: boolean;
  size: number;
}

/** Aborts the transaction of a mail already stored; carries the stored row. */
class AlreadyStored extends Error {
  constructor(readonly id: string) {
    super('inbound_emails: already stored');
  }
}

/** The query started now, its failure kept for whoever awaits it (not unhandled meanwhile). */
function settledLater(query: PromiseLike<unknown>): Promise<unknown> {
  const running = Promise.resolve(query);
  running.catch(() => undefined);
  return running;
}

async function storedId(db: Knex, keys: RawInboundKeys): Promise<string | undefined> {
  const row = (await db(TABLE)
    .where({ message_id: keys.messageId, checksum: keys.checksum })
    .first('id')) as { id: string } | undefined;
  return row?.id;
}

/**
 * Stores a raw mail unless the same Message-ID and checksum are there (the unique index): the
 * chunks first, then the inbound row with its keys; a copy already stored rolls everything
 * back. The transaction (and its connection) starts with the first chunk; a chunk is written
 * while the next one arrives. Copies of one mail through another channel (same attachments)
 * are found by processing.
 */
export async function insertRawInbound(db: Knex, mail: NewRawInbound): Promise<RawInsertResult> {
  const id = randomUUID();
  const chunks = mail.chunks[Symbol.asyncIterator]();
  let next = await chunks.next();
  let size = 0;
  try {
    await db.transaction(async (trx) => {
      // One chunk written while the next one arrives.
      let writing: Promise<unknown> = Promise.resolve();
      for (let seq = 0; !next.done; seq += 1) {
        await writing;
        writing = settledLater(trx(CHUNKS).insert({ inbound_email_id: id, seq, data: next.value }));
        size += next.value.length;
        next = await chunks.next();
      }
      await writing;
      const keys = mail.keys();
      // A concurrent copy with the same keys waits on the unique index, then finds this one.
      const [row] = (await trx(TABLE)
        .insert({
          id,
          channel: mail.channel,
          message_id: keys.messageId,
          checksum: keys.checksum,
          raw_size: size,
          envelope_from: mail.envelopeFrom ?? null,
          envelope_recipients: mail.envelopeRecipients ?? null,
        })
        .onConflict(['message_id', 'checksum'])
        .ignore()
        .returning('id')) as { id: string }[];
      if (row) return;
      const existing = await storedId(trx, keys);
      if (!existing) throw new Error('inbound_emails: conflicting row not found');
      throw new AlreadyStored(existing);
    });
    return { id, duplicate: false, size };
  } catch (err) {
    // A failure before the end: the source is left (its reader decides what to do with it).
    if (!next.done) await chunks.return?.();
    if (err instanceof AlreadyStored) return { id: err.id, duplicate: true, size };
    throw err;
  }
}

/** Slice of a legacy `raw` column read per query. */
const RAW_READ_SLICE_BYTES = 1024 * 1024;

async function* columnSlices(db: Knex, id: string, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < size;) {
    const row = (await db(TABLE)
      .where({ id })
      .first(db.raw('substring(raw FROM ? FOR ?) AS part', [offset + 1, RAW_READ_SLICE_BYTES]))) as
      { part: Buffer | null } | undefined;
    const part = row?.part;
    if (!part || part.length === 0) throw new Error('inbound_emails: raw mail gone while read');
    offset += part.length;
    yield part;
  }
}

/**
 * The raw mail in pieces of about 1 MiB, one query each, as the consumer asks for them: a bytea
 * of tens of MB fetched as one value arrives as hex text twice its size, which the driver
 * buffers, turns into a string and decodes (a 57 MB mail peaked at about 510 MB more). Throws
 * when the raw mail disappears midway (purged).
 */
export async function* rawInboundSlices(
  db: Knex,
  id: string,
  size: number,
): AsyncGenerator<Buffer, void, undefined> {
  let offset = 0;
  for (let seq = 0; offset < size; seq += 1) {
    const row = (await db(CHUNKS).where({ inbound_email_id: id, seq }).first('data')) as
      { data: Buffer } | undefined;
    if (!row) break;
    offset += row.data.length;
    yield row.data;
  }
  if (offset === 0) yield* columnSlices(db, id, size);
  else if (offset < size) throw new Error('inbound_emails: raw mail gone while read');
}

/** Bytes of the stored raw mail (chunks or `raw`); `null` when there is none. */
export async function rawSizeOf(db: Knex, id: string): Promise<number | null> {
  const row = (await db(TABLE)
    .where({ id })
    .first(db.raw('coalesce(raw_size, octet_length(raw)) AS size'))) as
    { size: number | string | null } | undefined;
  return row?.size === null || row?.size === undefined ? null : Number(row.size);
}

/** The raw mail in one Buffer (read in pieces); `null` when there is none. */
export async function readInboundRaw(db: Knex, id: string): Promise<Buffer | null> {
  const size = await rawSizeOf(db, id);
  if (size === null) return null;
  const raw = Buffer.allocUnsafe(size);
  let offset = 0;
  for await (const part of rawInboundSlices(db, id, size)) offset += part.copy(raw, offset);
  return raw;
}
