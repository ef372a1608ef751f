/**
 * The frontend's call sequence (spec/api.md §12) against the started API and the real claim
 * loop: upload (multipart, metadata as a JSON string) → poll until final → read → delete a
 * finding with the reason label → re-read → comment, restore → feedback; then the same edits on
 * a case finding, and the edit routes' refusals (internal only, scoped, unknown ids, pending).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startClaimLoop, type ClaimLoop } from '../../src/pipeline/claim-loop.js';
import { AMI_KEY, MDSO_KEY, startTestApi, type TestApi } from '../support/api-test-server.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

// these tests run the real pipeline: room for a loaded machine
jest.setTimeout(120_000);

let database: TestDatabase;
let server: TestApi;
let loop: ClaimLoop;

type Detail = { id: string; code: string; deleted: boolean; comment?: string };
type Check = {
  id: string;
  status: string;
  finished_at?: string;
  filename?: string;
  error_details?: Detail[];
};

const QUOTE = 'DEVIS n° 42\nSARL Chaleur\nPompe à chaleur air/eau 8 kW\nTotal TTC 9 500 €\n';

async function pollUntilFinal(id: string): Promise<Check> {
  for (let i = 0; i < 600; i++) {
    const res = await server.api(`/api/v1/quote_checks/${id}`);
    const check = res.json as Check;
    if (check.status !== 'pending' && check.finished_at && check.filename) return check;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`check ${id} still pending`);
}

const call = (
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null } = {},
) =>
  server.api(path, {
    method,
    key: options.key === undefined ? MDSO_KEY : options.key,
    ...(options.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(options.body) }),
  });

async function uploadQuote(caseId?: string): Promise<string> {
  const data = new FormData();
  data.append('file', new Blob([QUOTE], { type: 'text/plain' }), 'devis-42.txt');
  data.append('profile', 'artisan');
  data.append('renovation_type', caseId ? 'ampleur' : 'geste');
  data.append(
    'metadata',
    JSON.stringify({ aides: ['CEE'], gestes: ['Pompe à chaleur air / eau'] }),
  );
  if (caseId) data.append('case_id', caseId);
  const res = await server.api('/api/v1/quote_checks', { method: 'POST', body: data });
  expect(res.status).toBe(201);
  return (res.json as { id: string }).id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestApi(database);
  loop = startClaimLoop(runnerDeps(database, { workerId: undefined as never }), {
    databaseUrl: database.url,
    concurrency: 2,
    pollMs: 200,
  });
});

afterAll(async () => {
  await loop.stop();
  await server.close();
  await closeTestReader();
  await database.drop();
});

describe('the frontend sequence', () => {
  it('upload → poll → read → delete → re-read → comment → restore → feedback', async () => {
    const id = await uploadQuote();
    const check = await pollUntilFinal(id);
    expect(check.status).toBe('invalid');
    const detail = check.error_details![0]!;
    // the frontend offers the labels of this route and sends back the chosen label
    const reasons = await server.api('/api/v1/quote_checks/error_detail_deletion_reasons');
    const label = (reasons.json as { data: Record<string, string> }).data['information_present'];
    const path = `/api/v1/quote_checks/${id}/error_details/${encodeURIComponent(detail.id)}`;
    // the frontend appends the label without encoding; fetch percent-encodes it
    const deleted = await call('DELETE', `${path}?reason=${label}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    let reread = (await server.api(`/api/v1/quote_checks/${id}`)).json as Check;
    expect(reread.error_details!.map((d) => d.id)).toEqual(check.error_details!.map((d) => d.id));
    expect(reread.error_details!.find((d) => d.id === detail.id)!.deleted).toBe(true);
    expect(reread.status).toBe('invalid');
    const stored = await database.knex('quote_checks').where({ id }).first();
    expect(stored.validation_error_edits[detail.id].reason).toBe('information_present');
    expect(stored.validation_error_edited_at).toBeInstanceOf(Date);
    expect(
      (await call('PATCH', path, { body: { comment: 'Voir <i>page 2</i><script>x</script>' } }))
        .status,
    ).toBe(200);
    expect((await call('POST', path)).status).toBe(201);
    reread = (await server.api(`/api/v1/quote_checks/${id}`)).json as Check;
    const after = reread.error_details!.find((d) => d.id === detail.id)!;
    expect(after).toMatchObject({ deleted: false, comment: 'Voir <i>page 2</i>' });
    const feedback = await call('POST', `/api/v1/quote_checks/${id}/feedbacks`, {
      body: { rating: 5, comment: 'Merci', email: 'pro@example.fr' },
    });
    expect(feedback.status).toBe(201);
  });

  it('edits on a case finding; refusals: partner key, missing comment, unknown ids', async () => {
    const created = await call('POST', '/api/v1/quotes_cases', { body: { profile: 'artisan' } });
    const caseId = (created.json as { id: string }).id;
    const ids = [await uploadQuote(caseId), await uploadQuote(caseId)];
    for (const id of ids) await pollUntilFinal(id);
    let quotesCase: { status?: string; error_details?: Detail[] } = {};
    for (
      let i = 0;
      i < 200 && quotesCase.status !== 'invalid' && quotesCase.status !== 'valid';
      i++
    ) {
      quotesCase = (await server.api(`/api/v1/quotes_cases/${caseId}`)).json as typeof quotesCase;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(quotesCase.status).toBeDefined();
    const checkDetail = ((await server.api(`/api/v1/quote_checks/${ids[0]}`)).json as Check)
      .error_details![0]!;
    const checkPath = `/api/v1/quote_checks/${ids[0]}/error_details/${checkDetail.id}`;
    expect((await call('DELETE', checkPath, { key: AMI_KEY })).status).toBe(401);
    expect((await call('DELETE', checkPath, { key: null })).status).toBe(401);
    expect((await call('PATCH', checkPath, { body: { autre: 1 } })).status).toBe(400);
    expect(
      (await call('DELETE', `/api/v1/quote_checks/${ids[0]}/error_details/inconnu`)).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/api/v1/quote_checks/zz/error_details/${checkDetail.id}`)).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/api/v1/quotes_cases/${caseId}/error_details/inconnu`)).status,
    ).toBe(404);
    // a case-level finding with the code of a check's finding: the edit propagates to the check
    const caseFinding = {
      ...checkDetail,
      id: `${caseId}-1`,
      category: 'case_incoherence',
      from_case: true,
    };
    delete (caseFinding as Partial<Detail>).deleted;
    await database
      .knex('quotes_cases')
      .where({ id: caseId })
      .update({ validation_error_details: JSON.stringify([caseFinding]) });
    const casePath = `/api/v1/quotes_cases/${caseId}/error_details/${caseFinding.id}`;
    expect((await call('DELETE', `${casePath}?reason=not_used`)).status).toBe(204);
    const reread = (await server.api(`/api/v1/quotes_cases/${caseId}`))
      .json as typeof quotesCase & {
      quote_checks: Check[];
    };
    expect(reread.error_details!.find((d) => d.id === caseFinding.id)!.deleted).toBe(true);
    const propagated = reread.quote_checks.find((c) => c.id === ids[0])!;
    expect(propagated.error_details!.find((d) => d.id === checkDetail.id)!.deleted).toBe(true);
  });

  it('refuses an edit while the check is being analysed (409)', async () => {
    await loop.stop();
    const id = await uploadQuote();
    const res = await call('DELETE', `/api/v1/quote_checks/${id}/error_details/${id}-1`);
    expect(res.status).toBe(409);
    loop = startClaimLoop(runnerDeps(database, { workerId: undefined as never }), {
      databaseUrl: database.url,
      concurrency: 2,
      pollMs: 200,
    });
  });
});
