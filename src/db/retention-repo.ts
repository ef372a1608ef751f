/** Retention (DESIGN.md §2): raw mails are deleted after 30 days; extracted data stays. */
import type { Knex } from 'knex';

/** Forgets the raw mails (chunks, `raw`) and webhook items received before the cutoff. */
export async function purgeRawEmails(db: Knex, olderThanDays: number): Promise<number> {
  return db.transaction(async (trx) => {
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
