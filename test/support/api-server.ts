/**
 * Starts the real express app (src/api/app.ts) with the given route modules on 127.0.0.1,
 * port 0, and builds the OpenAPI document of the same modules, so a test can call a route
 * over HTTP and check the answer against the document (./openapi-responses.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { createApp } from '../../src/api/app.js';
import { createRegistry, generateDocument } from '../../src/api/openapi.js';
import type { RouteModule } from '../../src/api/routes/route-module.js';
import { createSilentLogger, type Logger } from '../../src/logger.js';

export interface ApiServer {
  url: string;
  document: ReturnType<typeof generateDocument>;
  close(): Promise<void>;
}

export async function startApiServer(options: {
  db: Knex;
  modules: readonly RouteModule[];
  logger?: Logger;
}): Promise<ApiServer> {
  const app = createApp({
    db: options.db,
    version: 'test',
    logger: options.logger ?? createSilentLogger(),
    routers: options.modules.map((m) => m.router),
  });
  const registry = createRegistry();
  for (const module of options.modules) module.register(registry);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    document: generateDocument(registry, 'test'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
