/**
 * Uploaded files (table `quote_files`): bytes in `bytea`, one row per (content hash, file name),
 * so the same attachment sent twice is stored once (spec/domain.md §3.1).
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

export interface NewQuoteFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface QuoteFileMeta {
  id: string;
  filename: string;
  contentType: string;
  hexdigest: string;
  size: number;
  securityScanGood: boolean | null;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stores the file, or returns the row already holding the same bytes under the same name. */
export async function saveQuoteFile(db: Knex, file: NewQuoteFile): Promise<string> {
  const hexdigest = sha256Hex(file.data);
  const inserted = (await db('quote_files')
    .insert({
      filename: file.filename,
      content_type: file.contentType,
      hexdigest,
      data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
    })
    .onConflict(['hexdigest', 'filename'])
    .ignore()
    .returning('id')) as { id: string }[];
  if (inserted[0]) return inserted[0].id;
  const existing = (await db('quote_files')
    .where({ hexdigest, filename: file.filename })
    .first('id')) as { id: string } | undefined;
  if (!existing) throw new Error('quote_files: conflicting row vanished');
  return existing.id;
}

export async function getQuoteFileMeta(db: Knex, id: string): Promise<QuoteFileMeta | undefined> {
  const row = (await db('quote_files')
    .where({ id })
    .first(
      'id',
      'filename',
      'content_type',
      'hexdigest',
      'security_scan_good',
      db.raw('octet_length(data) AS size'),
    )) as
    | {
        id: string;
        filename: string;
        content_type: string;
        hexdigest: string;
        security_scan_good: boolean | null;
        size: number | string;
      }
    | undefined;
  return row
    ? {
        id: row.id,
        filename: row.filename,
        contentType: row.content_type,
        hexdigest: row.hexdigest,
        size: Number(row.size),
        securityScanGood: row.security_scan_good,
      }
    : undefined;
}

export async function getQuoteFileData(db: Knex, id: string): Promise<Uint8Array | undefined> {
  const row = (await db('quote_files').where({ id }).first('data')) as { data: Buffer } | undefined;
  return row?.data;
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
