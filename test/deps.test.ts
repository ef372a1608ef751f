/**
 * The composition root says once that the virus scan is off: in the process that scans files
 * (the claim loop), not in the service's main thread nor in each minute job (issue 9).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

async function messagesOf(readsFiles: boolean): Promise<string[]> {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const config = loadConfig({
    DATABASE_URL: database.url,
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
  });
  const deps = await createDeps(config, { logger, readsFiles, migrate: false });
  await deps.close();
  return lines.map((line) => String((JSON.parse(line) as { msg?: string }).msg));
}

describe('createDeps', () => {
  it('says « virus scan off » only in a process that reads quote files', async () => {
    expect((await messagesOf(true)).filter((m) => m.startsWith('virus scan off'))).toHaveLength(1);
    expect((await messagesOf(false)).filter((m) => m.startsWith('virus scan off'))).toHaveLength(0);
  }, 30_000);
});
