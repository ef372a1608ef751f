/** The timeout rule: closes checks unfinished after MDSO_TIMEOUT_FOR_PROCESSING minutes. */
import { runJob } from '../src/job-runtime.js';
import { newWorkerId } from '../src/pipeline/claim-loop.js';
import { closeTimedOutChecks } from '../src/pipeline/close-stale-checks.js';

await runJob('close-stale-checks', (deps) =>
  closeTimedOutChecks(
    { ...deps, workerId: newWorkerId() },
    { olderThanMinutes: deps.config.MDSO_TIMEOUT_FOR_PROCESSING },
  ),
);
