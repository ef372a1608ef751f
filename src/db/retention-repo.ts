/** Retention (DESIGN.md §2): raw mails are deleted after 30 days; extracted data stays. */
import type { Knex } from 'knex';
import { purgeStaleAttachmentPieces } from './inbound-pieces-repo.js';

/** No processing attempt lasts this long: its attachment pieces are leftovers. */
const ATTACHMENT_PIECES_HOURS = 24;

/**
 * Forgets the raw mails (chunks, `raw`) and webhook items received before the cutoff, and the
 * attachment pieces that processing left behind (a crash between two attempts).
 */
export async function purgeRawEmails(db: Knex, olderThanDays: number): Promise<number> {
  return db.transaction(async (trx) => {
    await purgeStaleAttachmentPieces(trx, ATTACHMENT_PIECES_HOURS);
    const old = trx('inbound_emails')
      .select('id')
      .where('received_at', '<', trx.raw(`now() - ?::interval`, [`${olderThanDays} days`]))
      .where((q) => q.whereNotNull('raw').orWhereNotNull('raw_size').orWhereNotNull('webhook'));
    await trx('inbound_email_chunks').whereIn('inbound_email_id', old.clone()).delete();
    const purged: number = await trx('inbound_emails').whereIn('id', old).update({
      raw: null,
      raw_size: null,
      webhook: null,
      raw_deleted_at: trx.fn.now(),
      updated_at: trx.fn.now(),
    });
    return purged;
  });
}
