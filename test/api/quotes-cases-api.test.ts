/** Cases through real HTTP (spec/api.md §5.17–5.19): create, read with checks, reference. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { AMI_KEY, MDSO_KEY, startTestApi, type TestApi } from '../support/api-test-server.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

// these tests run the real pipeline: room for a loaded machine
jest.setTimeout(120_000);

let database: TestDatabase;
let server: TestApi;

const json = (method: string, path: string, body: unknown, key: string | null = MDSO_KEY) =>
  server.api(path, {
    method,
    key,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const uploadTo = async (caseId: string, name: string, key = MDSO_KEY) => {
  const data = new FormData();
  data.append('file', new Blob([`DEVIS ${name}\nIsolation des combles perdus 80 m2\n`]), name);
  data.append('case_id', caseId);
  const res = await server.api('/api/v1/quote_checks', { method: 'POST', key, body: data });
  expect(res.status).toBe(201);
  return (res.json as { id: string }).id;
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestApi(database);
});

afterAll(async () => {
  await server.close();
  await closeTestReader();
  await database.drop();
});

describe('POST /api/v1/quotes_cases', () => {
  it('creates a case of the caller with defaults; metadata as an object or a JSON string', async () => {
    const res = await json(
      'POST',
      '/api/v1/quotes_cases',
      {
        profile: 'particulier',
        metadata: { aides: ['CEE'], gestes: ['Volet isolant'] },
        inconnu: 1,
      },
      AMI_KEY,
    );
    expect(res.status).toBe(201);
    const body = res.json as Record<string, unknown>;
    expect(body['result_link']).toBe(
      `https://front.example.fr/particulier/dossier/${String(body['id'])}?mtm_campaign=api`,
    );
    expect(body).not.toHaveProperty('status');
    expect(body).not.toHaveProperty('quote_checks');
    const row = await database.knex('quotes_cases').where({ id: body['id'] }).first();
    expect(row).toMatchObject({ source_name: 'ami', renovation_type: 'ampleur' });
    expect(row.metadata).toEqual({ aides: ['CEE'], gestes: ['Volet isolant'] });
    const fromString = await json('POST', '/api/v1/quotes_cases', {
      metadata: JSON.stringify({ aides: ['Aide locale'] }),
      reference: 'D-1',
    });
    expect(fromString.status).toBe(201);
    expect(fromString.json).toMatchObject({ reference: 'D-1', profile: 'conseiller' });
  });

  it('gives 422 to a bad profile or metadata, 401 without a key', async () => {
    expect((await json('POST', '/api/v1/quotes_cases', { profile: 'mandataire' })).status).toBe(
      422,
    );
    expect(
      (await json('POST', '/api/v1/quotes_cases', { metadata: { aides: 'CEE' } })).status,
    ).toBe(422);
    expect((await json('POST', '/api/v1/quotes_cases', { renovation_type: 'tout' })).status).toBe(
      422,
    );
    expect((await json('POST', '/api/v1/quotes_cases', {}, null)).status).toBe(401);
    expect((await json('POST', '/api/v1/quotes_cases', {}, 'faux')).status).toBe(401);
  });
});

describe('GET and PATCH /api/v1/quotes_cases/{id}', () => {
  it('embeds its checks newest first, marks finished ones delivered, stays scoped', async () => {
    const created = await json('POST', '/api/v1/quotes_cases', { profile: 'artisan' }, AMI_KEY);
    const caseId = (created.json as { id: string }).id;
    const first = await uploadTo(caseId, 'un.txt', AMI_KEY);
    const second = await uploadTo(caseId, 'deux.txt', AMI_KEY);
    const pending = await server.api(`/api/v1/quotes_cases/${caseId}`, { key: AMI_KEY });
    expect(pending.json).toMatchObject({ status: 'pending' });
    await processChecksUntilFinal(runnerDeps(database), [first, second], { timeoutMs: 60_000 });
    const res = await server.api(`/api/v1/quotes_cases/${caseId}`, { key: AMI_KEY });
    expect(res.status).toBe(200);
    const body = res.json as { quote_checks: { id: string; case_id: string; filename: string }[] };
    expect(body.quote_checks.map((c) => c.id)).toEqual([second, first]);
    expect(body.quote_checks[0]).toMatchObject({ case_id: caseId, filename: 'deux.txt' });
    const rows = await database
      .knex('quote_checks')
      .where({ case_id: caseId })
      .select('result_sent_at');
    for (const row of rows) expect(row.result_sent_at).toBeInstanceOf(Date);
    expect((await server.api(`/api/v1/quotes_cases/${caseId}`, { key: MDSO_KEY })).status).toBe(
      200,
    );
    const mdsoCase = (await json('POST', '/api/v1/quotes_cases', {})).json as { id: string };
    expect((await server.api(`/api/v1/quotes_cases/${mdsoCase.id}`, { key: AMI_KEY })).status).toBe(
      404,
    );
    expect((await server.api('/api/v1/quotes_cases/zzz')).status).toBe(404);
    expect((await server.api(`/api/v1/quotes_cases/${caseId}`, { key: null })).status).toBe(401);
  });

  it('changes the reference with PATCH and PUT, clears it with null; scoped', async () => {
    const { id } = (await json('POST', '/api/v1/quotes_cases', { reference: 'A' }, AMI_KEY))
      .json as {
      id: string;
    };
    const patched = await json(
      'PATCH',
      `/api/v1/quotes_cases/${id}`,
      { reference: 'B', x: 1 },
      AMI_KEY,
    );
    expect(patched.json).toMatchObject({ id, reference: 'B' });
    const cleared = await json('PUT', `/api/v1/quotes_cases/${id}`, { reference: null }, AMI_KEY);
    expect(cleared.json).not.toHaveProperty('reference');
    expect(
      (await json('PATCH', `/api/v1/quotes_cases/${id}`, { reference: 3 }, AMI_KEY)).status,
    ).toBe(422);
    const mdso = (await json('POST', '/api/v1/quotes_cases', {})).json as { id: string };
    expect(
      (await json('PATCH', `/api/v1/quotes_cases/${mdso.id}`, { reference: 'C' }, AMI_KEY)).status,
    ).toBe(404);
  });
});
