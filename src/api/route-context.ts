/**
 * What every API route module receives, and what it gives back: an express router with full
 * `/api/v1/...` paths and a `register` that declares its schemas and paths in the OpenAPI
 * registry (the document is generated from those declarations).
 */
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Keyring } from './auth.js';
import { linkSettings } from '../config.js';
import type { RouteModule } from './routes/route-module.js';

export type ApiRoutes = RouteModule;

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

/** Where `result_link`s lead: the frontend when configured, else our result page. */
export const linkOptions = (ctx: Pick<ApiContext, 'config'>) => linkSettings(ctx.config);
