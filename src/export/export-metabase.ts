/**
 * The daily anonymised export to the analytics (Metabase) database (DESIGN.md §8, issue 11):
 * once per cluster (advisory lock on the application database), every table of
 * db/analytics-tables.ts streamed from one snapshot of the source into a staging schema of the
 * target, published in one transaction. Every run is one `export_logs` row with its outcome,
 * real counts per table and duration; a failure is logged at error level with the table and the
 * cause, thrown to the caller (the job or the command then exits non-zero) and leaves the
 * previous export in place. `mdso export-metabase` and jobs/export-metabase.ts call this.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import {
  ANALYTICS_SCHEMA,
  beginSourceSnapshot,
  beginStaging,
  copyTable,
  openAnalyticsConnection,
  publishStaging,
  type AnalyticsConnection,
} from '../db/analytics-copy.js';
import { analyticsTables } from '../db/analytics-tables.js';
import { tryClusterLock } from '../db/cluster-lock.js';
import {
  closeInterruptedExports,
  finishExportLog,
  hasExportSucceededSince,
  startExportLog,
  type ExportTrigger,
} from '../db/export-logs-repo.js';
import { describeDatabaseFailure } from '../db/pg-errors.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface MetabaseExportDeps {
  /** The application database, where `export_logs` lives. */
  db: Knex;
  /** URL of the application database: the source of the copy and the home of the lock. */
  sourceUrl: string;
  /** `METABASE_DATA_DB_URL`. */
  targetUrl: string;
  /** Role granted read access to the published schema (`METABASE_DATA_DB_READER_ROLE`). */
  readerRole?: string | undefined;
  logger: Logger;
  /** Called once a table is in staging (progress; tests make a run fail there). */
  onTableLoaded?: (table: string, rows: number) => Promise<void> | void;
}

export interface MetabaseExportOptions {
  trigger: ExportTrigger;
  /** Scheduled runs: nothing to do when a run has already succeeded since then. */
  skipIfDoneSince?: Date;
}

export type MetabaseExportOutcome =
  | {
      status: 'exported';
      exportLogId: string;
      tableCounts: Record<string, number>;
      total: number;
      durationMs: number;
    }
  | { status: 'skipped'; reason: 'locked' | 'already_done' };

/** A run that failed; its French message names the table and the cause. */
export class MetabaseExportError extends AppError {
  constructor(
    message: string,
    readonly table: string | undefined,
    readonly exportLogId: string,
    cause: unknown,
  ) {
    super('metabase_export_failed', message, { cause });
  }
}

/** The deps of the export from the service's settings and its open application database. */
export function metabaseExportDeps(
  config: Pick<Config, 'METABASE_DATA_DB_URL' | 'METABASE_DATA_DB_READER_ROLE'>,
  database: { knex: Knex; url: string },
  logger: Logger,
): MetabaseExportDeps {
  if (!config.METABASE_DATA_DB_URL) {
    throw new Error('METABASE_DATA_DB_URL is required to export to Metabase');
  }
  return {
    db: database.knex,
    sourceUrl: database.url,
    targetUrl: config.METABASE_DATA_DB_URL,
    readerRole: config.METABASE_DATA_DB_READER_ROLE,
    logger,
  };
}

export async function exportMetabase(
  deps: MetabaseExportDeps,
  options: MetabaseExportOptions,
): Promise<MetabaseExportOutcome> {
  const logger = deps.logger.child({ job: 'export-metabase', trigger: options.trigger });
  const lock = await tryClusterLock(deps.sourceUrl, 'metabaseExport');
  if (!lock) {
    logger.info('metabase export skipped: another run holds the lock');
    return { status: 'skipped', reason: 'locked' };
  }
  try {
    const interrupted = await closeInterruptedExports(deps.db);
    if (interrupted > 0) logger.warn({ interrupted }, 'metabase export: interrupted runs closed');
    if (
      options.skipIfDoneSince &&
      (await hasExportSucceededSince(deps.db, options.skipIfDoneSince))
    ) {
      logger.info({ since: options.skipIfDoneSince }, 'metabase export skipped: already done');
      return { status: 'skipped', reason: 'already_done' };
    }
    return await runExport(deps, options, logger);
  } finally {
    await lock.release();
  }
}

async function runExport(
  deps: MetabaseExportDeps,
  options: MetabaseExportOptions,
  logger: Logger,
): Promise<MetabaseExportOutcome> {
  const exportLogId = await startExportLog(deps.db, options.trigger);
  const started = performance.now();
  logger.info({ exportLogId }, 'metabase export started');
  const tableCounts: Record<string, number> = {};
  let table: string | undefined;
  let step = 'connexion aux bases de données';
  let source: AnalyticsConnection | undefined;
  let target: AnalyticsConnection | undefined;
  try {
    source = await openAnalyticsConnection(deps.sourceUrl, 'source');
    await beginSourceSnapshot(source);
    target = await openAnalyticsConnection(deps.targetUrl, 'target');
    await beginStaging(target);
    for (const spec of analyticsTables({ saltHex: randomBytes(16).toString('hex') })) {
      table = spec.name;
      step = `table ${spec.name}`;
      const rows = await copyTable(source, target, spec);
      tableCounts[spec.name] = rows;
      logger.debug({ exportLogId, table, rows }, 'metabase export table loaded');
      await deps.onTableLoaded?.(spec.name, rows);
    }
    table = undefined;
    step = 'publication du nouvel export';
    const total = Object.values(tableCounts).reduce((sum, n) => sum + n, 0);
    await publishStaging(target, {
      readerRole: deps.readerRole,
      comment: `Export anonymisé de Mon Devis Sans Oublis, ${new Date().toISOString()} : ${total} lignes`,
    });
    const durationMs = performance.now() - started;
    await finishExportLog(deps.db, exportLogId, {
      status: 'success',
      message: `Export terminé : ${total} lignes dans ${ANALYTICS_SCHEMA}`,
      tableCounts,
      durationMs,
    });
    logger.info({ exportLogId, tableCounts, total, durationMs }, 'metabase export done');
    return { status: 'exported', exportLogId, tableCounts, total, durationMs };
  } catch (thrown) {
    const durationMs = performance.now() - started;
    // a lost connection makes the next query fail with « not queryable »: report why it was lost
    const err = target?.lostWith() ?? source?.lostWith() ?? thrown;
    // the staging transaction dies with its connection: the previous export stays published
    await target?.close();
    target = undefined;
    const reason = describeDatabaseFailure(err);
    const message = `Échec de l’export (${step}) : ${reason} ; l’export précédent reste en place`;
    logger.error({ err, table, step, reason, exportLogId, durationMs }, 'metabase export failed');
    try {
      await finishExportLog(deps.db, exportLogId, {
        status: 'error',
        message: `${message} (détail technique : ${err instanceof Error ? err.message : String(err)})`,
        tableCounts,
        ...(table ? { failedTable: table } : {}),
        durationMs,
      });
    } catch (logErr) {
      logger.error({ err: logErr, exportLogId }, 'metabase export: failure not recorded');
    }
    throw new MetabaseExportError(message, table, exportLogId, err);
  } finally {
    await target?.close();
    await source?.close();
  }
}
