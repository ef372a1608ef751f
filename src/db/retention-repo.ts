/** Retention (DESIGN.md §2): raw mails are deleted after 30 days; extracted data stays. */
import type { Knex } from 'knex';

export async function purgeRawEmails(db: Knex, olderThanDays: number): Promise<number> {
  return db('inbound_emails')
    .where('received_at', '<', db.raw(`now() - ?::interval`, [`${olderThanDays} days`]))
    .where((q) => q.whereNotNull('raw').orWhereNotNull('webhook'))
    .update({ raw: null, webhook: null, raw_deleted_at: db.fn.now(), updated_at: db.fn.now() });
}
