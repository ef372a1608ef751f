/**
 * The result pages served for a test: the real app with the real router on 127.0.0.1 (port 0),
 * a test database, and what the tests need to reach a record's page by its token.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.js';
import { createSilentLogger } from '../../src/logger.js';
import { createResultPagesRouter } from '../../src/web/result-pages.js';
import { ROOT_DIR, testRenderer } from '../support/mail-deps.js';
import type { TestDatabase } from '../support/test-db.js';

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function startPageServer(database: TestDatabase): Promise<PageServer> {
  const router = createResultPagesRouter({
    db: database.knex,
    logger: createSilentLogger(),
    mailRenderer: await testRenderer(),
    links: { applicationHost: 'https://mdso.exemple.fr' },
    templatesDir: join(ROOT_DIR, 'templates'),
  });
  const app = createApp({
    db: database.knex,
    version: 'test',
    logger: createSilentLogger(),
    routers: [router],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function tokenOf(
  database: TestDatabase,
  table: 'quote_checks' | 'quotes_cases',
  id: string,
): Promise<string> {
  const row = (await database.knex(table).where({ id }).first('result_token')) as {
    result_token: string;
  };
  return row.result_token;
}
