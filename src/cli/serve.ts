/**
 * `mdso serve [--api-only | --workers-only]` (= `npm start`, DESIGN.md §2): the HTTP server, the
 * inbound SMTP listener and the Bree scheduler in one process, on `DATABASE_URL` or the embedded
 * PostgreSQL. The job threads are started first, as soon as the database is open, and the rest
 * is loaded while they boot. Stops cleanly on SIGINT (Ctrl-C: the terminal signals the whole
 * process group), SIGTERM and SIGHUP: the front stops taking work, the job threads finish their current
 * step or give their checks back, then the database closes — the embedded PostgreSQL, which runs
 * in its own session and so never receives the terminal's signal, stops last.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scheduledJobs } from '../../jobs/index.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { packageRoot } from '../package-root.js';
import { createLogger, type Logger } from '../logger.js';
import { createScheduler, type Scheduler } from '../scheduler.js';
import type { CommandIo } from './check.js';
import type { Front } from './serve-front.js';
import { EXIT_OK, UsageError } from './usage.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/**
 * The first SIGINT, SIGTERM or SIGHUP (the terminal was closed), listened to from the start (a
 * signal during start-up stops the service once it is up). Later ones are ignored while the
 * service stops: `npm start` passes the terminal's SIGINT on to us, which then arrives twice.
 */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function listenForStop(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const received = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    received,
    dispose: () => {
      for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
    },
  };
}

export async function runServe(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'api-only': { type: 'boolean', default: false },
      'workers-only': { type: 'boolean', default: false },
    },
  });
  if (values['api-only'] && values['workers-only']) {
    throw new UsageError('--api-only et --workers-only ne vont pas ensemble.');
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const version = packageVersion();
  const stop = listenForStop();
  try {
    return await serveUntilStopped(values, { config, io, logger, version, stop: stop.received });
  } finally {
    stop.dispose();
  }
}

async function serveUntilStopped(
  values: { 'api-only'?: boolean; 'workers-only'?: boolean },
  context: {
    config: Config;
    io: CommandIo;
    logger: Logger;
    version: string;
    stop: Promise<NodeJS.Signals>;
  },
): Promise<number> {
  const { config, io, logger, version } = context;
  const database = await openDatabase(config, logger);
  let scheduler: Scheduler | undefined;
  let front: Front | undefined;
  let closeDeps: () => Promise<void> = () => database.close();
  try {
    if (!values['api-only']) {
      scheduler = createScheduler({
        jobs: scheduledJobs(config),
        jobsDir: join(packageRoot(), 'dist', 'jobs'),
        databaseUrl: database.url,
        logger,
      });
      await scheduler.start();
    }
    const { createDeps } = await import('../deps.js');
    // The main thread never reads quote files: the claim loop runs in its job thread.
    const deps = await createDeps(config, { logger, database, readsFiles: false });
    closeDeps = () => deps.close();
    if (!values['workers-only']) {
      const { startFront } = await import('./serve-front.js');
      front = await startFront(deps, { version, io });
    }
  } catch (err) {
    await scheduler?.stop();
    await closeDeps();
    throw err;
  }
  io.stdout.write(
    `Mon Devis Sans Oublis ${version} prêt${front ? ` : http://127.0.0.1:${front.httpPort}/health` : ''}\n`,
  );
  logger.info({ port: front?.httpPort, version }, 'service started');
  const signal = await context.stop;
  io.stdout.write(
    scheduler
      ? 'Arrêt : les devis en cours finissent leur étape ou sont rendus à la file…\n'
      : 'Arrêt…\n',
  );
  logger.info({ signal }, 'stopping');
  await front?.close();
  await scheduler?.stop();
  await closeDeps(); // the database last: the embedded PostgreSQL stops here
  logger.info('service stopped');
  io.stdout.write('Service arrêté.\n');
  return EXIT_OK;
}
