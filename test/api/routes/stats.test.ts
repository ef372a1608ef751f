import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createStatsRoutes } from '../../../src/api/routes/stats.js';
import { startApiServer, type ApiServer } from '../../support/api-server.js';
import { responseErrors } from '../../support/openapi-responses.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-db.js';

let database: TestDatabase;
let clockMs = 0;
let cachedApi: ApiServer;
let uncachedApi: ApiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.knex;
  cachedApi = await startApiServer({
    db,
    modules: [createStatsRoutes({ db, cacheSeconds: 60, now: () => clockMs })],
  });
  uncachedApi = await startApiServer({
    db,
    modules: [createStatsRoutes({ db, cacheSeconds: 0 })],
  });
});
afterAll(async () => {
  await cachedApi.close();
  await uncachedApi.close();
  await database.drop();
});
beforeEach(async () => {
  await database.knex('quote_checks').delete();
  clockMs += 3_600_000; // past any cached answer of a previous test
});

const T0 = new Date('2026-01-05T10:00:00Z');

interface Seed {
  errors?: string[] | null;
  seconds?: number | null;
  usage?: Record<string, unknown> | null;
}

async function seed(rows: Seed[]): Promise<void> {
  await database.knex('quote_checks').insert(
    rows.map((row) => ({
      profile: 'artisan',
      started_at: T0,
      finished_at:
        row.seconds === undefined || row.seconds === null
          ? null
          : new Date(T0.getTime() + row.seconds * 1000),
      validation_errors: row.errors ? JSON.stringify(row.errors) : null,
      qa_result:
        row.usage === undefined
          ? null
          : JSON.stringify(row.usage === null ? {} : { usage: row.usage }),
    })),
  );
}

async function stats(api: ApiServer): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.url}/api/v1/stats`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(
    responseErrors(api.document, { method: 'GET', path: '/api/v1/stats', status: 200 }, body),
  ).toEqual([]);
  return body;
}

describe('GET /api/v1/stats (spec/api.md §5.20)', () => {
  it('answers the six keys, null figures, when there is no quote check', async () => {
    expect(await stats(uncachedApi)).toEqual({
      quote_checks_count: 0,
      average_quote_check_errors_count: null,
      average_quote_check_processing_time: null,
      median_quote_check_processing_time: null,
      average_quote_check_cost: null,
      unique_visitors_count: null,
    });
  });

  it('computes each figure with the roundings of the spec', async () => {
    await seed([
      {
        errors: ['a', 'b', 'c'],
        seconds: 10.2,
        usage: { prompt_tokens: 1500, completion_tokens: 300 },
      },
      { errors: ['a'], seconds: 20, usage: { prompt_tokens: 1000, completion_tokens: 1000 } },
      { errors: [], seconds: 0 }, // not strictly above 0 s: no duration
      { errors: null }, // pending
      { errors: ['x', 'y'], seconds: 1000, usage: null }, // not below 1000 s; LLM result without usage
      { errors: ['x'], seconds: 5.5 },
      { seconds: 3 },
      { seconds: -4 }, // finished before it started: no duration
      { usage: { prompt_tokens: 100_000, completion_tokens: 50_000, total_tokens: 150_000 } },
    ]);

    expect(await stats(uncachedApi)).toEqual({
      quote_checks_count: 9,
      // 7 errors over 9 checks = 0.777… → 0.8
      average_quote_check_errors_count: 0.8,
      // 10.2, 20, 5.5, 3 → 38.7 / 4 = 9.675 → 10
      average_quote_check_processing_time: 10,
      // rounded up 3, 6, 11, 20 → (6 + 11) / 2
      median_quote_check_processing_time: 8.5,
      // per check: 0.01 + 0.01 = 0.02; 0.01 + 0.01 = 0.02; 100 × 0.00216 = 0.216 → 0.22 plus
      // 50 × 0.00648 = 0.324 → 0.33, so 0.55; mean 0.59 / 3 = 0.1966… → 0.20
      average_quote_check_cost: 0.2,
      unique_visitors_count: null,
    });
  });

  it('takes the median of an odd count and rounds a mean up even when barely above', async () => {
    await seed([{ seconds: 1.001 }, { seconds: 2 }, { seconds: 999.5 }, { errors: ['a'] }]);

    expect(await stats(uncachedApi)).toMatchObject({
      quote_checks_count: 4,
      average_quote_check_errors_count: 0.3, // 1 / 4 = 0.25 → 0.3
      average_quote_check_processing_time: 335, // 1002.501 / 3 = 334.167 → 335
      median_quote_check_processing_time: 2, // 2, 2, 1000
    });
  });

  it('keeps its answer for the cache time, then computes it again', async () => {
    await seed([{ errors: ['a'] }]);
    expect(await stats(cachedApi)).toMatchObject({ quote_checks_count: 1 });

    await seed([{ errors: ['b'] }]);
    clockMs += 59_000;
    expect(await stats(cachedApi)).toMatchObject({ quote_checks_count: 1 });
    expect(await stats(uncachedApi)).toMatchObject({ quote_checks_count: 2 });

    clockMs += 2_000;
    expect(await stats(cachedApi)).toMatchObject({ quote_checks_count: 2 });
  });
});
