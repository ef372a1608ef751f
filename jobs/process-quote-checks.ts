/** The long-lived claim loop (DESIGN.md §4): runs until the service stops it. */
import { runJob } from '../src/job-runtime.js';
import { startClaimLoop } from '../src/pipeline/claim-loop.js';

await runJob('process-quote-checks', async (deps, signal) => {
  const loop = startClaimLoop(deps, {
    databaseUrl: deps.database.url,
    concurrency: deps.config.MDSO_WORKER_CONCURRENCY,
    pollMs: deps.config.MDSO_WORKER_POLL_MS,
  });
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  await loop.stop();
});
