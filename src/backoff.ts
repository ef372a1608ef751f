/**
 * Exponential back-off for queued work (checks, received mails, outgoing mails): the delay
 * before attempt n+1 after n failed attempts, doubling from `baseMs`, capped at `maxMs`, with an
 * optional ± jitter so that many items failing together do not all come back at once.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0.2 = ±20 %. */
  jitter?: number;
  random?: () => number;
}

export function backoffMs(failedAttempts: number, options: BackoffOptions): number {
  const delay = Math.min(options.baseMs * 2 ** Math.max(0, failedAttempts - 1), options.maxMs);
  const jitter = options.jitter ?? 0;
  if (jitter === 0) return delay;
  return Math.round(delay * (1 - jitter + 2 * jitter * (options.random ?? Math.random)()));
}
