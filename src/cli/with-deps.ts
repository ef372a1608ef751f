/** Runs a database command with the service's deps (logs on stderr, warnings and up). */
import type { Config } from '../config.js';
import { createDeps, type Deps } from '../deps.js';
import { createLogger } from '../logger.js';
import { newWorkerId } from '../pipeline/claim-loop.js';
import type { RunnerDeps } from '../pipeline/runner.js';

export async function withDeps<T>(
  config: Config,
  options: { today?: string },
  fn: (deps: Deps, runner: RunnerDeps) => Promise<T>,
): Promise<T> {
  const verbose = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';
  const logger = createLogger({
    level: verbose ? config.LOG_LEVEL : 'warn',
    destination: 'stderr',
  });
  const today = options.today;
  const deps = await createDeps(config, { logger, ...(today ? { today: () => today } : {}) });
  try {
    return await fn(deps, { ...deps, workerId: newWorkerId() });
  } finally {
    await deps.close();
  }
}
