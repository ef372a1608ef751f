/** Safety net: validates cases whose checks are all final (a worker died in between). */
import { runJob } from '../src/job-runtime.js';
import { listCasesDueForValidation } from '../src/db/quotes-cases-repo.js';
import { newWorkerId } from '../src/pipeline/claim-loop.js';
import { validateCaseIfComplete } from '../src/pipeline/validate-case.js';

await runJob('validate-cases', async (deps) => {
  const workerId = newWorkerId();
  let validated = 0;
  for (const caseId of await listCasesDueForValidation(deps.db)) {
    if (await validateCaseIfComplete(caseId, { ...deps, workerId })) validated += 1;
  }
  return { validated };
});
