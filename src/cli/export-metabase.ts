/**
 * `mdso export-metabase`: runs the anonymised analytics export now (issue 11), as the daily job
 * does, and says what happened in French: the rows of each table, or why nothing was done.
 * A failure is logged (one French line on stderr) and exits with 1; the previous export stays.
 */
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import {
  exportMetabase,
  MetabaseExportError,
  metabaseExportDeps,
  type MetabaseExportOutcome,
} from '../export/export-metabase.js';
import { createLogger } from '../logger.js';
import type { CommandIo } from './check.js';
import { EXIT_INTERNAL, EXIT_OK, UsageError } from './usage.js';

const count = (n: number): string => n.toLocaleString('fr-FR');
const seconds = (ms: number): string =>
  (ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function describeOutcome(outcome: MetabaseExportOutcome): string {
  if (outcome.status === 'skipped') {
    return outcome.reason === 'locked'
      ? 'Un export Metabase est déjà en cours (autre processus ou autre instance) : rien n’est fait.\n'
      : 'L’export Metabase a déjà été fait depuis le dernier créneau prévu : rien n’est fait.\n';
  }
  const width = Math.max(...Object.keys(outcome.tableCounts).map((name) => name.length));
  const lines = Object.entries(outcome.tableCounts).map(
    ([name, rows]) => `  ${name.padEnd(width)}  ${count(rows)} ligne${rows > 1 ? 's' : ''}\n`,
  );
  return (
    `Export Metabase terminé en ${seconds(outcome.durationMs)} s (schéma mdso_analytics) :\n` +
    lines.join('') +
    `  ${'total'.padEnd(width)}  ${count(outcome.total)} lignes\n`
  );
}

export async function runExportMetabase(
  args: string[],
  config: Config,
  io: CommandIo,
): Promise<number> {
  if (args.length > 0) {
    throw new UsageError(`export-metabase ne prend pas d'argument (reçu : ${args[0]}).`);
  }
  if (!config.ENABLE_METABASE_EXPORT) {
    io.stdout.write(
      'Export Metabase désactivé (ENABLE_METABASE_EXPORT n’est pas à true) : rien n’est fait.\n',
    );
    return EXIT_OK;
  }
  const verbose = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';
  const logger = createLogger({
    level: verbose ? config.LOG_LEVEL : 'warn',
    destination: 'stderr',
  });
  const database = await openDatabase(config, logger);
  try {
    const outcome = await exportMetabase(metabaseExportDeps(config, database, logger), {
      trigger: 'manual',
    });
    io.stdout.write(describeOutcome(outcome));
    return EXIT_OK;
  } catch (err) {
    // already logged (one French line on stderr) and recorded in export_logs
    if (err instanceof MetabaseExportError) return EXIT_INTERNAL;
    throw err;
  } finally {
    await database.close();
  }
}
