/**
 * When the analytics export fails or meets another run (issue 11): a failure mid-load (the
 * target's connection cut between two tables) or at publication leaves the previous export
 * published and readable, is logged at error level with the table and the cause, and is one
 * `export_logs` row `error`; two concurrent runs export once; a scheduled run already done
 * today does nothing; a run left `started` by a dead process is closed as interrupted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listExportLogs } from '../../src/db/export-logs-repo.js';
import {
  exportMetabase,
  MetabaseExportError,
  type MetabaseExportDeps,
  type MetabaseExportOutcome,
} from '../../src/export/export-metabase.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { capturingLogger, publishedCounts, SCHEMA } from './analytics-scan.js';
import { seedSource } from './metabase-fixtures.js';

let source: TestDatabase;
let target: TestDatabase;
let previous: Record<string, number>;

function deps(overrides: Partial<MetabaseExportDeps> = {}): MetabaseExportDeps {
  return {
    db: source.knex,
    sourceUrl: source.url,
    targetUrl: target.url,
    logger: capturingLogger().logger,
    ...overrides,
  };
}

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase({ empty: true });
  await seedSource(source.knex);
  await exportMetabase(deps(), { trigger: 'manual' });
  previous = await publishedCounts(target.knex);
  // the next export would differ from the published one
  await seedSource(source.knex);
});

afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

async function schemas(): Promise<string[]> {
  const { rows } = (await target.knex.raw(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mdso_analytics%' ORDER BY 1",
  )) as { rows: { nspname: string }[] };
  return rows.map((r) => r.nspname);
}

async function failedRun(overrides: Partial<MetabaseExportDeps>): Promise<MetabaseExportError> {
  try {
    await exportMetabase(deps(overrides), { trigger: 'schedule' });
  } catch (err) {
    if (err instanceof MetabaseExportError) return err;
    throw err;
  }
  throw new Error('the export did not fail');
}

describe('exportMetabase failures', () => {
  it('a connection cut mid-load leaves the previous export in place, readable throughout', async () => {
    const captured = capturingLogger();
    const seenDuringLoad: Record<string, number>[] = [];
    const err = await failedRun({
      logger: captured.logger,
      onTableLoaded: async (table) => {
        if (table !== 'quote_check_feedbacks') return;
        seenDuringLoad.push(await publishedCounts(target.knex));
        await target.knex.raw(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = 'mdso-export-metabase-target' AND datname = current_database()`,
        );
      },
    });
    expect(seenDuringLoad).toEqual([previous]);
    expect(err.table).toBe('quote_error_edits');
    expect(err.message).toContain('table quote_error_edits');
    expect(err.message).toContain('l’export précédent reste en place');
    expect(await publishedCounts(target.knex)).toEqual(previous);
    expect(await schemas()).toEqual([SCHEMA]);

    const [log] = await listExportLogs(source.knex, 1);
    expect(log).toMatchObject({
      status: 'error',
      trigger: 'schedule',
      failedTable: 'quote_error_edits',
    });
    expect(log?.message).toContain('connexion');
    expect(log?.tableCounts).toMatchObject({ quote_checks: 6, quote_check_feedbacks: 6 });
    const errors = captured.records.filter((r) => r['level'] === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'metabase export failed', table: 'quote_error_edits' });
    expect(errors[0]?.['err']).toBeDefined();
    expect(errors[0]?.['reason']).toEqual(expect.stringContaining('connexion'));
  });

  it('so does a source connection cut mid-load', async () => {
    const err = await failedRun({
      onTableLoaded: async (table) => {
        if (table !== 'processing_logs') return;
        await source.knex.raw(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = 'mdso-export-metabase-source' AND datname = current_database()`,
        );
      },
    });
    expect(err.table).toBe('inbound_emails');
    expect(await publishedCounts(target.knex)).toEqual(previous);
    expect(await schemas()).toEqual([SCHEMA]);
    expect((await listExportLogs(source.knex, 1))[0]).toMatchObject({
      status: 'error',
      failedTable: 'inbound_emails',
    });
  });

  it('a failure at publication (an unknown reader role) changes nothing either', async () => {
    const err = await failedRun({ readerRole: 'role_qui_n_existe_pas' });
    expect(err.table).toBeUndefined();
    expect(err.message).toContain('publication du nouvel export');
    expect(await publishedCounts(target.knex)).toEqual(previous);
    expect(await schemas()).toEqual([SCHEMA]);
    const [log] = await listExportLogs(source.knex, 1);
    expect(log).toMatchObject({ status: 'error', failedTable: null });
    expect(log?.tableCounts['outbound_emails']).toBe(4);
  });

  it('of two concurrent runs, one exports and the other does nothing', async () => {
    const before = (await listExportLogs(source.knex, 100)).length;
    let releaseFirst: () => void = () => undefined;
    const firstMayFinish = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHasLock: () => void = () => undefined;
    const firstStarted = new Promise<void>((resolve) => (firstHasLock = resolve));
    const first = exportMetabase(
      deps({
        onTableLoaded: async (table) => {
          if (table !== 'quote_checks') return;
          firstHasLock();
          await firstMayFinish;
        },
      }),
      { trigger: 'schedule' },
    );
    await firstStarted;
    const second: MetabaseExportOutcome = await exportMetabase(deps(), { trigger: 'schedule' });
    releaseFirst();
    expect(second).toEqual({ status: 'skipped', reason: 'locked' });
    expect((await first).status).toBe('exported');
    const logs = await listExportLogs(source.knex, 100);
    expect(logs).toHaveLength(before + 1);
    expect(logs[0]?.status).toBe('success');
    expect((await publishedCounts(target.knex))['quote_checks']).toBe(6);
  });

  it('a scheduled run finds the day’s export done and does nothing', async () => {
    const before = await listExportLogs(source.knex, 100);
    const since = new Date(Date.now() - 3_600_000);
    const outcome = await exportMetabase(deps(), { trigger: 'schedule', skipIfDoneSince: since });
    expect(outcome).toEqual({ status: 'skipped', reason: 'already_done' });
    expect(await listExportLogs(source.knex, 100)).toHaveLength(before.length);
  });

  it('closes as interrupted a run left started by a process that died', async () => {
    await source.knex('export_logs').insert({ status: 'started', message: 'Export en cours' });
    const captured = capturingLogger();
    await exportMetabase(deps({ logger: captured.logger }), { trigger: 'manual' });
    const [latest, interrupted] = await listExportLogs(source.knex, 2);
    expect(latest?.status).toBe('success');
    expect(interrupted).toMatchObject({ status: 'error' });
    expect(interrupted?.message).toContain('interrompu');
    expect(captured.records.some((r) => r['level'] === 40)).toBe(true);
  });
});
