/**
 * openDatabase against real PostgreSQL servers: embedded start, sharing, a server that stops with
 * its owner, stale pids, schema.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/database.js';
import { packageRoot } from '../../src/package-root.js';
import { isProcessAlive } from '../../src/db/embedded-postgres.js';
import { MIGRATIONS, migrateLatest, migrateRollbackAll } from '../../src/db/migrations.js';
import { createSilentLogger } from '../../src/logger.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const logger = createSilentLogger();
const ENC = { encoding: 'utf8' } as const;

const TABLES = [
  'quote_files',
  'quote_checks',
  'quotes_cases',
  'quote_check_feedbacks',
  'processing_logs',
  'inbound_emails',
  'inbound_email_chunks',
  'inbound_attachment_pieces',
  'outbound_emails',
  'lookup_cache',
  'export_logs',
];

async function tempVarDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mdso-var-'));
  await chmod(dir, 0o755);
  return dir;
}

async function connectionFile(varDir: string): Promise<{ port: number; pid: number }> {
  return JSON.parse(await readFile(join(varDir, 'postgres', 'connection.json'), 'utf8')) as {
    port: number;
    pid: number;
  };
}

async function postmasterPid(varDir: string): Promise<number> {
  const text = await readFile(join(varDir, 'postgres', 'data', 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

describe('packageRoot', () => {
  it('is the directory of package.json, whatever the cwd', () => {
    expect(packageRoot()).toBe(root.replace(/\/$/u, ''));
  });
});

describe('the embedded PostgreSQL', () => {
  let varDir: string;
  beforeAll(async () => {
    varDir = await tempVarDir();
  });
  afterAll(async () => {
    await rm(varDir, { recursive: true, force: true });
  });

  it('starts under the var dir, migrates, and is reused by a second open', async () => {
    const port = await freePort();
    const first = await openDatabase({ EMBEDDED_PG_PORT: port }, logger, { varDir });
    try {
      expect(first.migrated).toEqual(MIGRATIONS.map(([name]) => name));
      expect(await connectionFile(varDir)).toEqual({ port, pid: process.pid });
      expect(new URL(first.url).port).toBe(String(port));

      // Another process (here another open) finds connection.json and shares the server.
      const second = await openDatabase({ EMBEDDED_PG_PORT: port + 1 }, logger, { varDir });
      expect(new URL(second.url).port).toBe(String(port));
      expect(second.migrated).toEqual([]);
      await second.close();
      // Closing a borrower leaves the server running.
      const rows = await first.knex.raw('SELECT count(*)::int AS n FROM quote_checks');
      expect(rows.rows).toEqual([{ n: 0 }]);
    } finally {
      await first.close();
    }
    await expect(connectionFile(varDir)).rejects.toThrow();
  });

  it('starts again on the same cluster without initialising it twice', async () => {
    const before = await readFile(join(varDir, 'postgres', 'data', 'PG_VERSION'), 'utf8');
    const db = await openDatabase({ EMBEDDED_PG_PORT: await freePort() }, logger, { varDir });
    try {
      expect(db.migrated).toEqual([]);
      expect(await readFile(join(varDir, 'postgres', 'data', 'PG_VERSION'), 'utf8')).toBe(before);
    } finally {
      await db.close();
    }
  });

  /** A separate node process (compiled code, built by `pretest`) that starts the server. */
  async function startOwner(port: number) {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { openDatabase } from ${JSON.stringify(join(root, 'dist/src/db/database.js'))};
         import { createSilentLogger } from ${JSON.stringify(join(root, 'dist/src/logger.js'))};
         await openDatabase({ EMBEDDED_PG_PORT: ${port} }, createSilentLogger(), { varDir: ${JSON.stringify(varDir)} });
         process.stdout.write('ready\\n');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    expect(chunk.toString()).toContain('ready');
    expect((await connectionFile(varDir)).pid).toBe(child.pid);
    return child;
  }

  async function waitUntilDead(pid: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (isProcessAlive(pid) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
  }

  it('stops the server when its parent is killed with kill -9', async () => {
    const port = await freePort();
    const child = await startOwner(port);
    const postmaster = await postmasterPid(varDir);
    child.kill('SIGKILL');
    await once(child, 'exit');
    // Its own session keeps it from the terminal's signals, not from its owner's death.
    await waitUntilDead(postmaster);
    expect(isProcessAlive(postmaster)).toBe(false);
  });

  it('takes over a server left running by a parent killed with kill -9', async () => {
    const port = await freePort();
    const child = await startOwner(port);
    const orphan = await postmasterPid(varDir);
    // A server whose watchdog is gone too (an older version, a kill of its process group
    // that spared it): it outlives its parent, with postmaster.pid and connection.json.
    const watchdog = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(orphan)], ENC).trim());
    const helpers = execFileSync('ps', ['-o', 'pid=', '--ppid', String(watchdog)], ENC)
      .split('\n')
      .map(Number)
      .filter((pid) => pid > 0 && pid !== orphan);
    for (const pid of [watchdog, ...helpers]) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(isProcessAlive(orphan)).toBe(true);

    const db = await openDatabase({ EMBEDDED_PG_PORT: port }, logger, { varDir });
    try {
      expect(await connectionFile(varDir)).toEqual({ port, pid: process.pid });
      expect(isProcessAlive(orphan)).toBe(false);
      const rows = await db.knex.raw('SELECT 1 AS one');
      expect(rows.rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});

