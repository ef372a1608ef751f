/**
 * The unguessable token of a result page (DESIGN.md §7): every quote check and every case gets
 * a random base64url token of 256 bits (two random UUIDs, 244 random bits), never its id, in
 * the link the mails carry. The column default fills it for every new row, whichever code
 * inserts it; existing rows are backfilled here. Unique: the page is found by it.
 */
import type { Knex } from 'knex';

/** 43 base64url characters from 32 bytes of gen_random_uuid() (core PostgreSQL ≥ 13). */
export const RESULT_TOKEN_SQL = `rtrim(translate(encode(
  uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '=')`;

const TABLES = ['quote_checks', 'quotes_cases'] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS result_token text`);
    await knex.raw(
      `ALTER TABLE ${table} ALTER COLUMN result_token SET DEFAULT ${RESULT_TOKEN_SQL}`,
    );
    await knex.raw(
      `UPDATE ${table} SET result_token = ${RESULT_TOKEN_SQL} WHERE result_token IS NULL`,
    );
    await knex.raw(`ALTER TABLE ${table} ALTER COLUMN result_token SET NOT NULL`);
    await knex.raw(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_result_token_key ON ${table} (result_token)`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.raw(`DROP INDEX IF EXISTS ${table}_result_token_key`);
    await knex.raw(`ALTER TABLE ${table} DROP COLUMN IF EXISTS result_token`);
  }
}
