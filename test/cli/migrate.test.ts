/** `mdso migrate` as a user runs it: a real process on the compiled code, a real database. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function mdso(args: string[], databaseUrl: string) {
  const run = spawnSync(process.execPath, ['bin/mdso.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('mdso migrate', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('applies the pending migrations and names them, then says the schema is up to date', async () => {
    const first = mdso(['migrate'], db.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('migration');
    expect(first.stdout).toContain('appliquée');
    for (const [name] of MIGRATIONS) expect(first.stdout).toContain(name);
    expect(first.stdout).not.toContain(new URL(db.url).password);
    const tables = await db.knex.raw('SELECT count(*)::int AS n FROM quote_checks');
    expect(tables.rows).toEqual([{ n: 0 }]);

    const second = mdso(['migrate'], db.url);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('aucune migration à appliquer');
  });

  it('exits with 2 when given an argument', () => {
    expect(mdso(['migrate', 'extra'], db.url).code).toBe(2);
  });
});