describe('the migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await db.drop();
  });

  async function tables(): Promise<string[]> {
    const result = await db.knex.raw<{ rows: { table_name: string }[] }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name NOT LIKE 'knex_%' ORDER BY table_name`,
    );
    return result.rows.map((row) => row.table_name);
  }

  it('lists every file of migrations/', async () => {
    const files = (await readdir(join(root, 'migrations')))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/u, ''))
      .sort();
    expect(MIGRATIONS.map(([name]) => name)).toEqual(files);
  });

  it('create every table, with quote_files.data stored uncompressed out of line', async () => {
    expect(await migrateLatest(db.knex)).toEqual(MIGRATIONS.map(([name]) => name));
    expect(await tables()).toEqual([...TABLES].sort());
    const storage = await db.knex.raw<{ rows: { attstorage: string }[] }>(
      `SELECT attstorage FROM pg_attribute
        WHERE attrelid = 'quote_files'::regclass AND attname = 'data'`,
    );
    expect(storage.rows).toEqual([{ attstorage: 'e' }]);
    const rawStorage = await db.knex.raw<{ rows: { attname: string; attstorage: string }[] }>(
      `SELECT attname, attstorage FROM pg_attribute
        WHERE (attrelid = 'inbound_emails'::regclass AND attname = 'raw')
           OR (attrelid = 'inbound_email_chunks'::regclass AND attname = 'data')
           OR (attrelid = 'inbound_attachment_pieces'::regclass AND attname = 'data')
        ORDER BY attname`,
    );
    expect(rawStorage.rows).toEqual([
      { attname: 'data', attstorage: 'e' },
      { attname: 'data', attstorage: 'e' },
      { attname: 'raw', attstorage: 'e' },
    ]);
    const columns = await db.knex.raw<{ rows: { column_name: string; column_default: string }[] }>(
      `SELECT column_name, column_default FROM information_schema.columns
        WHERE table_name = 'quote_checks' AND column_name IN ('stage', 'attempts', 'locked_until', 'next_attempt_at')
        ORDER BY column_name`,
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual([
      'attempts',
      'locked_until',
      'next_attempt_at',
      'stage',
    ]);
    expect(await migrateLatest(db.knex)).toEqual([]);
  });

  it('keep the upstream constraints: unique file per (hexdigest, filename), cascade from a case', async () => {
    const [file] = await db
      .knex('quote_files')
      .insert({
        filename: 'devis.pdf',
        content_type: 'application/pdf',
        hexdigest: 'ab',
        data: Buffer.from('%PDF'),
      })
      .returning('id');
    await expect(
      db.knex('quote_files').insert({
        filename: 'devis.pdf',
        content_type: 'application/pdf',
        hexdigest: 'ab',
        data: Buffer.from('%PDF'),
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const [quotesCase] = await db.knex('quotes_cases').insert({}).returning('id');
    const [check] = await db
      .knex('quote_checks')
      .insert({ file_id: file.id, case_id: quotesCase.id, profile: 'particulier' })
      .returning(['id', 'stage', 'attempts']);
    expect(check).toMatchObject({ stage: 'received', attempts: 0 });
    await db.knex('quotes_cases').where({ id: quotesCase.id }).delete();
    expect(await db.knex('quote_checks').where({ id: check.id })).toEqual([]);
  });

  it('roll back to an empty schema, then migrate again', async () => {
    expect(await migrateRollbackAll(db.knex)).toEqual(MIGRATIONS.map(([name]) => name).reverse());
    expect(await tables()).toEqual([]);
    expect(await migrateLatest(db.knex)).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toHaveLength(TABLES.length);
  });
});

describe('createTestDatabase', () => {
  it('clones the migrated template', async () => {
    const db = await createTestDatabase();
    try {
      const result = await db.knex.raw('SELECT count(*)::int AS n FROM quote_files');
      expect(result.rows).toEqual([{ n: 0 }]);
    } finally {
      await db.drop();
    }
  });
});
