/**
 * One `export_logs` row per analytics export run (issue 11, spec/metabase.md §6.5 and §6.7):
 * the row written at the start is completed at the end with the real row count of each table,
 * the duration, the table that failed (if any) and what started the run (schedule or a person).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE export_logs
      ADD COLUMN IF NOT EXISTS trigger text,
      ADD COLUMN IF NOT EXISTS table_counts jsonb,
      ADD COLUMN IF NOT EXISTS failed_table text,
      ADD COLUMN IF NOT EXISTS duration_ms integer,
      ADD COLUMN IF NOT EXISTS finished_at timestamptz`);
  await knex.raw(`
    CREATE INDEX IF NOT EXISTS export_logs_job_type_status_created_at_idx
      ON export_logs (job_type, status, created_at)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS export_logs_job_type_status_created_at_idx');
  await knex.raw(`
    ALTER TABLE export_logs
      DROP COLUMN IF EXISTS trigger,
      DROP COLUMN IF EXISTS table_counts,
      DROP COLUMN IF EXISTS failed_table,
      DROP COLUMN IF EXISTS duration_ms,
      DROP COLUMN IF EXISTS finished_at`);
}
