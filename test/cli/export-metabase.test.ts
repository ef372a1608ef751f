/**
 * `mdso export-metabase` as an operator runs it (issue 11): a real process on the compiled code,
 * two real databases. Disabled, it says so and exits 0; enabled, it exports and prints the rows
 * of each table; with the analytics database out of reach, one French line and exit 1, the
 * failure recorded in export_logs. Needs the build (`npm test` builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listExportLogs } from '../../src/db/export-logs-repo.js';
import { seedSource } from '../export/metabase-fixtures.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let source: TestDatabase;
let target: TestDatabase;

function mdso(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/mdso.js', 'export-metabase'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: source.url, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase({ empty: true });
  await seedSource(source.knex);
});

afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

describe('mdso export-metabase', () => {
  it('does nothing, and says so, when the export is not enabled', async () => {
    const run = await mdso({ ENABLE_METABASE_EXPORT: 'false', METABASE_DATA_DB_URL: target.url });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Export Metabase désactivé');
    expect(await listExportLogs(source.knex)).toEqual([]);
  });

  it('exports and prints the rows of each table', async () => {
    const run = await mdso({ ENABLE_METABASE_EXPORT: 'true', METABASE_DATA_DB_URL: target.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Export Metabase terminé en [\d,]+ s/u);
    expect(run.stdout).toMatch(/quote_checks +3 lignes/u);
    expect(run.stdout).toMatch(/processing_logs +4 lignes/u);
    expect((await listExportLogs(source.knex, 1))[0]).toMatchObject({
      status: 'success',
      trigger: 'manual',
    });
  }, 30_000);

  it('says in one French line that the analytics database is out of reach, and exits 1', async () => {
    const port = await freePort();
    const run = await mdso({
      ENABLE_METABASE_EXPORT: 'true',
      METABASE_DATA_DB_URL: `postgres://analytics:secret@127.0.0.1:${port}/analytics`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Export Metabase en échec (connexion aux bases de données) : base de données injoignable. L’export précédent reste en place.\n',
    );
    expect((await listExportLogs(source.knex, 1))[0]).toMatchObject({ status: 'error' });
  }, 30_000);

  it('refuses to start when enabled without a target database (exit 2)', async () => {
    const run = await mdso({ ENABLE_METABASE_EXPORT: 'true', METABASE_DATA_DB_URL: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('METABASE_DATA_DB_URL');
  });
});
