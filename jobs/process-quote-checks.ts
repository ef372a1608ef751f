/** The long-lived claim loop (DESIGN.md §4): checks and received mails, until the service stops it. */
import { runJob } from '../src/job-runtime.js';
import { startClaimLoop } from '../src/pipeline/claim-loop.js';

// The mail parser is loaded after the first claim, while the PDF worker reads the first file.
const loadInbound = () => import('../src/inbound/process-inbound-email.js');
let inbound: ReturnType<typeof loadInbound> | undefined;

await runJob(
  'process-quote-checks',
  async (deps, signal) => {
    deps.reader.warm();
    const loop = startClaimLoop(deps, {
      databaseUrl: deps.database.url,
      concurrency: deps.config.MDSO_WORKER_CONCURRENCY,
      pollMs: deps.config.MDSO_WORKER_POLL_MS,
      otherWork: async (workerId) => {
        const { processDueInboundEmails } = await (inbound ??= loadInbound());
        return processDueInboundEmails({ ...deps.inbound, workerId }, { limit: 5 });
      },
    });
    // the service may have asked to stop while this thread was starting
    await new Promise<void>((resolve) =>
      signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve()),
    );
    await loop.stop();
  },
  { readsFiles: true },
);
