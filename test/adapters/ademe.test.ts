import { afterEach, describe, expect, it } from '@jest/globals';
import { createAdemeClient, toQualification } from '../../src/adapters/ademe.js';
import { UpstreamError } from '../../src/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import { startFakeHttp, type FakeHttp, type FakeRoute } from '../support/fake-http.js';
import { loadRecording, replayRecording } from '../support/recordings.js';

const LINES = 'GET /data-fair/api/v1/datasets/historique-rge/lines';
const SIRET = '81176617900014';
let fake: FakeHttp | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function client(
  routes: Record<string, FakeRoute>,
  options: { timeoutMs?: number; maxPages?: number; retries?: number } = {},
) {
  fake = await startFakeHttp(routes);
  return createAdemeClient({
    baseUrl: `${fake.url}/data-fair/api/v1/datasets`,
    timeoutMs: options.timeoutMs ?? 2000,
    logger: createSilentLogger(),
    maxPages: options.maxPages,
    retries: options.retries ?? 0,
    retryDelayMs: 1,
  });
}

const row = (id: string) => ({
  _id: id,
  siret: SIRET,
  domaine: 'Ventilation mécanique',
  _score: null,
});

describe('ADEME RGE history', () => {
  it('follows the recorded next links across three pages and normalises the rows', async () => {
    const recording = loadRecording('ademe/multiple-pages.json');
    const ademe = await client({ [LINES]: replayRecording(recording, 'https://data.ademe.fr') });

    const rows = await ademe.qualificationsBySiret(SIRET);

    expect(rows).toHaveLength(28);
    expect(fake?.requests.map((r) => r.query['after'])).toEqual([
      undefined,
      '1622822868607,156979680385',
      '1622753747780,150067597657',
    ]);
    expect(fake?.requests.every((r) => r.query['qs'] === `siret:${SIRET}`)).toBe(true);
    expect(rows[0]).toMatchObject({
      id: 'Q147414-3511D109-2025-07-12',
      siret: SIRET,
      nom_certificat: 'QUALIBAT-RGE',
      code_qualification: '3511D109',
      domaine: ["Fenêtres, volets, portes donnant sur l'extérieur"],
      date_debut: '2025-07-12',
      date_fin: '2029-12-10',
      telephone: '04 78 28 18 97',
    });
    expect(rows[0]).not.toHaveProperty('site_internet');
    expect(new Set(rows.map((r) => r.id)).size).toBe(28);
  });

  it('returns an empty list for a SIRET without qualification', async () => {
    const recording = loadRecording('ademe/unknown-siret.json');
    const ademe = await client({ [LINES]: replayRecording(recording, 'https://data.ademe.fr') });

    await expect(ademe.qualificationsBySiret('123 456 789 00000')).resolves.toEqual([]);
    expect(fake?.requests).toHaveLength(1);
    expect(fake?.requests[0]?.query['qs']).toBe('siret:12345678900000');
  });

  it('normalises domaine, telephone, site_internet and drops null keys', () => {
    expect(
      toQualification({
        _id: 'Q1-2',
        siret: SIRET,
        domaine: ['Isolation des murs', ' ', null],
        telephone: '478281897',
        site_internet: 'https://',
        email: null,
        particulier: true,
      }),
    ).toEqual({
      id: 'Q1-2',
      siret: SIRET,
      domaine: ['Isolation des murs'],
      telephone: '04 78 28 18 97',
      particulier: true,
    });
    expect(
      toQualification({
        _id: 'Q1-3',
        telephone: '+33 4 78 28 18 97',
        site_internet: 'http://www.exemple.fr',
      }),
    ).toMatchObject({
      telephone: '04 78 28 18 97',
      site_internet: 'http://www.exemple.fr',
      domaine: [],
    });
    expect(toQualification({ siret: SIRET })).toBeUndefined();
  });

  it('keeps following next links on our base URL only', async () => {
    const ademe = await client({
      [LINES]: (req) =>
        req.query['after']
          ? { body: { total: 2, results: [row('Q2-B')] } }
          : {
              body: {
                total: 2,
                results: [row('Q2-A')],
                next: `https://elsewhere.example/x/lines?qs=siret%3A${SIRET}&after=1`,
              },
            },
    });

    const rows = await ademe.qualificationsBySiret(SIRET);

    expect(rows.map((r) => r.id)).toEqual(['Q2-A', 'Q2-B']);
    expect(fake?.requests[1]?.path).toBe('/data-fair/api/v1/datasets/historique-rge/lines');
  });

  it('stops on a next link that loops', async () => {
    const ademe = await client({
      [LINES]: (req) => ({
        body: {
          results: [row('Q3')],
          next: `${req.origin}${req.path}?qs=siret%3A${SIRET}&after=7`,
        },
      }),
    });

    await expect(ademe.qualificationsBySiret(SIRET)).rejects.toMatchObject({
      adapter: 'ademe',
      retryable: false,
    });
    expect(fake?.requests).toHaveLength(2);
  });

  it('bounds the number of pages', async () => {
    let page = 0;
    const ademe = await client(
      {
        [LINES]: (req) => ({
          body: {
            results: [row(`Q4-${page}`)],
            next: `${req.origin}${req.path}?after=${(page += 1)}`,
          },
        }),
      },
      { maxPages: 3 },
    );

    await expect(ademe.qualificationsBySiret(SIRET)).rejects.toThrow(/3 pages/u);
    expect(fake?.requests).toHaveLength(3);
  });

  it.each([404, 400])('answers HTTP %i with a non-retryable error', async (status) => {
    const ademe = await client({ [LINES]: { status, body: { error: 'bad' } } }, { retries: 1 });

    const error = await ademe.qualificationsBySiret(SIRET).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ adapter: 'ademe', upstreamStatus: status, retryable: false });
    expect(fake?.requests).toHaveLength(1);
  });

  it('retries a 429 and succeeds', async () => {
    const ademe = await client(
      {
        [LINES]: [
          { status: 429, body: 'Too Many Requests' },
          { body: { total: 1, results: [row('Q5')] } },
        ],
      },
      { retries: 1 },
    );

    await expect(ademe.qualificationsBySiret(SIRET)).resolves.toHaveLength(1);
    expect(fake?.requests).toHaveLength(2);
  });

  it('reports a 5xx as retryable once its retries are spent', async () => {
    const ademe = await client({ [LINES]: { status: 503, body: 'unavailable' } }, { retries: 1 });

    await expect(ademe.qualificationsBySiret(SIRET)).rejects.toMatchObject({
      upstreamStatus: 503,
      retryable: true,
    });
    expect(fake?.requests).toHaveLength(2);
  });

  it.each([
    ['an Elasticsearch outage', 200, '{"error":"all shards failed"}'],
    ['a data-fair outage', 500, "Impossible d'effectuer cette requête pour le moment."],
  ])('treats %s as retryable', async (_label, status, body) => {
    const ademe = await client({ [LINES]: { status, body } });

    await expect(ademe.qualificationsBySiret(SIRET)).rejects.toMatchObject({
      message: 'ADEME: service indisponible',
      retryable: true,
    });
  });

  it('gives up after timeoutMs when the service does not answer', async () => {
    const ademe = await client({ [LINES]: { hang: true } }, { timeoutMs: 100 });

    await expect(ademe.qualificationsBySiret(SIRET)).rejects.toMatchObject({
      adapter: 'ademe',
      retryable: true,
    });
  });

  it('rejects an answer that is not JSON', async () => {
    const ademe = await client({ [LINES]: { body: '<html>maintenance</html>' } });

    await expect(ademe.qualificationsBySiret(SIRET)).rejects.toMatchObject({
      message: 'ADEME: réponse non JSON',
      retryable: true,
    });
  });
});
