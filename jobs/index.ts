/**
 * The schedule, as one table (STYLE.md §1). `process-quote-checks` is long-lived: started at
 * boot and restarted by the scheduler if it exits. Cluster-wide jobs are safe to run on every
 * instance: their queries skip or lock what another instance is doing (the export takes an
 * advisory lock). A job with `enabledBy` is scheduled only when that setting is true.
 */
import type { Config } from '../src/config.js';
import { METABASE_EXPORT_CRON } from '../src/export/metabase-schedule.js';

export interface JobSpec {
  name: string;
  /** Bree interval (`'1m'`, `'1d'`); absent (and no `cron`) = started once at boot and kept running. */
  interval?: string;
  /**
   * Delay before an interval job's first run (default: one interval). The minute jobs are
   * staggered: each runs in a thread that loads the whole application (about 40 MB), and three
   * at once took the service process over 400 MB under load (fuzz suite, issue 9).
   */
  firstRunAfter?: string;
  /** Cron expression, read in UTC. */
  cron?: string;
  /** The boolean setting that turns the job on. */
  enabledBy?: 'ENABLE_METABASE_EXPORT';
}

export const JOBS: readonly JobSpec[] = [
  { name: 'process-quote-checks' },
  { name: 'close-stale-checks', interval: '1m' },
  { name: 'validate-cases', interval: '1m', firstRunAfter: '80s' },
  { name: 'send-pending-mails', interval: '1m', firstRunAfter: '100s' },
  { name: 'purge-raw-emails', interval: '1h' },
  { name: 'export-metabase', cron: METABASE_EXPORT_CRON, enabledBy: 'ENABLE_METABASE_EXPORT' },
];

/** The jobs this configuration runs. */
export function scheduledJobs(config: Pick<Config, 'ENABLE_METABASE_EXPORT'>): JobSpec[] {
  return JOBS.filter((job) => !job.enabledBy || config[job.enabledBy]);
}
