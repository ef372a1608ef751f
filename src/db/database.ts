/**
 * Opens the database (DESIGN.md §2, §10): `DATABASE_URL` when set, else the embedded PostgreSQL
 * under `<package root>/var/postgres` (shared with other processes through connection.json),
 * then applies the pending migrations.
 */
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Logger } from '../logger.js';
import { packageRoot } from '../package-root.js';
import { EMBEDDED_DATABASE, ensureDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateLatest } from './migrations.js';

export interface Database {
  knex: Knex;
  url: string;
  /** The migrations this open applied (empty when the schema was up to date or not migrated). */
  migrated: string[];
  /** Closes the pool; stops the embedded server only if this process started it. */
  close(): Promise<void>;
}

/** The settings openDatabase reads (a subset of Config). */
export interface DatabaseConfig {
  DATABASE_URL?: string | undefined;
  EMBEDDED_PG_PORT: number;
}

export interface OpenDatabaseOptions {
  /** Where `postgres/` lives; `<package root>/var` by default (tests pass a temporary one). */
  varDir?: string;
  /** Apply pending migrations (default true; `mdso migrate` does it itself to report them). */
  migrate?: boolean;
}

/** knex prints some failures to the console; they also reject the query, where we log them. */
const QUIET = (): void => undefined;

export function createKnex(url: string): Knex {
  return knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 10 },
    log: { warn: QUIET, error: QUIET, deprecate: QUIET, debug: QUIET },
  });
}

/** The URL with its password hidden, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[url invalide]';
  }
}

export async function openDatabase(
  config: DatabaseConfig,
  logger: Logger,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  let url = config.DATABASE_URL;
  let stopServer = (): Promise<void> => Promise.resolve();
  if (!url) {
    const server = await startEmbeddedPostgres({
      dir: join(options.varDir ?? join(packageRoot(), 'var'), 'postgres'),
      port: config.EMBEDDED_PG_PORT,
      logger,
    });
    stopServer = () => server.stop();
    try {
      await ensureDatabase(server.port, EMBEDDED_DATABASE);
    } catch (err) {
      await stopServer();
      throw err;
    }
    url = server.url(EMBEDDED_DATABASE);
  }

  const knex = createKnex(url);
  const close = async () => {
    await knex.destroy();
    await stopServer();
  };
  let migrated: string[] = [];
  if (options.migrate ?? true) {
    try {
      migrated = await migrateLatest(knex);
    } catch (err) {
      await close();
      throw err;
    }
    if (migrated.length > 0) logger.info({ migrations: migrated }, 'Migrations appliquées');
  }
  return { knex, url, migrated, close };
}
