/**
 * Attachments of an inbound mail being processed (DESIGN.md §3), streamed to PostgreSQL in
 * ~1 MiB pieces as the parser decodes them, so that a 40 MiB attachment is never held whole:
 * the quote file is then built by the server from its pieces (`string_agg`) and the pieces
 * deleted in the transaction that stores the quotes. `attempt` is the processing attempt that
 * wrote them: an attempt never touches the pieces of another (a lease lost midway), and the
 * pieces of a failed attempt are dropped by the next one or by retention.
 * Attachments are compressed data already: STORAGE EXTERNAL spares a vain compression attempt.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS inbound_attachment_pieces (
      inbound_email_id uuid NOT NULL REFERENCES inbound_emails (id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      part_index integer NOT NULL,
      seq integer NOT NULL,
      data bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (inbound_email_id, attempt, part_index, seq)
    )`);
  await knex.raw('ALTER TABLE inbound_attachment_pieces ALTER COLUMN data SET STORAGE EXTERNAL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS inbound_attachment_pieces');
}
