/**
 * Privacy (DESIGN.md §4): a provider not allowed personal data only ever receives the
 * anonymised text; the private-data reading runs only with a provider allowed the full text.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLlmClient } from '../../src/adapters/llm/llm-client.js';
import { loadConfig } from '../../src/config.js';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { chooseLlmProviders } from '../../src/deps.js';
import { createSilentLogger } from '../../src/logger.js';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { startFakeHttp, type FakeHttp } from '../support/fake-http.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
let llm: FakeHttp;

const ANSWER = JSON.stringify({ version: '1' });

beforeAll(async () => {
  database = await createTestDatabase();
  llm = await startFakeHttp({
    'POST /v1/chat/completions': {
      body: {
        id: 'chatcmpl-privacy',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-test',
        choices: [
          { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: ANSWER } },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    },
    'GET /v1/models': { body: { object: 'list', data: [{ id: 'gpt-test', object: 'model' }] } },
  });
});

afterAll(async () => {
  await llm.close();
  await closeTestReader();
  await database.drop();
});

describe('LLM providers', () => {
  it('are chosen per reading: full text only to providers allowed personal data', () => {
    const pick = (env: Record<string, string>) => {
      const chosen = chooseLlmProviders(loadConfig(env));
      return { privateData: chosen.privateData?.name, worksData: chosen.worksData?.name };
    };
    expect(pick({})).toEqual({ privateData: undefined, worksData: undefined });
    expect(pick({ MISTRAL_API_KEY: 'k' })).toEqual({
      privateData: undefined,
      worksData: 'mistral',
    });
    expect(pick({ MISTRAL_API_KEY: 'k', ALBERT_API_KEY: 'k' })).toEqual({
      privateData: 'albert',
      worksData: 'mistral',
    });
    expect(pick({ MISTRAL_API_KEY: 'k', LLM_PERSONAL_DATA_PROVIDERS: 'Mistral' })).toEqual({
      privateData: 'mistral',
      worksData: 'mistral',
    });
    expect(pick({ OLLAMA_BASE_URL: 'http://127.0.0.1:1' })).toEqual({
      privateData: 'ollama',
      worksData: 'ollama',
    });
  });

  it('a provider without personal data receives the anonymised text only', async () => {
    const provider = chooseLlmProviders(
      loadConfig({
        OPENAI_BASE_URL: `${llm.url}/v1`,
        OPENAI_API_KEY: 'k',
        OPENAI_MODEL: 'gpt-test',
      }),
    ).worksData!;
    const client = createLlmClient({
      provider,
      timeoutMs: 5000,
      maxRetries: 0,
      logger: createSilentLogger(),
    });
    const deps = runnerDeps(database, { llm: { worksData: client } });
    const bytes = new Uint8Array(
      await readFile(new URL('../fixtures/files/dev-02.pdf', import.meta.url)),
    );
    const { checks } = await submitFiles(database.knex, [{ filename: 'p.pdf', bytes }], {
      profile: 'artisan',
    });
    await processChecksUntilFinal(deps, [checks[0]!.id], { timeoutMs: 30_000, pollMs: 5 });
    const check = await getQuoteCheck(database.knex, checks[0]!.id);
    expect(check?.stage).toBe('final');
    const calls = llm.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(calls).toHaveLength(1);
    const sent = calls[0]!.body;
    // names, SIRET, address and phone of the quote never leave; their tokens do
    const client_ = check!.naiveAttributes!.client!;
    const pro = check!.naiveAttributes!.pro!;
    for (const value of [client_.nom, client_.prenom, pro.siret, pro.raison_sociale]) {
      expect(value).toBeTruthy();
      expect(sent).not.toContain(value!);
    }
    expect(sent).toMatch(/SIRET|RAISON_SOCIALE|NOM/u);
    // the token usage is kept for the cost of /api/v1/stats, not the answer
    const stored = (await database
      .knex('quote_checks')
      .where({ id: checks[0]!.id })
      .first('qa_result')) as { qa_result: unknown };
    expect(stored.qa_result).toEqual({
      model: 'gpt-test',
      calls: 1,
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  });
});
