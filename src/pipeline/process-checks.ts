/**
 * Runs given checks to their final status in this process (CLI `submit`, `recheck`): claims
 * them like any worker, so a running service may take some first; waits for those until they
 * are final. Retries wait for their back-off.
 */
import { claimDueChecks } from '../db/quote-checks-repo.js';
import { runClaimedCheck, type RunnerDeps } from './runner.js';

export async function processChecksUntilFinal(
  deps: RunnerDeps,
  ids: readonly string[],
  options: { timeoutMs: number; pollMs?: number },
): Promise<{ final: string[]; unfinished: string[] }> {
  const deadline = Date.now() + options.timeoutMs;
  const pollMs = options.pollMs ?? 50;
  for (;;) {
    const rows = (await deps.db('quote_checks').whereIn('id', ids).select('id', 'stage')) as {
      id: string;
      stage: string;
    }[];
    const unfinished = rows.filter((r) => r.stage !== 'final').map((r) => r.id);
    if (unfinished.length === 0 || Date.now() > deadline) {
      return { final: rows.filter((r) => r.stage === 'final').map((r) => r.id), unfinished };
    }
    const claimed = await claimDueChecks(deps.db, {
      workerId: deps.workerId,
      limit: unfinished.length,
      leaseMs: deps.leaseMs,
      ids: unfinished,
    });
    for (const check of claimed) await runClaimedCheck(check, deps);
    if (claimed.length === 0) await new Promise((r) => setTimeout(r, pollMs));
  }
}
