import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { startClaimLoop } from '../../src/pipeline/claim-loop.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await closeTestReader();
  await database.drop();
});

async function waitFinal(id: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await getQuoteCheck(database.knex, id))?.stage === 'final') return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

describe('the claim loop', () => {
  it('is woken by NOTIFY: with an hour-long poll, submitted quotes are still judged', async () => {
    const bytes = new Uint8Array(
      await readFile(new URL('../fixtures/files/dev-02.pdf', import.meta.url)),
    );
    const loop = startClaimLoop(runnerDeps(database, { workerId: undefined as never }), {
      databaseUrl: database.url,
      concurrency: 2,
      pollMs: 3_600_000,
    });
    try {
      // let the loop reach its idle wait and LISTEN before submitting
      await new Promise((r) => setTimeout(r, 300));
      for (const name of ['un.pdf', 'deux.pdf', 'trois.pdf']) {
        const { checks } = await submitFiles(database.knex, [{ filename: name, bytes }], {
          profile: 'artisan',
        });
        // only a notification can wake a loop polling every hour
        expect(await waitFinal(checks[0]!.id, 15_000)).toBe(true);
      }
    } finally {
      await loop.stop();
    }
  });

  it('picks up a check submitted while it was starting (before LISTEN was up)', async () => {
    const loop = startClaimLoop(runnerDeps(database, { workerId: undefined as never }), {
      databaseUrl: database.url,
      concurrency: 2,
      pollMs: 3_600_000,
    });
    try {
      // the first claim runs at once and finds nothing; LISTEN is not up yet
      await new Promise((r) => setTimeout(r, 5));
      const bytes = new TextEncoder().encode('DEVIS N° S-1\nTotal HT 100,00 €\n');
      const { checks } = await submitFiles(database.knex, [{ filename: 's.txt', bytes }], {
        profile: 'artisan',
      });
      expect(await waitFinal(checks[0]!.id, 10_000)).toBe(true);
    } finally {
      await loop.stop();
    }
  }, 30_000);

  it('stops between steps and gives its leases back', async () => {
    const bytes = new TextEncoder().encode('DEVIS N° X-1\nTotal HT 100,00 €\n');
    const loop = startClaimLoop(runnerDeps(database), {
      databaseUrl: database.url,
      concurrency: 1,
      pollMs: 50,
    });
    await loop.stop();
    const { checks } = await submitFiles(database.knex, [{ filename: 'x.txt', bytes }], {
      profile: 'artisan',
    });
    const row = await getQuoteCheck(database.knex, checks[0]!.id);
    expect(row?.stage).toBe('received');
    const leased = await database.knex('quote_checks').whereNotNull('locked_by').count();
    expect(Number((leased[0] as { count: string }).count)).toBe(0);
  });
});
