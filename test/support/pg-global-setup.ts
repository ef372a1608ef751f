/**
 * Jest global setup (STYLE.md §14): one PostgreSQL per run — `DATABASE_URL` when set, else an
 * embedded server in a temporary directory (never the developer's var/) on a free port — and one
 * migrated template database. Test files clone it with `createTestDatabase()`.
 *
 * Jest loads this file through `require` (CommonJS), where its `moduleNameMapper` does not
 * apply: the `.js` → `.ts` mapping of our sources is done here, for the modules imported below.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedServer } from '../../src/db/embedded-postgres.js';

interface TestPg {
  server?: EmbeddedServer;
  dir?: string;
  adminUrl: string;
  template: string;
}

const state = globalThis as typeof globalThis & { __mdsoTestPg?: TestPg };

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

function mapJsToTs(): void {
  const mod = Module as unknown as { _resolveFilename: ResolveFilename & { mdso?: true } };
  if (mod._resolveFilename.mdso) return;
  const original = mod._resolveFilename;
  const patched: ResolveFilename & { mdso?: true } = function (this: unknown, request, ...rest) {
    try {
      return original.call(this, request, ...rest);
    } catch (err) {
      if (!/^\.{1,2}\/.*\.js$/u.test(request)) throw err;
      return original.call(this, request.replace(/\.js$/u, '.ts'), ...rest);
    }
  };
  patched.mdso = true;
  mod._resolveFilename = patched;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  mapJsToTs();
  const { startEmbeddedPostgres } = await import('../../src/db/embedded-postgres.js');
  const { createKnex } = await import('../../src/db/database.js');
  const { migrateLatest } = await import('../../src/db/migrations.js');
  const { createSilentLogger } = await import('../../src/logger.js');
  const { freePort } = await import('./free-port.js');
  const { ADMIN_URL_ENV, adminQuery, TEMPLATE_ENV, withDatabase } = await import('./pg-admin.js');

  const testPg: TestPg = { adminUrl: '', template: `mdso_test_template_${process.pid}` };
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    testPg.adminUrl = databaseUrl;
  } else {
    testPg.dir = await mkdtemp(join(tmpdir(), 'mdso-test-pg-'));
    await chmod(testPg.dir, 0o755); // the `postgres` system user (when run as root) must reach it
    testPg.server = await startEmbeddedPostgres({
      dir: join(testPg.dir, 'postgres'),
      port: await freePort(),
      logger: createSilentLogger(),
    });
    testPg.adminUrl = testPg.server.url('postgres');
  }
  state.__mdsoTestPg = testPg;

  await adminQuery(testPg.adminUrl, `DROP DATABASE IF EXISTS "${testPg.template}" WITH (FORCE)`);
  await adminQuery(testPg.adminUrl, `CREATE DATABASE "${testPg.template}"`);
  const knex = createKnex(withDatabase(testPg.adminUrl, testPg.template));
  try {
    await migrateLatest(knex);
  } finally {
    await knex.destroy();
  }
  process.env[ADMIN_URL_ENV] = testPg.adminUrl;
  process.env[TEMPLATE_ENV] = testPg.template;
  if (process.env.MDSO_TEST_PG_TIMING) {
    process.stderr.write(`\nPostgreSQL de test prêt en ${Date.now() - started} ms\n`);
  }
}

export async function globalTeardown(): Promise<void> {
  const testPg = state.__mdsoTestPg;
  if (!testPg) return;
  state.__mdsoTestPg = undefined;
  mapJsToTs();
  const { adminQuery } = await import('./pg-admin.js');
  if (testPg.server) {
    await testPg.server.stop();
  } else {
    await adminQuery(
      testPg.adminUrl,
      `DROP DATABASE IF EXISTS "${testPg.template}" WITH (FORCE)`,
    ).catch(() => undefined);
  }
  if (testPg.dir) await rm(testPg.dir, { recursive: true, force: true });
}
