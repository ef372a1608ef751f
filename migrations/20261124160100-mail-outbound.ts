/**
 * Outbound mail delivery state (DESIGN.md §6, §10): an `outbound_emails` row is the claim on a
 * mail (unique `dedupe_key`), written before the transport is called; it stays `pending` with a
 * back-off while the transport fails, keeping in `payload` what is needed to build the same
 * message again (cleared once sent). `quotes_cases.result_sent_at` records the last report sent.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE outbound_emails
      ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'sent',
      ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN IF NOT EXISTS next_attempt_at timestamptz,
      ADD COLUMN IF NOT EXISTS locked_until timestamptz,
      ADD COLUMN IF NOT EXISTS last_error text,
      ADD COLUMN IF NOT EXISTS payload jsonb,
      ADD COLUMN IF NOT EXISTS provider_id text`);
  // Rows written before this migration were sent; new rows start pending.
  await knex.raw(`ALTER TABLE outbound_emails ALTER COLUMN status SET DEFAULT 'pending'`);
  await knex.raw(`
    DO $$ BEGIN
      ALTER TABLE outbound_emails ADD CONSTRAINT outbound_emails_status_check
        CHECK (status IN ('pending', 'sent', 'failed'));
    EXCEPTION WHEN duplicate_object THEN NULL;
    END $$`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS outbound_emails_due_idx
      ON outbound_emails (next_attempt_at) WHERE status = 'pending'`);
  await knex.raw('ALTER TABLE quotes_cases ADD COLUMN IF NOT EXISTS result_sent_at timestamptz');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE quotes_cases DROP COLUMN IF EXISTS result_sent_at');
  await knex.raw('DROP INDEX IF EXISTS outbound_emails_due_idx');
  await knex.raw(`
    ALTER TABLE outbound_emails
      DROP CONSTRAINT IF EXISTS outbound_emails_status_check,
      DROP COLUMN IF EXISTS status,
      DROP COLUMN IF EXISTS attempts,
      DROP COLUMN IF EXISTS next_attempt_at,
      DROP COLUMN IF EXISTS locked_until,
      DROP COLUMN IF EXISTS last_error,
      DROP COLUMN IF EXISTS payload,
      DROP COLUMN IF EXISTS provider_id`);
}
