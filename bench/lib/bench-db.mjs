/**
 * What the benches share: free ports, quantiles, and a PostgreSQL server for the run (the one of
 * DATABASE_URL, or an embedded one in a temporary directory) with fresh migrated databases.
 */
import { createServer } from 'node:net';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createKnex } from '../../dist/src/db/database.js';
import { startEmbeddedPostgres } from '../../dist/src/db/embedded-postgres.js';
import { migrateLatest } from '../../dist/src/db/migrations.js';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A PostgreSQL server for the run, and fresh migrated databases on it. */
export async function openBenchServer(logger, prefix = 'mdso_bench') {
  const serverUrl = process.env.DATABASE_URL?.trim();
  let dir;
  let embedded;
  let adminUrl = serverUrl;
  if (!adminUrl) {
    dir = await mkdtemp(join(tmpdir(), 'mdso-bench-pg-'));
    await chmod(dir, 0o755); // the `postgres` system user (when run as root) must reach it
    embedded = await startEmbeddedPostgres({
      dir: join(dir, 'postgres'),
      port: await freePort(),
      logger,
    });
    adminUrl = embedded.url('postgres');
  }
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const names = [];
  return {
    where: serverUrl ? 'DATABASE_URL (databases of its own)' : 'embedded PostgreSQL (temporary)',
    /** A fresh database, migrated unless `{ migrate: false }` (an empty one). */
    async database(suffix, { migrate = true } = {}) {
      const name = `${prefix}_${process.pid}_${suffix}`;
      await admin(`CREATE DATABASE "${name}"`);
      names.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      if (migrate) {
        const knex = createKnex(url.toString());
        await migrateLatest(knex);
        await knex.destroy();
      }
      return url.toString();
    },
    async close() {
      for (const name of names) {
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      }
      await embedded?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
