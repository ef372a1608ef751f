/**
 * auth/check, reading and updating a quote check through real HTTP (spec/api.md §5.1, §5.10,
 * §5.11), every response validated against the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { AMI_KEY, MDSO_KEY, startTestApi, type TestApi } from '../support/api-test-server.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

// these tests run the real pipeline: room for a loaded machine
jest.setTimeout(120_000);

let database: TestDatabase;
let server: TestApi;
let mdsoCheck: string;
let amiCheck: string;
let pendingCheck: string;

const QUOTE = new TextEncoder().encode(
  'DEVIS n° 12\nSARL Test Isolation\nSIRET 123 456 789 00012\nIsolation des combles perdus 100 m2 R = 7\n',
);

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestApi(database);
  const submit = async (sourceName: string) =>
    (
      await submitFiles(database.knex, [{ filename: 'devis <b>.txt', bytes: QUOTE }], {
        profile: 'artisan',
        sourceName,
      })
    ).checks[0]!.id;
  mdsoCheck = await submit('mdso');
  amiCheck = await submit('ami');
  await processChecksUntilFinal(runnerDeps(database), [mdsoCheck, amiCheck], { timeoutMs: 60_000 });
  pendingCheck = await submit('ami');
});

afterAll(async () => {
  await server.close();
  await closeTestReader();
  await database.drop();
});

describe('GET /api/v1/auth/check', () => {
  it('names the partner of the key, verbatim, on both paths', async () => {
    for (const path of ['/api/v1/auth/check', '/auth/check']) {
      expect((await server.api(path)).json).toEqual({ user: 'MDSO' });
    }
    expect((await server.api('/api/v1/auth/check', { key: AMI_KEY })).json).toEqual({
      user: 'AMI',
    });
  });

  it('accepts any case of the scheme and a bare key, refuses a missing or wrong one', async () => {
    const headers = (authorization: string) => ({ key: null, headers: { authorization } });
    expect((await server.api('/api/v1/auth/check', headers(`bEaReR ${AMI_KEY}`))).status).toBe(200);
    expect((await server.api('/api/v1/auth/check', headers(AMI_KEY))).status).toBe(200);
    const missing = await server.api('/api/v1/auth/check', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({
      error: 'Unauthorized',
      message: ['API key is required or invalid'],
    });
    const wrong = await server.api('/api/v1/auth/check', { key: `${AMI_KEY}x` });
    expect(wrong.status).toBe(401);
    expect((await server.api('/api/v1/auth/check', headers('Bearer '))).status).toBe(401);
  });
});

describe('GET /api/v1/quote_checks/{id}', () => {
  it('gives the finished check, marks it delivered, and the same finding ids on every read', async () => {
    const first = await server.api(`/api/v1/quote_checks/${mdsoCheck}`);
    expect(first.status).toBe(200);
    const body = first.json as Record<string, unknown>;
    expect(body['id']).toBe(mdsoCheck);
    expect(['valid', 'invalid']).toContain(body['status']);
    expect(body['filename']).toBe('devis <b>.txt');
    expect(body['finished_at']).toEqual(expect.any(String));
    expect(body['result_link']).toBe(
      `https://front.example.fr/artisan/devis/${mdsoCheck}?mtm_campaign=api`,
    );
    expect(Object.values(body)).not.toContain(null);
    for (const detail of body['error_details'] as { deleted: boolean }[]) {
      expect(detail.deleted).toBe(false);
    }
    const row = await database
      .knex('quote_checks')
      .where({ id: mdsoCheck })
      .first('result_sent_at');
    expect(row.result_sent_at).toBeInstanceOf(Date);
    const second = await server.api(`/api/v1/quote_checks/${mdsoCheck}`);
    expect(second.json).toEqual(body);
  });

  it('leaves a pending check without result_sent_at', async () => {
    const res = await server.api(`/api/v1/quote_checks/${pendingCheck}`, { key: AMI_KEY });
    expect((res.json as { status: string }).status).toBe('pending');
    const row = await database
      .knex('quote_checks')
      .where({ id: pendingCheck })
      .first('result_sent_at');
    expect(row.result_sent_at).toBeNull();
  });

  it('scopes partners to their records: 404, never the record; MDSO sees all', async () => {
    const other = await server.api(`/api/v1/quote_checks/${mdsoCheck}`, { key: AMI_KEY });
    expect(other.status).toBe(404);
    expect(other.json).toEqual({
      error: 'Record not found',
      message: [expect.stringContaining(mdsoCheck)],
    });
    expect((await server.api(`/api/v1/quote_checks/${amiCheck}`, { key: AMI_KEY })).status).toBe(
      200,
    );
    expect((await server.api(`/api/v1/quote_checks/${amiCheck}`, { key: MDSO_KEY })).status).toBe(
      200,
    );
  });

  it('answers 401 without a key or with a wrong one, 404 to malformed ids', async () => {
    const none = await server.api(`/api/v1/quote_checks/${mdsoCheck}`, { key: null });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: 'Unauthorized', message: ['HTTP Basic: Access denied.'] });
    expect((await server.api(`/api/v1/quote_checks/${mdsoCheck}`, { key: 'nope' })).status).toBe(
      401,
    );
    for (const id of ['123', 'not-a-uuid', `${mdsoCheck}0`, "1' OR '1'='1"]) {
      expect((await server.api(`/api/v1/quote_checks/${encodeURIComponent(id)}`)).status).toBe(404);
    }
  });
});

describe('PATCH|PUT /api/v1/quote_checks/{id}', () => {
  const patch = (id: string, body: unknown, key: string | null = MDSO_KEY, method = 'PATCH') =>
    server.api(`/api/v1/quote_checks/${id}`, {
      method,
      key,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('stores a sanitised comment with commented_at, ignores unknown keys, clears on null', async () => {
    const res = await patch(mdsoCheck, {
      comment: 'Vu <script>alert(1)</script><b>ok</b> 3 < 4',
      reference: ' REF-1 ',
      status: 'valid',
      metadata: { aides: ['x'] },
    });
    expect(res.status).toBe(200);
    const body = res.json as Record<string, unknown>;
    expect(body['comment']).toBe('Vu <b>ok</b> 3 &lt; 4');
    expect(body['reference']).toBe('REF-1');
    let row = await database.knex('quote_checks').where({ id: mdsoCheck }).first('commented_at');
    expect(row.commented_at).toBeInstanceOf(Date);
    const cleared = await patch(mdsoCheck, { comment: null }, MDSO_KEY, 'PUT');
    expect((cleared.json as Record<string, unknown>)['comment']).toBeUndefined();
    expect((cleared.json as Record<string, unknown>)['reference']).toBe('REF-1');
    row = await database.knex('quote_checks').where({ id: mdsoCheck }).first('commented_at');
    expect(row.commented_at).toBeNull();
  });

  it('refuses a comment over 1000 characters (422) and a non-string one', async () => {
    const res = await patch(mdsoCheck, { comment: 'x'.repeat(1001) });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      error: 'Validation failed',
      message: ['comment : 1000 caractères au plus.'],
    });
    expect((await patch(mdsoCheck, { comment: 12 })).status).toBe(422);
  });

  it('is internal: a partner key gets 401 even on its own record; no key 401; bad id 404', async () => {
    expect((await patch(amiCheck, { comment: 'x' }, AMI_KEY)).status).toBe(401);
    expect((await patch(amiCheck, { comment: 'x' }, null)).status).toBe(401);
    expect((await patch('abc', { comment: 'x' })).status).toBe(404);
  });

  it('answers 400 to unparsable JSON', async () => {
    const res = await server.api(`/api/v1/quote_checks/${mdsoCheck}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"comment":',
    });
    expect(res.status).toBe(400);
  });
});
