/**
 * The REST API (spec/api.md, DESIGN.md §7) as one router: CORS on `/api/*`, rate limits on
 * uploads, data checks and stats, every route module mounted in an order where literal
 * collection paths (`/quote_checks/metadata`, `/quotes_cases/error_detail_deletion_reasons`)
 * come before `/{id}`, and the documentation generated from the modules' registrations.
 */
import express, { type Router } from 'express';
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createKeyring } from './auth.js';
import { createRegistry, generateDocument } from './openapi.js';
import { apiCors, perIpLimit, perKeyLimit } from './protection.js';
import type { ApiContext, ApiRoutes } from './route-context.js';
import { createDataChecksRoutes, type DataChecksDeps } from './routes/data-checks.js';
import { createDocsRouter } from './routes/docs.js';
import { createErrorDetailRoutes } from './routes/error-details.js';
import { createFeedbackRoutes } from './routes/feedbacks.js';
import { createQuoteCheckRoutes } from './routes/quote-checks.js';
import { createQuotesCaseRoutes } from './routes/quotes-cases.js';
import { createReferenceRoutes } from './routes/reference.js';
import { createResultsRoutes } from './routes/results.js';
import { createStatsRoutes } from './routes/stats.js';
import { createUploadRoutes } from './routes/upload.js';
import { registerShared } from './schemas.js';

export interface ApiOptions {
  db: Knex;
  logger: Logger;
  config: Config;
  version: string;
  /** Keys by partner name: `config.apiKeys`, or the development key as MDSO. */
  apiKeys: Readonly<Record<string, string>>;
  fetchImpl?: typeof fetch;
  /** The registries of the data checks (the pipeline's adapters and cache TTL). */
  lookups: Omit<DataChecksDeps, 'db' | 'logger'>;
}

export interface Api {
  router: Router;
  /** The OpenAPI 3.1 document (generated once, on first use). */
  document(): object;
}

export function createApi(options: ApiOptions): Api {
  const { config } = options;
  const keyring = createKeyring(options.apiKeys);
  const windowMs = config.API_RATE_LIMIT_WINDOW_MS;
  const ctx: ApiContext = {
    db: options.db,
    logger: options.logger,
    config,
    keyring,
    uploadLimits: {
      perIp: perIpLimit({ windowMs, limit: config.API_UPLOAD_LIMIT_PER_IP }),
      perKey: perKeyLimit({ windowMs, limit: config.API_UPLOAD_LIMIT_PER_KEY }, keyring),
    },
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  };
  // literal collection paths first (reference modules), then the `/{id}` routes
  const modules: ApiRoutes[] = [
    createReferenceRoutes(),
    createDataChecksRoutes({ db: options.db, logger: options.logger, ...options.lookups }),
    createStatsRoutes({ db: options.db, cacheSeconds: config.MDSO_STATS_CACHE_SECONDS }),
    createUploadRoutes(ctx),
    createQuotesCaseRoutes(ctx),
    createResultsRoutes(ctx),
    createFeedbackRoutes(ctx),
    createErrorDetailRoutes(ctx),
    createQuoteCheckRoutes(ctx),
  ];
  const router = express.Router();
  router.use('/api', apiCors(config));
  const lookupLimits = (limit: number) => [
    perIpLimit({ windowMs, limit }),
    perKeyLimit({ windowMs, limit }, keyring),
  ];
  router.use('/api/v1/data_checks', ...lookupLimits(config.API_DATA_CHECKS_LIMIT_PER_IP));
  router.use('/api/v1/stats', ...lookupLimits(config.API_STATS_LIMIT_PER_IP));
  for (const module of modules) router.use(module.router);

  let document: object | undefined;
  const getDocument = (): object => {
    if (!document) {
      const registry = createRegistry();
      registerShared(registry);
      for (const module of modules) module.register(registry);
      document = generateDocument(registry, options.version);
    }
    return document;
  };
  router.use(createDocsRouter(getDocument));
  return { router, document: getDocument };
}
