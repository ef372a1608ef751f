/**
 * The knex migrations, listed in code rather than found on disk: the same list works from the
 * compiled `dist/` (node), from the TypeScript sources (jest) and from any working directory.
 * Add each new `migrations/<timestamp>-<kebab-name>.ts` here (a test checks the list is complete).
 */
import type { Knex } from 'knex';
import * as initialSchema from '../../migrations/20261124120000-initial-schema.js';
import * as runnerStepOutputs from '../../migrations/20261124150000-runner-step-outputs.js';
import * as mailInbound from '../../migrations/20261124160000-mail-inbound.js';
import * as mailOutbound from '../../migrations/20261124160100-mail-outbound.js';
import * as inboundRawStorage from '../../migrations/20261124170000-inbound-raw-storage.js';
import * as attachmentPieces from '../../migrations/20261124180000-attachment-pieces.js';
import * as validationToVerify from '../../migrations/20261207130000-validation-to-verify.js';
import * as exportLogsPerRun from '../../migrations/20261208090000-export-logs-per-run.js';
import * as resultTokens from '../../migrations/20261215090000-result-tokens.js';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261124120000-initial-schema', initialSchema],
  ['20261124150000-runner-step-outputs', runnerStepOutputs],
  ['20261124160000-mail-inbound', mailInbound],
  ['20261124160100-mail-outbound', mailOutbound],
  ['20261124170000-inbound-raw-storage', inboundRawStorage],
  ['20261124180000-attachment-pieces', attachmentPieces],
  ['20261207130000-validation-to-verify', validationToVerify],
  ['20261208090000-export-logs-per-run', exportLogsPerRun],
  ['20261215090000-result-tokens', resultTokens],
];

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(MIGRATIONS.map(([name]) => name)),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const found = MIGRATIONS.find(([candidate]) => candidate === name);
    if (!found) throw new Error(`Migration inconnue : ${name}`);
    return Promise.resolve(found[1]);
  },
};

export const MIGRATION_CONFIG: Knex.MigratorConfig = {
  migrationSource,
  tableName: 'knex_migrations',
};

/** Applies the pending migrations; returns the names that ran (empty when up to date). */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, names] = (await knex.migrate.latest(MIGRATION_CONFIG)) as [number, string[]];
  return names;
}

/** Rolls back every migration (tests, and an operator starting over). */
export async function migrateRollbackAll(knex: Knex): Promise<string[]> {
  const [, names] = (await knex.migrate.rollback(MIGRATION_CONFIG, true)) as [number, string[]];
  return names;
}
