/**
 * Attachments of an inbound mail being processed (table `inbound_attachment_pieces`): written in
 * ~1 MiB pieces while the raw mail is parsed, read back by the server only (a quote file is built
 * from them with `string_agg`, see `saveQuoteFileFromPieces`), deleted once the quotes are stored.
 * Each processing attempt owns its pieces (`attempt`): one never deletes those of another.
 */
import type { Knex } from 'knex';

const TABLE = 'inbound_attachment_pieces';

/** Whose pieces: one processing attempt of one inbound mail. */
export interface PiecesOwner {
  inboundEmailId: string;
  attempt: number;
}

export async function insertAttachmentPiece(
  db: Knex,
  owner: PiecesOwner,
  piece: { partIndex: number; seq: number; data: Buffer },
): Promise<void> {
  await db(TABLE).insert({
    inbound_email_id: owner.inboundEmailId,
    attempt: owner.attempt,
    part_index: piece.partIndex,
    seq: piece.seq,
    data: piece.data,
  });
}

/** Deletes the pieces of this attempt (of one part when `partIndex` is given). */
export async function deleteAttachmentPieces(
  db: Knex,
  owner: PiecesOwner,
  partIndex?: number,
): Promise<number> {
  const query = db(TABLE).where({ inbound_email_id: owner.inboundEmailId, attempt: owner.attempt });
  if (partIndex !== undefined) query.where({ part_index: partIndex });
  return query.delete();
}

/** Deletes what earlier attempts left behind (a crash, a lease lost midway). */
export async function deleteEarlierAttachmentPieces(db: Knex, owner: PiecesOwner): Promise<number> {
  return db(TABLE)
    .where({ inbound_email_id: owner.inboundEmailId })
    .where('attempt', '<', owner.attempt)
    .delete();
}

/** Pieces left of an inbound mail (tests, operators). */
export async function countAttachmentPieces(db: Knex, inboundEmailId: string): Promise<number> {
  const row = (await db(TABLE)
    .where({ inbound_email_id: inboundEmailId })
    .first(db.raw('count(*)::int AS n'))) as { n: number } | undefined;
  return row?.n ?? 0;
}

/**
 * Retention: pieces of mails no longer waiting for processing (their quotes are stored or they
 * were given up) and pieces older than `olderThanHours` (no attempt lasts that long).
 */
export async function purgeStaleAttachmentPieces(
  db: Knex,
  olderThanHours: number,
): Promise<number> {
  return db(TABLE)
    .where('created_at', '<', db.raw(`now() - ?::interval`, [`${olderThanHours} hours`]))
    .orWhereIn('inbound_email_id', db('inbound_emails').select('id').whereNot('status', 'received'))
    .delete();
}
