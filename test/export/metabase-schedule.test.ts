/**
 * When the analytics export runs: the job table, the 08:00 UTC slot, Bree accepting the cron
 * job, and the compiled job file run in a worker thread as Bree runs it (needs the build).
 */
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { listExportLogs } from '../../src/db/export-logs-repo.js';
import { createTestDatabase } from '../support/test-db.js';
import { seedSource } from './metabase-fixtures.js';
import { JOBS, scheduledJobs } from '../../jobs/index.js';
import { loadConfig } from '../../src/config.js';
import {
  currentExportSlotStart,
  METABASE_EXPORT_CRON,
} from '../../src/export/metabase-schedule.js';
import { createSilentLogger } from '../../src/logger.js';
import { createScheduler } from '../../src/scheduler.js';

describe('the export schedule', () => {
  it('schedules the export at 08:00 only when ENABLE_METABASE_EXPORT=true', () => {
    const names = (env: Record<string, string>) =>
      scheduledJobs(loadConfig(env)).map((j) => j.name);
    expect(names({})).not.toContain('export-metabase');
    expect(
      names({ ENABLE_METABASE_EXPORT: 'true', METABASE_DATA_DB_URL: 'postgres://a@localhost/b' }),
    ).toContain('export-metabase');
    expect(JOBS.find((j) => j.name === 'export-metabase')?.cron).toBe('0 8 * * *');
    expect(METABASE_EXPORT_CRON).toBe('0 8 * * *');
  });

  it('counts a day from 08:00 UTC', () => {
    expect(currentExportSlotStart(new Date('2026-12-08T08:00:00Z'))).toEqual(
      new Date('2026-12-08T08:00:00Z'),
    );
    expect(currentExportSlotStart(new Date('2026-12-08T23:59:00Z'))).toEqual(
      new Date('2026-12-08T08:00:00Z'),
    );
    expect(currentExportSlotStart(new Date('2026-12-09T07:59:59Z'))).toEqual(
      new Date('2026-12-08T08:00:00Z'),
    );
    expect(currentExportSlotStart(new Date('2027-01-01T07:00:00Z'))).toEqual(
      new Date('2026-12-31T08:00:00Z'),
    );
  });

  it('Bree takes the compiled job with its cron (needs the build)', async () => {
    const scheduler = createScheduler({
      jobs: [{ name: 'export-metabase', cron: METABASE_EXPORT_CRON }],
      jobsDir: fileURLToPath(new URL('../../dist/jobs', import.meta.url)),
      databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
      logger: createSilentLogger(),
    });
    await scheduler.start();
    await scheduler.stop();
  });
});

/**
 * Runs a compiled job file in a worker thread as Bree does: the job signals `done`, then the
 * thread is terminated (Bree does not read its exit code; failures are in the logs and rows).
 */
function runJobFile(name: string, databaseUrl: string, env: Record<string, string>) {
  const worker = new Worker(fileURLToPath(new URL(`../../dist/jobs/${name}.js`, import.meta.url)), {
    workerData: { databaseUrl },
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`${name} exited (${code}) before done`)));
    worker.on('message', (message) => {
      if (message !== 'done') return;
      worker.removeAllListeners('exit');
      void worker.terminate().then(() => resolve());
    });
  });
}

describe('the export-metabase job', () => {
  it('exports once a day, and records a failure', async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase({ empty: true });
    try {
      await seedSource(source.knex);
      const enabled = { ENABLE_METABASE_EXPORT: 'true', METABASE_DATA_DB_URL: target.url };
      await runJobFile('export-metabase', source.url, enabled);
      await runJobFile('export-metabase', source.url, enabled);
      const logs = await listExportLogs(source.knex);
      expect(logs.map((l) => [l.status, l.trigger])).toEqual([['success', 'schedule']]);

      const unreachable = { ...enabled, METABASE_DATA_DB_URL: 'postgres://a@127.0.0.1:1/b' };
      await source.knex('export_logs').del();
      await runJobFile('export-metabase', source.url, unreachable);
      expect((await listExportLogs(source.knex)).map((l) => l.status)).toEqual(['error']);
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 30_000);
});
