/**
 * Pipeline deps for tests: a test database, the real PDF reader, no OCR, lookups and LLMs only
 * when a test points them at its loopback fakes; fast retries.
 */
import { createPdfReader, type PdfReader } from '../../src/adapters/pdf/pdf-reader.js';
import { createSilentLogger } from '../../src/logger.js';
import type { RunnerDeps } from '../../src/pipeline/runner.js';
import type { TestDatabase } from './test-db.js';

let sharedReader: PdfReader | undefined;

export function testReader(): PdfReader {
  sharedReader ??= createPdfReader();
  return sharedReader;
}

export async function closeTestReader(): Promise<void> {
  await sharedReader?.close();
  sharedReader = undefined;
}

export function runnerDeps(
  database: Pick<TestDatabase, 'knex'>,
  overrides: Partial<RunnerDeps> = {},
): RunnerDeps {
  return {
    db: database.knex,
    logger: createSilentLogger(),
    reader: testReader(),
    readTimeoutMs: 20_000,
    lookupTtlMs: 3_600_000,
    llm: {},
    today: () => '2026-11-24',
    workerId: 'test-worker',
    leaseMs: 30_000,
    maxAttempts: 3,
    retryBaseMs: 1,
    ...overrides,
  };
}
