/**
 * What every Bree job does around its one call (STYLE.md §1): read the config, build the deps
 * on the database URL the service passed in `workerData`, run, close, and tell Bree it is done.
 * A `cancel` message from Bree (service stopping) is passed on as an AbortSignal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from './config.js';
import { createDeps, type Deps } from './deps.js';
import { createLogger } from './logger.js';

export interface JobWorkerData {
  databaseUrl: string;
}

export async function runJob(
  name: string,
  fn: (deps: Deps, signal: AbortSignal) => Promise<unknown>,
  options: { readsFiles?: boolean } = {},
): Promise<void> {
  const data = workerData as Partial<JobWorkerData> | undefined;
  const env = data?.databaseUrl ? { ...process.env, DATABASE_URL: data.databaseUrl } : process.env;
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL }).child({ job: name });
  const controller = new AbortController();
  parentPort?.on('message', (message) => {
    if (message === 'cancel') controller.abort();
  });
  const startedAt = Date.now();
  let deps: Deps | undefined;
  try {
    deps = await createDeps(config, {
      logger,
      migrate: false,
      readsFiles: options.readsFiles ?? false,
    });
    const result = await fn(deps, controller.signal);
    logger.debug({ durationMs: Date.now() - startedAt, result }, 'job done');
  } catch (err) {
    logger.error({ err, durationMs: Date.now() - startedAt }, 'job failed');
    process.exitCode = 1;
  } finally {
    await deps?.close();
    parentPort?.postMessage('done');
  }
}
