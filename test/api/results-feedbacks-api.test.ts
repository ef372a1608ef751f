/**
 * `/results` pages and feedbacks through real HTTP (spec/api.md §5.12, §5.14, §5.15): internal
 * routes, the message escaped, feedback validation.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createQuotesCase } from '../../src/db/quotes-cases-repo.js';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { AMI_KEY, MDSO_KEY, startTestApi, type TestApi } from '../support/api-test-server.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

// these tests run the real pipeline: room for a loaded machine
jest.setTimeout(120_000);

let database: TestDatabase;
let server: TestApi;
let checkId: string;
let caseId: string;
let detailIds: string[];

const HOSTILE_NAME = '<img src=x onerror=alert(1)>.txt';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestApi(database);
  caseId = await createQuotesCase(database.knex, { profile: 'artisan', sourceName: 'ami' });
  const bytes = new TextEncoder().encode('DEVIS\nPompe à chaleur air/eau 8 kW\n');
  const { checks } = await submitFiles(database.knex, [{ filename: HOSTILE_NAME, bytes }], {
    profile: 'artisan',
    sourceName: 'ami',
    caseId,
  });
  checkId = checks[0]!.id;
  await processChecksUntilFinal(runnerDeps(database), [checkId], { timeoutMs: 60_000 });
  const read = await server.api(`/api/v1/quote_checks/${checkId}`);
  detailIds = ((read.json as { error_details?: { id: string }[] }).error_details ?? []).map(
    (d) => d.id,
  );
});

afterAll(async () => {
  await server.close();
  await closeTestReader();
  await database.drop();
});

describe('GET …/results', () => {
  it('gives the professional message as escaped HTML and as text, for a check and a case', async () => {
    expect(detailIds.length).toBeGreaterThan(0);
    for (const path of [`/api/v1/quote_checks/${checkId}`, `/api/v1/quotes_cases/${caseId}`]) {
      for (const suffix of ['/results', '/results.html']) {
        const html = await server.api(`${path}${suffix}`);
        expect(html.status).toBe(200);
        expect(html.headers.get('content-type')).toMatch(/^text\/html/u);
        expect(html.text).toContain('Bonjour,');
        expect(html.text).not.toContain('<img');
        expect(html.text).toContain('&lt;img src=x onerror=alert(1)&gt;.txt');
      }
      const text = await server.api(`${path}/results.txt`);
      expect(text.headers.get('content-type')).toMatch(/^text\/plain/u);
      expect(text.text).toContain(HOSTILE_NAME);
    }
  });

  it('is internal (partner key 401), scoped (404) and needs a key', async () => {
    expect(
      (await server.api(`/api/v1/quote_checks/${checkId}/results`, { key: AMI_KEY })).status,
    ).toBe(401);
    expect((await server.api(`/api/v1/quotes_cases/${caseId}/results`, { key: null })).status).toBe(
      401,
    );
    expect((await server.api('/api/v1/quote_checks/nope/results')).status).toBe(404);
  });
});

describe('POST …/feedbacks', () => {
  const post = (path: string, body: unknown, key: string | null = MDSO_KEY) =>
    server.api(path, {
      method: 'POST',
      key,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const global = () => `/api/v1/quote_checks/${checkId}/feedbacks`;

  it('stores a global feedback and answers it with its nulls', async () => {
    const res = await post(global(), { rating: 4, comment: 'Clair', email: null, autre: true });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.any(String),
      quote_check_id: checkId,
      comment: 'Clair',
      rating: 4,
      email: null,
    });
    const rows = await database.knex('quote_check_feedbacks').where({ quote_check_id: checkId });
    expect(rows).toHaveLength(1);
  });

  it('stores a feedback on a finding, by body or by path', async () => {
    const detail = detailIds[0]!;
    const byBody = await post(global(), { validation_error_details_id: detail, comment: 'Faux' });
    expect(byBody.status).toBe(201);
    expect(byBody.json).toEqual({
      id: expect.any(String),
      quote_check_id: checkId,
      comment: 'Faux',
      validation_error_details_id: detail,
    });
    const byPath = await post(`/api/v1/quote_checks/${checkId}/error_details/${detail}/feedbacks`, {
      comment: 'Présent page 2',
    });
    expect(byPath.status).toBe(201);
  });

  it('validates: rating 0–5 required, e-mail syntax, comment ≤ 1000, known finding id', async () => {
    const messages = async (body: unknown) => {
      const res = await post(global(), body);
      expect(res.status).toBe(422);
      return (res.json as { message: string[] }).message.join(' ');
    };
    expect(await messages({ comment: 'x' })).toContain('rating');
    expect(await messages({ rating: 6 })).toContain('rating');
    expect(await messages({ rating: 2.5 })).toContain('rating');
    expect(await messages({ rating: 3, email: 'pas-une-adresse' })).toContain('email');
    expect(await messages({ rating: 3, comment: 'x'.repeat(1001) })).toContain('1000');
    expect(await messages({ validation_error_details_id: 'inconnu', comment: 'x' })).toContain(
      'inconnu',
    );
    expect(await messages({ validation_error_details_id: detailIds[0] })).toContain('comment');
    const unknown = await post(`/api/v1/quote_checks/${checkId}/error_details/inconnu/feedbacks`, {
      comment: 'x',
    });
    expect(unknown.status).toBe(404);
  });

  it('is internal: partner key 401, no key 401, unknown check 404', async () => {
    expect((await post(global(), { rating: 1 }, AMI_KEY)).status).toBe(401);
    expect((await post(global(), { rating: 1 }, null)).status).toBe(401);
    expect((await post('/api/v1/quote_checks/123/feedbacks', { rating: 1 })).status).toBe(404);
  });
});
