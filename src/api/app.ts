/**
 * The express application (DESIGN.md §7, §10): `/health`, then the routers (the REST API, the
 * Brevo webhook, the mail previews), behind the request filter of spec/api.md §9 and the
 * security headers. Unknown routes and errors answer JSON in French.
 */
import express, { type Express, type Router } from 'express';
import { securityHeaders } from './protection.js';
import { requestFilter } from './request-filter.js';
import type { Knex } from 'knex';
import type { Logger } from '../logger.js';
import { apiErrorHandler } from './errors.js';

export interface AppOptions {
  db: Knex;
  version: string;
  logger: Logger;
  routers?: readonly Router[];
  /** Express `trust proxy` (API_TRUST_PROXY): hops, or subnets, in front of the service. */
  trustProxy?: string;
}

function trustProxyValue(value: string): boolean | number | string {
  if (/^\d+$/u.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

const HEALTH_TIMEOUT_MS = 2000;

async function databaseIsUp(db: Knex): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.raw('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', trustProxyValue(options.trustProxy));
  app.use(requestFilter(options.logger));
  app.use(securityHeaders());
  app.get('/health', async (_req, res) => {
    const up = await databaseIsUp(options.db);
    if (!up) options.logger.warn('health: database down');
    res.status(up ? 200 : 503).json({
      status: up ? 'ok' : 'error',
      database: up ? 'ok' : 'down',
      version: options.version,
    });
  });
  for (const router of options.routers ?? []) app.use(router);
  app.use((_req, res) => {
    res.status(404).json({ error: 'Ressource introuvable' });
  });
  app.use(apiErrorHandler(options.logger));
  return app;
}
