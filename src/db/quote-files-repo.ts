/**
 * Uploaded files (table `quote_files`): bytes in `bytea`, one row per (content hash, file name),
 * so the same attachment sent twice is stored once (spec/domain.md §3.1).
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { storableText } from './storable-text.js';

export interface NewQuoteFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A big file goes to PostgreSQL in 1 MiB pieces joined by the server (`string_agg`), so the
 * driver never builds a query buffer the size of the file (processing a mail with a 40 MiB
 * attachment peaked 35 MB lower: 282 MB instead of 317 MB, `npm run bench -- mail`).
 */
const PIECE_BYTES = 1024 * 1024;

async function insertInPieces(
  trx: Knex.Transaction,
  file: NewQuoteFile,
  hexdigest: string,
): Promise<{ id: string }[]> {
  await trx.raw(
    'CREATE TEMP TABLE IF NOT EXISTS quote_file_pieces (seq integer, data bytea) ON COMMIT DROP',
  );
  await trx.raw('DELETE FROM quote_file_pieces');
  const bytes = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
  for (let offset = 0, seq = 0; offset < bytes.length; offset += PIECE_BYTES, seq += 1) {
    await trx.raw('INSERT INTO quote_file_pieces (seq, data) VALUES (?, ?)', [
      seq,
      bytes.subarray(offset, offset + PIECE_BYTES),
    ]);
  }
  const result = (await trx.raw(
    `INSERT INTO quote_files (filename, content_type, hexdigest, data)
       SELECT ?, ?, ?, string_agg(data, ''::bytea ORDER BY seq) FROM quote_file_pieces
     ON CONFLICT (hexdigest, filename) DO NOTHING
     RETURNING id`,
    [file.filename, file.contentType, hexdigest],
  )) as { rows: { id: string }[] };
  await trx.raw('DELETE FROM quote_file_pieces');
  return result.rows;
}

/**
 * Stores the file, or returns the row already holding the same bytes under the same name (a
 * name from outside may hold a NUL character, which PostgreSQL text cannot: it is dropped).
 */
export async function saveQuoteFile(db: Knex, given: NewQuoteFile): Promise<string> {
  const file = { ...given, filename: storableText(given.filename) };
  const hexdigest = sha256Hex(file.data);
  const inserted =
    file.data.byteLength > PIECE_BYTES
      ? db.isTransaction
        ? await insertInPieces(db as Knex.Transaction, file, hexdigest)
        : await db.transaction((trx) => insertInPieces(trx, file, hexdigest))
      : ((await db('quote_files')
          .insert({
            filename: file.filename,
            content_type: file.contentType,
            hexdigest,
            data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
          })
          .onConflict(['hexdigest', 'filename'])
          .ignore()
          .returning('id')) as { id: string }[]);
  return idOfSaved(db, inserted, hexdigest, file.filename);
}

/** The row just inserted, or the one that holds the same bytes under the same name. */
async function idOfSaved(
  db: Knex,
  inserted: readonly { id: string }[],
  hexdigest: string,
  filename: string,
): Promise<string> {
  if (inserted[0]) return inserted[0].id;
  const existing = (await db('quote_files').where({ hexdigest, filename }).first('id')) as
    { id: string } | undefined;
  if (!existing) throw new Error('quote_files: conflicting row vanished or pieces incomplete');
  return existing.id;
}

/** A file whose bytes are already in the database, as pieces (`inbound_attachment_pieces`). */
export interface QuoteFileFromPieces {
  filename: string;
  contentType: string;
  /** SHA-256 of the content, measured while it streamed to the pieces. */
  hexdigest: string;
  /** Bytes of the content: the pieces must add up to it (else nothing is stored). */
  size: number;
  inboundEmailId: string;
  attempt: number;
  partIndex: number;
}

/**
 * Stores the file from its pieces, joined by the server (the bytes never come back to Node), or
 * returns the row already holding the same bytes under the same name. Throws when the pieces
 * are missing or incomplete and no such row exists.
 */
export async function saveQuoteFileFromPieces(
  db: Knex,
  file: QuoteFileFromPieces,
): Promise<string> {
  const result = (await db.raw(
    `INSERT INTO quote_files (filename, content_type, hexdigest, data)
       SELECT ?, ?, ?, string_agg(data, ''::bytea ORDER BY seq)
         FROM inbound_attachment_pieces
        WHERE inbound_email_id = ? AND attempt = ? AND part_index = ?
       HAVING count(*) > 0 AND sum(octet_length(data)) = ?
     ON CONFLICT (hexdigest, filename) DO NOTHING
     RETURNING id`,
    [
      file.filename,
      file.contentType,
      file.hexdigest,
      file.inboundEmailId,
      file.attempt,
      file.partIndex,
      file.size,
    ],
  )) as { rows: { id: string }[] };
  return idOfSaved(db, result.rows, file.hexdigest, file.filename);
}

export interface StoredQuoteFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/** Bytes read per query: the driver gets bytea as hex text, twice its size, then decodes it. */
const READ_SLICE_BYTES = 1024 * 1024;

/**
 * The bytes of a stored file, read in 1 MiB slices into one buffer: in one query, a 25 MB file
 * cost the reading process about 200 MB at once (hex text, socket buffers, decoded copy).
 */
async function readInSlices(db: Knex, id: string, size: number): Promise<Buffer> {
  const data = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += READ_SLICE_BYTES) {
    const slice = (await db('quote_files')
      .where({ id })
      .first(db.raw('substring(data FROM ? FOR ?) AS chunk', [offset + 1, READ_SLICE_BYTES]))) as {
      chunk: Buffer;
    };
    slice.chunk.copy(data, offset);
  }
  return data;
}

const SIZE = 'octet_length(data)::int AS size';

/** The file as sent (name and bytes). */
export async function getQuoteFile(db: Knex, id: string): Promise<StoredQuoteFile | undefined> {
  const row = (await db('quote_files')
    .where({ id })
    .first('filename', 'content_type', db.raw(SIZE))) as
    { filename: string; content_type: string; size: number } | undefined;
  if (!row) return undefined;
  const data = await readInSlices(db, id, row.size);
  return { filename: row.filename, contentType: row.content_type, data };
}

/** The bytes alone (the virus scan). */
export async function getQuoteFileData(db: Knex, id: string): Promise<Uint8Array | undefined> {
  const row = (await db('quote_files').where({ id }).first(db.raw(SIZE))) as
    { size: number } | undefined;
  return row ? readInSlices(db, id, row.size) : undefined;
}

export async function setSecurityScan(db: Knex, id: string, good: boolean): Promise<void> {
  await db('quote_files')
    .where({ id })
    .update({ security_scan_good: good, updated_at: db.fn.now() });
}

/** File names by file id (for representations). */
export async function getFilenames(
  db: Knex,
  fileIds: readonly string[],
): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = (await db('quote_files').whereIn('id', fileIds).select('id', 'filename')) as {
    id: string;
    filename: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.filename]));
}
