/**
 * Analytics export runs (table `export_logs`, spec/metabase.md §3.1): one row per run, written
 * `started` when it begins and completed with its outcome, the real row count of each table,
 * the duration and, on failure, the table it stopped at and a French message.
 */
import type { Knex } from 'knex';
import { jsonb } from './quote-check-row.js';

const TABLE = 'export_logs';
const JOB_TYPE = 'metabase_export';

export type ExportTrigger = 'schedule' | 'manual';

export interface ExportLogEnd {
  status: 'success' | 'error';
  message: string;
  tableCounts: Readonly<Record<string, number>>;
  failedTable?: string;
  durationMs: number;
}

export interface ExportLog extends Omit<ExportLogEnd, 'status' | 'failedTable'> {
  id: string;
  status: 'started' | 'success' | 'error';
  trigger: ExportTrigger | null;
  recordsExported: number;
  failedTable: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

interface ExportLogRow {
  id: string;
  status: ExportLog['status'];
  trigger: ExportTrigger | null;
  message: string | null;
  records_exported: number;
  table_counts: Record<string, number> | null;
  failed_table: string | null;
  duration_ms: number | null;
  created_at: Date;
  finished_at: Date | null;
}

function toExportLog(row: ExportLogRow): ExportLog {
  return {
    id: String(row.id),
    status: row.status,
    trigger: row.trigger,
    message: row.message ?? '',
    recordsExported: row.records_exported,
    tableCounts: row.table_counts ?? {},
    failedTable: row.failed_table,
    durationMs: row.duration_ms ?? 0,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export async function startExportLog(db: Knex, trigger: ExportTrigger): Promise<string> {
  const [row] = (await db(TABLE)
    .insert({ job_type: JOB_TYPE, status: 'started', trigger, message: 'Export en cours' })
    .returning('id')) as { id: string | number }[];
  if (!row) throw new Error('export_logs: insert returned nothing');
  return String(row.id);
}

export async function finishExportLog(db: Knex, id: string, end: ExportLogEnd): Promise<void> {
  const total = Object.values(end.tableCounts).reduce((sum, n) => sum + n, 0);
  await db(TABLE)
    .where({ id })
    .update({
      status: end.status,
      message: end.message,
      records_exported: total,
      table_counts: jsonb(end.tableCounts),
      failed_table: end.failedTable ?? null,
      duration_ms: Math.round(end.durationMs),
      finished_at: db.fn.now(),
    });
}

/**
 * Runs left `started` by a process that died: called under the export lock, when no other run
 * can be in progress. Returns how many were closed.
 */
export async function closeInterruptedExports(db: Knex): Promise<number> {
  return db(TABLE).where({ job_type: JOB_TYPE, status: 'started' }).update({
    status: 'error',
    message:
      'Export interrompu avant la fin (processus arrêté) : l’export précédent est resté en place',
    finished_at: db.fn.now(),
  });
}

/** Whether a run has succeeded since `since` (the scheduled run of the day already happened). */
export async function hasExportSucceededSince(db: Knex, since: Date): Promise<boolean> {
  const row = (await db(TABLE)
    .where({ job_type: JOB_TYPE, status: 'success' })
    .where('created_at', '>=', since)
    .first('id')) as { id: string } | undefined;
  return row !== undefined;
}

/** The latest runs, newest first. */
export async function listExportLogs(db: Knex, limit = 10): Promise<ExportLog[]> {
  const rows = (await db(TABLE)
    .where({ job_type: JOB_TYPE })
    .orderBy('id', 'desc')
    .limit(limit)) as ExportLogRow[];
  return rows.map(toExportLog);
}
