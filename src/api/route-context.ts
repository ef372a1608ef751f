/**
 * What every API route module receives, and what it gives back: an express router with full
 * `/api/v1/...` paths and a `register` that declares its schemas and paths in the OpenAPI
 * registry (the document is generated from those declarations).
 */
import type { RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Keyring } from './auth.js';
import type { OpenAPIRegistry } from './openapi.js';

export interface ApiRoutes {
  router: Router;
  register(registry: OpenAPIRegistry): void;
}

export interface ApiContext {
  db: Knex;
  logger: Logger;
  config: Config;
  keyring: Keyring;
  /** Rate limiters of uploads: per IP (before the key check) and per key (after it). */
  uploadLimits: { perIp: RequestHandler; perKey: RequestHandler };
  /** The HTTP client of file-by-URL uploads (tests give one trusting their certificate). */
  fetchImpl?: typeof fetch;
}

export const linkOptions = (ctx: Pick<ApiContext, 'config'>) => ({
  frontendHost: ctx.config.FRONTEND_APPLICATION_HOST,
});
