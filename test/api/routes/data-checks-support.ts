/**
 * Shared set-up of the data-check route tests: a test database, loopback fakes of ADEME and of
 * the company directory whose handlers each test swaps, the real adapters pointed at them, and
 * the app serving `createDataChecksRoutes` on port 0.
 */
import { createAdemeClient } from '../../../src/adapters/ademe.js';
import { createSireneClient } from '../../../src/adapters/sirene.js';
import { createDataChecksRoutes } from '../../../src/api/routes/data-checks.js';
import { createSilentLogger } from '../../../src/logger.js';
import { startApiServer, type ApiServer } from '../../support/api-server.js';
import { startFakeHttp, type FakeHandler, type FakeHttp } from '../../support/fake-http.js';
import { responseErrors } from '../../support/openapi-responses.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-db.js';

export const ADEME_ORIGIN = 'https://data.ademe.fr';
export const LINES_PATH = '/data-fair/api/v1/datasets/historique-rge/lines';

export interface DataChecksHarness {
  database: TestDatabase;
  api: ApiServer;
  ademe: FakeHttp;
  sirene: FakeHttp;
  /** The handlers the fakes answer with (set per test). */
  handlers: { ademe: FakeHandler; sirene: FakeHandler };
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const unset: FakeHandler = () => ({ status: 500, body: { fake: 'no handler set' } });

export async function startDataChecks(): Promise<DataChecksHarness> {
  const database = await createTestDatabase();
  const handlers = { ademe: unset, sirene: unset };
  const ademe = await startFakeHttp({ [`GET ${LINES_PATH}`]: (req) => handlers.ademe(req) });
  const sirene = await startFakeHttp({ 'GET /search': (req) => handlers.sirene(req) });
  const logger = createSilentLogger();
  const adapterOptions = { timeoutMs: 2000, logger, retries: 0, retryDelayMs: 1 };
  const module = createDataChecksRoutes({
    db: database.knex,
    logger,
    ademe: createAdemeClient({
      baseUrl: `${ademe.url}/data-fair/api/v1/datasets`,
      ...adapterOptions,
    }),
    sirene: createSireneClient({ baseUrl: sirene.url, ...adapterOptions }),
    lookupTtlMs: 3_600_000,
  });
  const api = await startApiServer({ db: database.knex, modules: [module] });
  return {
    database,
    api,
    ademe,
    sirene,
    handlers,
    async get(path, headers = {}) {
      const res = await fetch(`${api.url}${path}`, { headers });
      const body: unknown = await res.json();
      const errors = responseErrors(
        api.document,
        { method: 'GET', path: new URL(path, api.url).pathname, status: res.status },
        body,
      );
      if (errors.length > 0) throw new Error(`réponse hors document : ${errors.join('; ')}`);
      return { status: res.status, body };
    },
    async close() {
      await api.close();
      await ademe.close();
      await sirene.close();
      await database.drop();
    },
  };
}
