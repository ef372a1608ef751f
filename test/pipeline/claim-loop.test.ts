import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLlmClient } from '../../src/adapters/llm/llm-client.js';
import { buildLlmProviders } from '../../src/adapters/llm/providers.js';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { createSilentLogger } from '../../src/logger.js';
import { startClaimLoop } from '../../src/pipeline/claim-loop.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { startFakeHttp, type FakeResponse } from '../support/fake-http.js';
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

  describe('stopping while a check is in its LLM step', () => {
    const ANSWER = JSON.stringify({ version: '1' });
    const completion = (delayMs: number | 'hang'): FakeResponse => ({
      ...(delayMs === 'hang' ? { hang: true } : { delayMs }),
      body: {
        id: 'c',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: ANSWER } },
        ],
      },
    });

    /**
     * Starts a loop whose LLM answers as told; resolves once a call is pending, with the check in
     * flight (the oldest due one: it may be left by an earlier test) and its stage then.
     */
    async function loopInLlmStep(answer: FakeResponse) {
      const llm = await startFakeHttp({ 'POST /v1/chat/completions': answer });
      const provider = buildLlmProviders({
        OLLAMA_BASE_URL: llm.url,
        OLLAMA_MODEL: 'm',
        ALBERT_MODEL: 'a',
        MISTRAL_MODEL: 'm',
        OPENAI_MODEL: 'o',
      } as never).ollama!;
      const client = createLlmClient({
        provider,
        timeoutMs: 60_000,
        maxRetries: 0,
        logger: createSilentLogger(),
      });
      const bytes = new TextEncoder().encode('DEVIS N° L-1\nTotal HT 100,00 €\n');
      await submitFiles(database.knex, [{ filename: 'l.txt', bytes }], { profile: 'artisan' });
      const loop = startClaimLoop(
        runnerDeps(database, { workerId: undefined as never, llm: { privateData: client } }),
        { databaseUrl: database.url, concurrency: 1, pollMs: 3_600_000, stopGraceMs: 2_000 },
      );
      const deadline = Date.now() + 15_000;
      while (llm.requests.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(llm.requests.length).toBeGreaterThan(0);
      const leased = await database.knex('quote_checks').whereNotNull('locked_by');
      expect(leased).toHaveLength(1);
      return { loop, llm, id: leased[0].id as string, stageAtStop: leased[0].stage as string };
    }

    it('lets the step finish, then gives the check back', async () => {
      const { loop, llm, id, stageAtStop } = await loopInLlmStep(completion(300));
      try {
        await loop.stop();
        const row = await database.knex('quote_checks').where({ id }).first();
        expect(row.stage).not.toBe(stageAtStop); // the LLM step was written
        expect(row.stage).not.toBe('final'); // and no further step was started
        expect(row).toMatchObject({ locked_by: null, locked_until: null, attempts: 0 });
      } finally {
        await llm.close();
      }
    });

    it('gives the check back at once when its step outlasts the grace', async () => {
      const { loop, llm, id, stageAtStop } = await loopInLlmStep(completion('hang'));
      try {
        await loop.stop();
        const row = await database.knex('quote_checks').where({ id }).first();
        expect(row).toMatchObject({ stage: stageAtStop, locked_by: null, attempts: 0 });
      } finally {
        await llm.close();
      }
    });
  });
});
