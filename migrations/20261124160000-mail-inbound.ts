/**
 * What inbound mail processing needs beyond the initial schema (DESIGN.md §3): a case token for
 * the reply-to address of our mails (`devis+<token>@…`), the SMTP envelope, an arrival order (`seq`: timestamps may tie), the thread keys and the fate of each
 * part on the inbound row, the reply plan between submission and sending, the lease owner, and
 * a NOTIFY on a new inbound mail so an idle worker processes it at once.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // 10 characters of lower-case base32 (no 0/1/l/o), from the 122 random bits of a v4 UUID.
  await knex.raw(`
    CREATE OR REPLACE FUNCTION mdso_mail_token() RETURNS text AS $$
    DECLARE
      alphabet constant text := 'abcdefghijkmnpqrstuvwxyz23456789';
      bytes bytea := uuid_send(gen_random_uuid());
      token text := '';
    BEGIN
      FOR i IN 0..9 LOOP
        token := token || substr(alphabet, (get_byte(bytes, i + 6) % 32) + 1, 1);
      END LOOP;
      RETURN token;
    END $$ LANGUAGE plpgsql VOLATILE`);
  await knex.raw('ALTER TABLE quotes_cases ADD COLUMN IF NOT EXISTS mail_token text');
  await knex.raw('UPDATE quotes_cases SET mail_token = mdso_mail_token() WHERE mail_token IS NULL');
  await knex.raw('ALTER TABLE quotes_cases ALTER COLUMN mail_token SET DEFAULT mdso_mail_token()');
  await knex.raw(`
    CREATE UNIQUE INDEX IF NOT EXISTS quotes_cases_mail_token_key ON quotes_cases (mail_token)`);

  await knex.raw(`
    ALTER TABLE inbound_emails
      ADD COLUMN IF NOT EXISTS parts jsonb,
      ADD COLUMN IF NOT EXISTS replies jsonb,
      ADD COLUMN IF NOT EXISTS sender text,
      ADD COLUMN IF NOT EXISTS normalised_subject text,
      ADD COLUMN IF NOT EXISTS has_references boolean,
      ADD COLUMN IF NOT EXISTS thread_index_root text,
      ADD COLUMN IF NOT EXISTS locked_by text,
      ADD COLUMN IF NOT EXISTS envelope_from text,
      ADD COLUMN IF NOT EXISTS envelope_recipients text[],
      ADD COLUMN IF NOT EXISTS seq bigserial`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS inbound_emails_thread_index_root_idx
      ON inbound_emails (thread_index_root) WHERE thread_index_root IS NOT NULL`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS inbound_emails_sender_subject_idx
      ON inbound_emails (sender, normalised_subject, received_at) WHERE case_id IS NOT NULL`);
  // The per-sender quota counts the quote checks of an address over 24 hours.
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS quote_checks_email_created_at_idx
      ON quote_checks (lower(email), created_at) WHERE email IS NOT NULL`);

  await knex.raw(`
    CREATE OR REPLACE FUNCTION mdso_notify_inbound() RETURNS trigger AS $$
    BEGIN
      PERFORM pg_notify('mdso_work', 'inbound:' || NEW.id::text);
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await knex.raw('DROP TRIGGER IF EXISTS inbound_emails_notify_work ON inbound_emails');
  await knex.raw(`
    CREATE TRIGGER inbound_emails_notify_work
      AFTER INSERT ON inbound_emails
      FOR EACH ROW EXECUTE FUNCTION mdso_notify_inbound()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER IF EXISTS inbound_emails_notify_work ON inbound_emails');
  await knex.raw('DROP FUNCTION IF EXISTS mdso_notify_inbound()');
  await knex.raw('DROP INDEX IF EXISTS quote_checks_email_created_at_idx');
  await knex.raw('DROP INDEX IF EXISTS inbound_emails_sender_subject_idx');
  await knex.raw('DROP INDEX IF EXISTS inbound_emails_thread_index_root_idx');
  await knex.raw(`
    ALTER TABLE inbound_emails
      DROP COLUMN IF EXISTS parts,
      DROP COLUMN IF EXISTS replies,
      DROP COLUMN IF EXISTS sender,
      DROP COLUMN IF EXISTS normalised_subject,
      DROP COLUMN IF EXISTS has_references,
      DROP COLUMN IF EXISTS thread_index_root,
      DROP COLUMN IF EXISTS locked_by,
      DROP COLUMN IF EXISTS envelope_from,
      DROP COLUMN IF EXISTS envelope_recipients,
      DROP COLUMN IF EXISTS seq`);
  await knex.raw('DROP INDEX IF EXISTS quotes_cases_mail_token_key');
  await knex.raw('ALTER TABLE quotes_cases DROP COLUMN IF EXISTS mail_token');
  await knex.raw('DROP FUNCTION IF EXISTS mdso_mail_token()');
}
