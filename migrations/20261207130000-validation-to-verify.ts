/**
 * The *à vérifier* list of a result (DESIGN.md §5): mentions seen on the document whose value
 * was not read. Stored beside the findings it stands apart from; NULL on older results.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE quote_checks ADD COLUMN IF NOT EXISTS validation_to_verify jsonb');
  await knex.raw('ALTER TABLE quotes_cases ADD COLUMN IF NOT EXISTS validation_to_verify jsonb');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE quote_checks DROP COLUMN IF EXISTS validation_to_verify');
  await knex.raw('ALTER TABLE quotes_cases DROP COLUMN IF EXISTS validation_to_verify');
}
