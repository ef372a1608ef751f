/**
 * The Bree scheduler of `mdso serve` (DESIGN.md §2): runs the compiled jobs of `dist/jobs/` in
 * worker threads, passes them the database URL, logs each job's start and end in one place,
 * and restarts the long-lived ones when they exit. Stopping asks every job to end (`cancel`:
 * the claim loop finishes or gives back its checks) and terminates the threads that have not
 * ended within a bound, so that the service always stops.
 */
import { join } from 'node:path';
import Bree from 'bree';
import type { Logger } from './logger.js';

export interface ScheduledJob {
  name: string;
  /** Both absent: started at boot and restarted when it exits. */
  interval?: string;
  /** Delay before an interval job's first run (default: one interval), to stagger jobs. */
  firstRunAfter?: string;
  /** Cron expression, read in UTC (the export at 08:00 UTC). */
  cron?: string;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 1000;
/** Past this, job threads still running are terminated (the claim loop needs about 5 s). */
const STOP_TIMEOUT_MS = 15_000;

export function createScheduler(options: {
  jobs: readonly ScheduledJob[];
  /** Directory of the compiled job files (`<package root>/dist/jobs`). */
  jobsDir: string;
  databaseUrl: string;
  logger: Logger;
}): Scheduler {
  const log = options.logger.child({ component: 'scheduler' });
  const meta = (m: unknown): Record<string, unknown> =>
    typeof m === 'object' && m !== null && 'name' in m
      ? { job: (m as { name: unknown }).name }
      : {};
  const bree = new Bree({
    root: false,
    defaultExtension: 'js',
    logger: {
      info: (msg: string, m?: unknown) => log.debug(meta(m), msg),
      warn: (msg: string, m?: unknown) => log.warn(meta(m), String(msg)),
      error: (msg: string, m?: unknown) => log.error(meta(m), String(msg)),
    } as unknown as Bree.BreeLogger,
    worker: {
      workerData: { databaseUrl: options.databaseUrl },
      // V8's default young generation, sized on the machine, keeps tens of MB per thread resident
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    },
    jobs: options.jobs.map((job) => ({
      name: job.name,
      path: join(options.jobsDir, `${job.name}.js`),
      // Interval jobs first run one interval after boot, so that the claim loop has the
      // machine to itself while the service starts; long-lived jobs start at once.
      ...(job.cron
        ? { cron: job.cron, timezone: 'UTC' }
        : job.interval
          ? { interval: job.interval, timeout: job.firstRunAfter ?? job.interval }
          : { timeout: 0 }),
    })),
    errorHandler: (err: unknown, m: unknown) => log.error({ err, ...meta(m) }, 'job failed'),
  });
  const longLived = new Set(options.jobs.filter((j) => !j.interval && !j.cron).map((j) => j.name));
  let stopping = false;
  bree.on('worker created', (name: string) => log.debug({ job: name }, 'job started'));
  bree.on('worker deleted', (name: string) => {
    log.debug({ job: name }, 'job ended');
    if (!stopping && longLived.has(name)) {
      log.warn({ job: name }, 'long-lived job exited: restarting');
      setTimeout(() => {
        if (!stopping) void bree.run(name);
      }, RESTART_DELAY_MS).unref();
    }
  });
  return {
    start: async () => {
      await bree.start();
    },
    stop: async () => {
      stopping = true;
      const stopped = bree.stop();
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([
        stopped.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (late) {
        const names = [...bree.workers.keys()];
        log.warn({ jobs: names }, 'jobs still running at stop: terminated');
        await Promise.all([...bree.workers.values()].map((worker) => worker.terminate()));
        await stopped;
      }
    },
  };
}
