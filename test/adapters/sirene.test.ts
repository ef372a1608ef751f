import { afterEach, describe, expect, it } from '@jest/globals';
import { createSireneClient } from '../../src/adapters/sirene.js';
import { InvalidInputError, UpstreamError } from '../../src/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import { startFakeHttp, type FakeHttp, type FakeRoute } from '../support/fake-http.js';
import { loadRecording, recordedResponses, replayRecording } from '../support/recordings.js';

const ORIGIN = 'https://recherche-entreprises.api.gouv.fr';
const SIRET = '00011122200074';
let fake: FakeHttp | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function client(route: FakeRoute, options: { timeoutMs?: number; retries?: number } = {}) {
  fake = await startFakeHttp({ 'GET /search': route });
  return createSireneClient({
    baseUrl: fake.url,
    timeoutMs: options.timeoutMs ?? 2000,
    logger: createSilentLogger(),
    retries: options.retries ?? 0,
    retryDelayMs: 1,
  });
}

const replay = (name: string) => replayRecording(loadRecording(`sirene/${name}`), ORIGIN);

describe('SIRENE lookup (API Recherche d’entreprises)', () => {
  it('finds an active establishment by its SIRET', async () => {
    const sirene = await client(replay('known-siret.json'));

    await expect(sirene.lookupSiret('000 111 222 00074')).resolves.toEqual({
      found: true,
      siren: '000111222',
      siret: SIRET,
      nom: 'EXEMPLE RENOVATION ENERGIE',
      adresse: '12 RUE DES ARTISANS 45000 ORLEANS',
      etat: 'actif',
    });
    expect(fake?.requests[0]?.query).toEqual({ q: SIRET });
    expect(fake?.requests[0]?.headers['accept']).toBe('application/json');
  });

  it('reports a closed establishment as found and closed', async () => {
    const sirene = await client(replay('closed-establishment.json'));

    await expect(sirene.lookupSiret('00011122200082')).resolves.toMatchObject({
      found: true,
      siret: '00011122200082',
      adresse: '5 AVENUE DU CHANTIER 37000 TOURS',
      etat: 'ferme',
    });
  });

  it('answers a SIREN with the head office', async () => {
    const sirene = await client(replay('known-siren.json'));

    await expect(sirene.lookupSiret('000111222')).resolves.toMatchObject({
      found: true,
      siret: SIRET,
    });
  });

  it('returns found: false when nothing matches', async () => {
    const sirene = await client(replay('unknown-siret.json'));

    await expect(sirene.lookupSiret('12345678900000')).resolves.toEqual({
      found: false,
      siren: '123456789',
      siret: '12345678900000',
    });
  });

  it('returns found: false when the company is found but not the establishment', async () => {
    const sirene = await client(
      recordedResponses(loadRecording('sirene/known-siret.json'), ORIGIN, 'unused'),
    );

    await expect(sirene.lookupSiret('00011122200099')).resolves.toMatchObject({ found: false });
  });

  it('refuses what is neither a SIRET nor a SIREN without calling', async () => {
    const sirene = await client(replay('known-siret.json'));

    await expect(sirene.lookupSiret('12-34')).rejects.toBeInstanceOf(InvalidInputError);
    expect(fake?.requests).toHaveLength(0);
  });

  it.each([
    ['the recorded 400', 'bad-query.json', 400],
    ['a 404', undefined, 404],
  ])('turns %s into a non-retryable error', async (_label, name, status) => {
    const route = name
      ? recordedResponses(loadRecording(`sirene/${name}`), ORIGIN, '')
      : { status, body: {} };
    const sirene = await client(route, { retries: 1 });

    const error = await sirene.lookupSiret(SIRET).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ adapter: 'sirene', upstreamStatus: status, retryable: false });
    expect(fake?.requests).toHaveLength(1);
  });

  it('retries a 429 and succeeds', async () => {
    const [limited] = recordedResponses(loadRecording('sirene/rate-limited.json'), ORIGIN, '');
    const [known] = recordedResponses(loadRecording('sirene/known-siret.json'), ORIGIN, '');
    const sirene = await client([limited!, known!], { retries: 1 });

    await expect(sirene.lookupSiret(SIRET)).resolves.toMatchObject({ found: true });
    expect(fake?.requests).toHaveLength(2);
  });

  it('reports a 429 as retryable when retries are spent', async () => {
    const sirene = await client(replay('rate-limited.json'));

    await expect(sirene.lookupSiret(SIRET)).rejects.toMatchObject({
      upstreamStatus: 429,
      retryable: true,
    });
  });

  it('reports a 5xx as retryable', async () => {
    const sirene = await client({ status: 502, body: '<html>Bad gateway</html>' }, { retries: 1 });

    await expect(sirene.lookupSiret(SIRET)).rejects.toMatchObject({
      upstreamStatus: 502,
      retryable: true,
    });
    expect(fake?.requests).toHaveLength(2);
  });

  it('gives up after timeoutMs', async () => {
    const sirene = await client({ hang: true }, { timeoutMs: 100 });

    await expect(sirene.lookupSiret(SIRET)).rejects.toMatchObject({
      adapter: 'sirene',
      retryable: true,
    });
  });

  it('rejects an answer that is not JSON', async () => {
    const sirene = await client({ body: 'maintenance' });

    await expect(sirene.lookupSiret(SIRET)).rejects.toMatchObject({
      message: 'SIRENE: réponse non JSON',
    });
  });
});
