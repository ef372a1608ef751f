/** The long-lived claim loop (DESIGN.md §4): received mails, then checks, until the service stops it. */
import { runJob } from '../src/job-runtime.js';
import { processDueInboundEmails } from '../src/inbound/process-inbound-email.js';
import { startClaimLoop } from '../src/pipeline/claim-loop.js';

await runJob('process-quote-checks', async (deps, signal) => {
  deps.reader.warm();
  const loop = startClaimLoop(deps, {
    databaseUrl: deps.database.url,
    concurrency: deps.config.MDSO_WORKER_CONCURRENCY,
    pollMs: deps.config.MDSO_WORKER_POLL_MS,
    otherWork: (workerId) => processDueInboundEmails({ ...deps.inbound, workerId }, { limit: 5 }),
  });
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  await loop.stop();
});
