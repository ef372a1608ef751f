/**
 * The schedule, as one table (STYLE.md §1). `process-quote-checks` is long-lived: started at
 * boot and restarted by the scheduler if it exits. Cluster-wide jobs are safe to run on every
 * instance: their queries skip or lock what another instance is doing.
 */
export interface JobSpec {
  name: string;
  /** Bree interval (`'1m'`, `'1d'`); absent = started once at boot and kept running. */
  interval?: string;
}

export const JOBS: readonly JobSpec[] = [
  { name: 'process-quote-checks' },
  { name: 'close-stale-checks', interval: '1m' },
  { name: 'validate-cases', interval: '1m' },
  { name: 'send-pending-mails', interval: '1m' },
  { name: 'purge-raw-emails', interval: '1h' },
];
