import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { REFERENCE_SIRET } from '../../../src/api/data-checks/siret-check.js';
import type { FakeHandler } from '../../support/fake-http.js';
import { loadRecording, recordedResponses } from '../../support/recordings.js';
import { startDataChecks, type DataChecksHarness } from './data-checks-support.js';

const SIRET = '33836289000034';
const SIRET_PATH = '/api/v1/data_checks/siret';
const TEMPLATE_SIRET = '00011122200074';
const known = JSON.stringify(
  loadRecording('sirene/known-siret.json').interactions[0]?.response.body,
);
const unknown = loadRecording('sirene/unknown-siret.json').interactions[0]?.response.body;

/** The directory from the hand-written answers: `found` SIRETs exist, others are unknown. */
function directory(found: readonly string[]): FakeHandler {
  return (req) => {
    const q = req.query['q'] ?? '';
    if (!found.includes(q)) return { body: unknown };
    const text = known
      .split(TEMPLATE_SIRET)
      .join(q)
      .split(TEMPLATE_SIRET.slice(0, 9))
      .join(q.slice(0, 9));
    return { body: JSON.parse(text) as unknown };
  };
}

let h: DataChecksHarness;

beforeAll(async () => {
  h = await startDataChecks();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.database.knex('lookup_cache').delete();
  h.sirene.requests.length = 0;
});

const asked = () => h.sirene.requests.map((r) => r.query['q']);
const codeBody = (code: string) => ({ error_details: [{ code }], valid: false });

describe('GET /api/v1/data_checks/siret (spec/api.md §5.6)', () => {
  it('a known SIRET is valid, looked up once then read from the cache', async () => {
    h.handlers.sirene = directory([SIRET, REFERENCE_SIRET]);

    expect(await h.get(`${SIRET_PATH}?siret=338%20362%20890%2000034`)).toEqual({
      status: 200,
      body: { valid: true },
    });
    expect(await h.get(`${SIRET_PATH}?siret=${SIRET}`)).toEqual({
      status: 200,
      body: { valid: true },
    });
    expect(asked()).toEqual([SIRET]);
  });

  it('an unknown SIRET → 404 siret_manquant once the reference SIRET is found', async () => {
    h.handlers.sirene = directory([REFERENCE_SIRET]);

    expect(await h.get(`${SIRET_PATH}?siret=${SIRET}`)).toEqual({
      status: 404,
      body: codeBody('siret_manquant'),
    });
    expect(asked()).toEqual([SIRET, REFERENCE_SIRET]);
  });

  it('fails open when the reference SIRET is unknown too', async () => {
    h.handlers.sirene = directory([]);

    expect(await h.get(`${SIRET_PATH}?siret=${SIRET}`)).toEqual({
      status: 200,
      body: { valid: true },
    });
    expect(asked()).toEqual([SIRET, REFERENCE_SIRET]);
  });

  it('fails open on the recorded outage (503 for the SIRET and for the reference)', async () => {
    const recorded = recordedResponses(loadRecording('sirene/sirene-fr-down.json'), 'x', 'x');
    expect(recorded.map((r) => r.status)).toEqual([503, 503]);
    let call = 0;
    h.handlers.sirene = () => recorded[Math.min(call++, recorded.length - 1)] ?? {};

    expect(await h.get(`${SIRET_PATH}?siret=${SIRET}`)).toEqual({
      status: 200,
      body: { valid: true },
    });
    expect(asked()).toEqual([SIRET, REFERENCE_SIRET]);
    expect(await h.database.knex('lookup_cache').count({ n: '*' })).toEqual([{ n: '0' }]);
  });

  it.each([
    [503, 'Service unavailable', { status: 503, body: 'indisponible' }],
    [502, 'Bad gateway', { status: 400, body: { erreur: 'requête refusée' } }],
  ])('a lookup failing while the reference is found → %i %s', async (status, error, failure) => {
    const reference = directory([REFERENCE_SIRET]);
    h.handlers.sirene = (req) => (req.query['q'] === SIRET ? failure : reference(req));

    const res = await h.get(`${SIRET_PATH}?siret=${SIRET}`);

    expect(res).toEqual({
      status,
      body: { error, message: [expect.stringContaining("L'annuaire des entreprises")] },
    });
  });

  it.each([
    ['absent', '', 'siret_manquant'],
    ['blank', '?siret=%20%20', 'siret_manquant'],
    ['too short', '?siret=3383628900003', 'siret_format_erreur'],
    ['with a wrong key', '?siret=33836289000035', 'siret_format_erreur'],
    ['not digits', '?siret=ABCDEFGHIJKLMN', 'siret_format_erreur'],
  ])('a SIRET %s → 400 %s, without any lookup', async (_name, query, code) => {
    h.handlers.sirene = directory([SIRET, REFERENCE_SIRET]);

    expect(await h.get(`${SIRET_PATH}${query}`)).toEqual({ status: 400, body: codeBody(code) });
    expect(asked()).toEqual([]);
  });

  it('a repeated parameter → 400 with a French message', async () => {
    const res = await h.get(`${SIRET_PATH}?siret=${SIRET}&siret=${SIRET}`);

    expect(res).toEqual({
      status: 400,
      body: { error: 'Bad request', message: [expect.stringContaining('une seule fois')] },
    });
  });
});
