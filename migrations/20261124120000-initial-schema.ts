/**
 * The first schema: the upstream tables (spec/domain.md §3, upstream column names) plus our own
 * inbound/outbound mail logs, the lookup cache and the export log (DESIGN.md §10), and the runner
 * columns of quote_checks (DESIGN.md §4: stage, lease, attempts, back-off).
 */
import type { Knex } from 'knex';

const TIMESTAMPS = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** Columns shared by quote_checks and quotes_cases (e-mail channel and validation results). */
const EMAIL_AND_VALIDATION = `
  email text,
  email_domain text,
  email_to text,
  email_subject text,
  validation_errors jsonb,
  validation_error_details jsonb,
  validation_control_codes jsonb,
  validation_controls_count integer,
  validation_version text,
  validation_error_edits jsonb,
  validation_error_edited_at timestamptz`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS quote_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      filename text NOT NULL,
      content_type text NOT NULL,
      hexdigest text NOT NULL,
      data bytea NOT NULL CHECK (octet_length(data) > 0),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      force_ocr boolean NOT NULL DEFAULT false,
      ocr text,
      ocr_result jsonb,
      imagified_pages text[],
      security_scan_good boolean,${TIMESTAMPS},
      CONSTRAINT quote_files_hexdigest_filename_key UNIQUE (hexdigest, filename)
    )`);
  // PDFs and images are already compressed: store them out of line, uncompressed.
  await knex.raw('ALTER TABLE quote_files ALTER COLUMN data SET STORAGE EXTERNAL');

  await knex.raw(`
    CREATE TABLE IF NOT EXISTS quotes_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      profile text NOT NULL DEFAULT 'conseiller',
      renovation_type text NOT NULL DEFAULT 'ampleur',
      source_name text DEFAULT 'mdso',
      reference text,
      metadata jsonb,
      finished_at timestamptz,${EMAIL_AND_VALIDATION},${TIMESTAMPS}
    )`);

  await knex.raw(`
    CREATE TABLE IF NOT EXISTS quote_checks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      file_id uuid REFERENCES quote_files (id) ON DELETE RESTRICT,
      case_id uuid REFERENCES quotes_cases (id) ON DELETE CASCADE,
      parent_id uuid REFERENCES quote_checks (id) ON DELETE SET NULL,
      profile text NOT NULL,
      renovation_type text NOT NULL DEFAULT 'geste',
      source_name text DEFAULT 'mdso',
      reference text,
      metadata jsonb,
      file_text text,
      file_markdown text,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      result_sent_at timestamptz,
      application_version text,
      text text,
      anonymised_text text,
      naive_attributes jsonb,
      naive_version text,
      private_data_qa_attributes jsonb,
      private_data_qa_result jsonb,
      private_data_qa_version text,
      qa_attributes jsonb,
      qa_result jsonb,
      qa_version text,
      read_attributes jsonb,
      comment text CHECK (char_length(comment) <= 1000),
      commented_at timestamptz,
      expected_validation_errors jsonb,
      expected_rnt_input_xml text,${EMAIL_AND_VALIDATION},
      stage text NOT NULL DEFAULT 'received',
      locked_until timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,${TIMESTAMPS},
      CONSTRAINT quote_checks_validation_errors_array
        CHECK (validation_errors IS NULL OR jsonb_typeof(validation_errors) = 'array'),
      CONSTRAINT quote_checks_validation_error_details_array
        CHECK (validation_error_details IS NULL OR jsonb_typeof(validation_error_details) = 'array')
    )`);
  await knex.raw('CREATE INDEX IF NOT EXISTS quote_checks_file_id_idx ON quote_checks (file_id)');
  await knex.raw('CREATE INDEX IF NOT EXISTS quote_checks_case_id_idx ON quote_checks (case_id)');
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS quote_checks_parent_id_idx ON quote_checks (parent_id)',
  );
  // Claiming due work: unfinished stages whose back-off and lease have passed.
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS quote_checks_due_idx
      ON quote_checks (stage, next_attempt_at, locked_until) WHERE stage <> 'final'`);
  // Timeout job (oldest unfinished first) and per-sender quota.
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS quote_checks_unfinished_started_at_idx
      ON quote_checks (started_at) WHERE finished_at IS NULL`);
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS quote_checks_email_created_at_idx ON quote_checks (email, created_at)',
  );

  await knex.raw(`
    CREATE TABLE IF NOT EXISTS quote_check_feedbacks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      quote_check_id uuid NOT NULL REFERENCES quote_checks (id) ON DELETE CASCADE,
      validation_error_details_id text,
      rating integer,
      email text,
      comment text CHECK (char_length(comment) <= 1000),${TIMESTAMPS}
    )`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS quote_check_feedbacks_quote_check_id_idx
      ON quote_check_feedbacks (quote_check_id)`);

  await knex.raw(`
    CREATE TABLE IF NOT EXISTS processing_logs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      processable_type text,
      processable_id uuid,
      tags text[] DEFAULT '{}',
      input_parameters jsonb,
      output_result jsonb,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      CONSTRAINT processing_logs_finished_after_started
        CHECK (finished_at IS NULL OR finished_at >= started_at)
    )`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS processing_logs_processable_idx
      ON processing_logs (processable_type, processable_id)`);

  // One row per received mail (SMTP, `mdso ingest`) or webhook item (DESIGN.md §3).
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS inbound_emails (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      channel text NOT NULL,
      message_id text,
      checksum text,
      provider_uuid text,
      attachment_hashes text[],
      raw bytea,
      webhook jsonb,
      status text NOT NULL DEFAULT 'received',
      error_code text,
      case_id uuid REFERENCES quotes_cases (id) ON DELETE SET NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      raw_deleted_at timestamptz,
      locked_until timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,${TIMESTAMPS},
      CONSTRAINT inbound_emails_message_id_checksum_key UNIQUE (message_id, checksum),
      CONSTRAINT inbound_emails_provider_uuid_key UNIQUE (provider_uuid),
      CONSTRAINT inbound_emails_has_content
        CHECK (raw IS NOT NULL OR webhook IS NOT NULL OR raw_deleted_at IS NOT NULL)
    )`);
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS inbound_emails_message_id_idx ON inbound_emails (message_id)',
  );
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS inbound_emails_due_idx
      ON inbound_emails (status, next_attempt_at, locked_until)`);
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS inbound_emails_received_at_idx ON inbound_emails (received_at)',
  );
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS inbound_emails_case_id_idx ON inbound_emails (case_id)',
  );

  // What we sent: threading (Message-ID) and exactly-once (dedupe_key).
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS outbound_emails (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      template text NOT NULL,
      message_id text NOT NULL,
      dedupe_key text,
      case_id uuid REFERENCES quotes_cases (id) ON DELETE SET NULL,
      check_id uuid REFERENCES quote_checks (id) ON DELETE SET NULL,
      inbound_email_id uuid REFERENCES inbound_emails (id) ON DELETE SET NULL,
      recipient text,
      transport text,
      sent_at timestamptz,${TIMESTAMPS},
      CONSTRAINT outbound_emails_message_id_key UNIQUE (message_id),
      CONSTRAINT outbound_emails_dedupe_key_key UNIQUE (dedupe_key)
    )`);
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS outbound_emails_case_id_idx ON outbound_emails (case_id)',
  );
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS outbound_emails_check_id_idx ON outbound_emails (check_id)',
  );
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS outbound_emails_inbound_email_id_idx
      ON outbound_emails (inbound_email_id)`);

  // ADEME RGE and SIRENE answers, with a time-to-live.
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS lookup_cache (
      kind text NOT NULL,
      key text NOT NULL,
      value jsonb NOT NULL,
      fetched_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (kind, key)
    )`);
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS lookup_cache_expires_at_idx ON lookup_cache (expires_at)',
  );

  // Analytics export runs (spec/metabase.md §3.1, managed by a migration as its §6 asks).
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS export_logs (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      job_type text NOT NULL DEFAULT 'metabase_export',
      status text NOT NULL,
      message text,
      records_exported integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await knex.raw(
    'CREATE INDEX IF NOT EXISTS export_logs_created_at_idx ON export_logs (created_at)',
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'export_logs',
    'lookup_cache',
    'outbound_emails',
    'inbound_emails',
    'processing_logs',
    'quote_check_feedbacks',
    'quote_checks',
    'quotes_cases',
    'quote_files',
  ]) {
    await knex.raw('DROP TABLE IF EXISTS ??', [table]);
  }
}
