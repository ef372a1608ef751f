import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { loadRecording, replayRecording, type Recording } from '../../support/recordings.js';
import { ADEME_ORIGIN, startDataChecks, type DataChecksHarness } from './data-checks-support.js';

const SIRET = '52503410400014';
const RGE = '/api/v1/data_checks/rge';
const recording: Recording = loadRecording('ademe/data-checks-rge.json');
type Row = Record<string, unknown>;
const recordedRows: Row[] = recording.interactions.flatMap(
  (i) => (i.response.body as { results: Row[] }).results,
);

let h: DataChecksHarness;

beforeAll(async () => {
  h = await startDataChecks();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.database.knex('lookup_cache').delete();
  await h.database.knex('processing_logs').delete();
  h.ademe.requests.length = 0;
  h.handlers.ademe = replayRecording(recording, ADEME_ORIGIN);
});

async function auditRows() {
  return (await h.database
    .knex('processing_logs')
    .select('tags', 'input_parameters', 'output_result', 'started_at', 'finished_at')) as {
    tags: string[];
    input_parameters: Record<string, unknown>;
    output_result: Record<string, unknown>;
    started_at: Date;
    finished_at: Date;
  }[];
}

const codeBody = (code: string) => ({ error_details: [{ code }], valid: false });

describe('GET /api/v1/data_checks/rge (spec/api.md §5.5)', () => {
  it('reads every page and keeps the rows of the RGE number, geste and date asked for', async () => {
    const { status, body } = await h.get(
      `${RGE}?siret=${SIRET}&rge=Q90513&date=2025-11-01&geste_types=pac_air_eau,vmc_simple_flux`,
      { 'user-agent': 'jest-rge', referer: 'https://example.test/rge' },
    );

    expect(status).toBe(200);
    expect(h.ademe.requests).toHaveLength(recording.interactions.length);
    // expected rows, from the recording: heat-pump or ventilation domains valid on that day
    const domains = ['Pompe à chaleur : chauffage', 'Ventilation mécanique'];
    const expectedIds = recordedRows
      .filter((r) => domains.includes(String(r['domaine'])))
      .filter(
        (r) => String(r['date_debut']) <= '2025-11-01' && '2025-11-01' <= String(r['date_fin']),
      )
      .map((r) => r['_id']);
    expect(expectedIds.length).toBeGreaterThan(0);
    const { results, valid } = body as { results: Row[]; valid: boolean };
    expect(valid).toBe(true);
    expect(results.map((r) => r['_id'])).toEqual(expectedIds);

    const [row] = await auditRows();
    expect(row?.tags).toEqual(['rge_validation', 'success']);
    expect(row?.input_parameters).toEqual({
      siret: SIRET,
      rge: 'Q90513',
      date: '2025-11-01',
      geste_types: 'pac_air_eau,vmc_simple_flux',
      user_agent: 'jest-rge',
      referer: 'https://example.test/rge',
    });
    expect(row?.output_result).toEqual({
      valid: true,
      results_count: expectedIds.length,
      results: expectedIds,
    });
    expect(row!.finished_at.getTime()).toBeGreaterThanOrEqual(row!.started_at.getTime());
  });

  it('without filters returns all rows of the SIRET, normalised, and caches them', async () => {
    const { status, body } = await h.get(`${RGE}?siret=525%20034%20104%2000014`);

    expect(status).toBe(200);
    const { results } = body as { results: Row[] };
    expect(results).toHaveLength(recordedRows.length);
    expect(results.every((r) => Array.isArray(r['domaine']))).toBe(true);
    expect(results.some((r) => '_score' in r || r['site_internet'] === '')).toBe(false);
    expect(results[0]).toMatchObject({ siret: SIRET, nom_certificat: 'QUALIBAT-RGE' });

    const again = await h.get(`${RGE}?siret=${SIRET}&rge=E-Q90513`);
    expect(again.status).toBe(200);
    expect(h.ademe.requests).toHaveLength(recording.interactions.length); // from the cache
  });

  it('normalises domaine, telephone and site_internet of the rows as the dataset sends them', async () => {
    const row = { ...recordedRows[0], telephone: '974569681', site_internet: 'https://' };
    const other = { ...recordedRows[1], telephone: '+33 2 38 94 60 81', site_internet: 'http://' };
    h.handlers.ademe = () => ({ body: { total: 2, results: [row, other] } });

    const { body } = await h.get(`${RGE}?siret=${SIRET}`);

    const [a, b] = (body as { results: Row[] }).results;
    expect(a?.['telephone']).toBe('09 74 56 96 81');
    expect(b?.['telephone']).toBe('02 38 94 60 81');
    expect(a?.['domaine']).toEqual([recordedRows[0]?.['domaine']]);
    expect(a && 'site_internet' in a).toBe(false);
    expect(b && 'site_internet' in b).toBe(false);
  });

  it.each([
    ['a RGE number the company does not hold', 'rge=E12345', 400, 'rge_non_correspondant'],
    ['a RGE number outside its dates', 'rge=Q90513&date=2030-01-01', 400, 'rge_hors_date'],
    ['no qualification on the date', 'date=2030-01-01', 404, 'rge_manquant'],
    ['no qualification for the geste', 'geste_types=isolation_comble_perdu', 404, 'rge_manquant'],
  ])('%s (%s) → %i %s, with an error audit row', async (_name, params, status, code) => {
    const res = await h.get(`${RGE}?siret=${SIRET}&${params}`);

    expect(res).toEqual({ status, body: codeBody(code) });
    const [row] = await auditRows();
    expect(row?.tags).toEqual(['rge_validation', 'error']);
    expect(row?.output_result).toEqual({ valid: false, error_code: code });
  });

  it.each([
    ['an unreadable date', `siret=${SIRET}&date=31/02/2025`, 400, 'date_format_erreur'],
    ['neither SIRET nor RGE', 'rge=%20&siret=', 400, 'rge_siret_manquant'],
    [
      'an unknown geste type',
      `siret=${SIRET}&geste_types=pac_air_eau,jacuzzi`,
      422,
      'geste_type_inconnu',
    ],
  ])('%s (%s) → %i %s before any ADEME call, audited', async (_name, params, status, code) => {
    expect(await h.get(`${RGE}?${params}`)).toEqual({ status, body: codeBody(code) });
    expect(h.ademe.requests).toHaveLength(0);
    expect((await auditRows()).map((r) => r.tags)).toEqual([['rge_validation', 'error']]);
  });

  it('a malformed SIRET → 400 siret_format_erreur, without audit row nor ADEME call', async () => {
    for (const siret of ['12345678900000', '5250341040001', 'abc']) {
      expect(await h.get(`${RGE}?siret=${siret}`)).toEqual({
        status: 400,
        body: codeBody('siret_format_erreur'),
      });
    }
    expect(h.ademe.requests).toHaveLength(0);
    expect(await auditRows()).toEqual([]);
  });

  it('a RGE number alone is looked up by text, then matched on its digits', async () => {
    h.handlers.ademe = (req) =>
      req.query['qs'] === 'Q90513'
        ? { body: { total: 2, results: recordedRows.slice(0, 2) } }
        : { body: { total: 0, results: [] } };

    const { status, body } = await h.get(`${RGE}?rge=Q%2090513`);

    expect(status).toBe(200);
    expect((body as { results: Row[] }).results).toHaveLength(2);
    expect(h.ademe.requests.map((r) => r.query['qs'])).toEqual(['Q90513']);
  });

  it.each([
    ['answers 503', { status: 503, body: 'Service Unavailable' }, 503],
    ['reports an outage with a 200', { status: 200, body: { error: 'all shards failed' } }, 503],
    ['answers 400', { status: 400, body: { error: 'bad query' } }, 502],
    ['answers something else than rows', { status: 200, body: { total: 1 } }, 503],
  ])('ADEME %s (%j) → %i with the generic body, audited', async (_name, answer, status) => {
    h.handlers.ademe = () => answer;

    const res = await h.get(`${RGE}?siret=${SIRET}`);

    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      error: status === 503 ? 'Service unavailable' : 'Bad gateway',
      message: [expect.stringContaining("L'annuaire RGE de l'ADEME")],
    });
    const [row] = await auditRows();
    expect(row?.tags).toEqual(['rge_validation', 'error']);
    expect(await h.database.knex('lookup_cache').count({ n: '*' })).toEqual([{ n: '0' }]);
  });

  it('answers even when the audit row cannot be written', async () => {
    await h.database.knex.raw('ALTER TABLE processing_logs RENAME TO processing_logs_away');
    try {
      const { status } = await h.get(`${RGE}?siret=${SIRET}&rge=Q90513`);
      expect(status).toBe(200);
    } finally {
      await h.database.knex.raw('ALTER TABLE processing_logs_away RENAME TO processing_logs');
    }
  });
});
