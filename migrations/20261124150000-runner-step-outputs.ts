/**
 * What the pipeline runner needs beyond the initial schema (DESIGN.md §4): the lease owner,
 * the outputs of the steps that have no upstream column (reading outcome, enrichment, problems
 * of steps that gave up, provenance), and a NOTIFY on new work so idle workers wake at once.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE quote_checks
      ADD COLUMN IF NOT EXISTS locked_by text,
      ADD COLUMN IF NOT EXISTS reading jsonb,
      ADD COLUMN IF NOT EXISTS document jsonb,
      ADD COLUMN IF NOT EXISTS enrichment jsonb,
      ADD COLUMN IF NOT EXISTS enrichment_version text,
      ADD COLUMN IF NOT EXISTS read_provenance jsonb,
      ADD COLUMN IF NOT EXISTS step_problems jsonb,
      ADD COLUMN IF NOT EXISTS last_error jsonb`);
  // An empty attachment is still a QuoteCheck (it gets empty_file_error), so it must be stored.
  await knex.raw('ALTER TABLE quote_files DROP CONSTRAINT IF EXISTS quote_files_data_check');
  // A case is validated once all its checks are final; `finished_at` is reset when a check joins.
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS quotes_cases_unfinished_idx
      ON quotes_cases (created_at) WHERE finished_at IS NULL`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS processing_logs_tags_idx ON processing_logs USING gin (tags)`);
  await knex.raw(`
    CREATE OR REPLACE FUNCTION mdso_notify_work() RETURNS trigger AS $$
    BEGIN
      PERFORM pg_notify('mdso_work', NEW.id::text);
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await knex.raw('DROP TRIGGER IF EXISTS quote_checks_notify_work ON quote_checks');
  await knex.raw(`
    CREATE TRIGGER quote_checks_notify_work
      AFTER INSERT OR UPDATE OF stage ON quote_checks
      FOR EACH ROW WHEN (NEW.stage = 'received')
      EXECUTE FUNCTION mdso_notify_work()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE quote_files ADD CONSTRAINT quote_files_data_check CHECK (octet_length(data) > 0) NOT VALID`);
  await knex.raw('DROP TRIGGER IF EXISTS quote_checks_notify_work ON quote_checks');
  await knex.raw('DROP FUNCTION IF EXISTS mdso_notify_work()');
  await knex.raw('DROP INDEX IF EXISTS processing_logs_tags_idx');
  await knex.raw('DROP INDEX IF EXISTS quotes_cases_unfinished_idx');
  await knex.raw(`
    ALTER TABLE quote_checks
      DROP COLUMN IF EXISTS locked_by,
      DROP COLUMN IF EXISTS reading,
      DROP COLUMN IF EXISTS document,
      DROP COLUMN IF EXISTS enrichment,
      DROP COLUMN IF EXISTS enrichment_version,
      DROP COLUMN IF EXISTS read_provenance,
      DROP COLUMN IF EXISTS step_problems,
      DROP COLUMN IF EXISTS last_error`);
}
