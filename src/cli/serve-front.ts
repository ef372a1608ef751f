/**
 * The front of `mdso serve`: the HTTP server (health, REST API and its docs, Brevo webhook, result
 * pages, mail previews) and the inbound SMTP listener. Loaded by serve.ts once the job threads are starting.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApi } from '../api/api-router.js';
import { createApp } from '../api/app.js';
import { linkSettings, type Config } from '../config.js';
import { packageRoot } from '../package-root.js';
import type { Deps } from '../deps.js';
import { createSmtpListener, type SmtpListener } from '../inbound/smtp-server.js';
import { createBrevoWebhookRouter } from '../inbound/webhook.js';
import { createMailRouter } from '../mail/mail-previews-router.js';
import { createResultPagesRouter } from '../web/result-pages.js';
import type { CommandIo } from './check.js';

/** In development with no key configured, one key is generated once and kept in var/. */
function ensureDevApiKey(config: Config, varDir: string): string | undefined {
  if (config.NODE_ENV === 'production' || Object.keys(config.apiKeys).length > 0) return undefined;
  const file = join(varDir, 'dev-api-key');
  if (!existsSync(file)) {
    mkdirSync(varDir, { recursive: true });
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export const DEV_SMTP_PORT = 2525;

/**
 * The inbound SMTP port: `SMTP_PORT` when set (0 = off); in development 2525 by default, so
 * that `npm start` receives mail with no set-up; off in production unless set.
 */
export function inboundSmtpPort(config: Config): number | undefined {
  if (config.SMTP_PORT !== undefined) return config.SMTP_PORT === 0 ? undefined : config.SMTP_PORT;
  return config.NODE_ENV === 'development' ? DEV_SMTP_PORT : undefined;
}

export interface Front {
  httpPort: number;
  close(): Promise<void>;
}

export async function startFront(
  deps: Deps,
  options: { version: string; io: CommandIo },
): Promise<Front> {
  const { config, logger } = deps;
  const devKey = ensureDevApiKey(config, join(packageRoot(), 'var'));
  if (devKey) options.io.stdout.write(`Clé d’API de développement (var/dev-api-key) : ${devKey}\n`);
  const webhook = createBrevoWebhookRouter({
    db: deps.db,
    logger,
    ...(config.inboundWebhookToken ? { token: config.inboundWebhookToken } : {}),
  });
  const resultPages = createResultPagesRouter({
    db: deps.db,
    logger,
    mailRenderer: deps.renderer,
    links: linkSettings(config),
    templatesDir: join(packageRoot(), 'templates'),
  });
  // Previews show invented sample data only; still, production does not need them.
  // the development key opens the API as the MDSO (internal) partner
  const api = createApi({
    db: deps.db,
    logger,
    config,
    version: options.version,
    apiKeys: devKey ? { MDSO: devKey } : config.apiKeys,
    lookups: {
      ...(deps.ademe ? { ademe: deps.ademe } : {}),
      ...(deps.sirene ? { sirene: deps.sirene } : {}),
      lookupTtlMs: deps.lookupTtlMs,
    },
  });
  const routers =
    config.NODE_ENV === 'production'
      ? [webhook, api.router, resultPages]
      : [webhook, api.router, resultPages, createMailRouter({ renderer: deps.renderer })];
  const app = createApp({
    db: deps.db,
    version: options.version,
    logger,
    routers,
    ...(config.API_TRUST_PROXY ? { trustProxy: config.API_TRUST_PROXY } : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, () => resolve(s));
    s.once('error', reject);
  });
  let smtp: SmtpListener | undefined;
  const smtpPort = inboundSmtpPort(config);
  try {
    if (smtpPort !== undefined) {
      smtp = await createSmtpListener({
        deps,
        port: smtpPort,
        host: config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1',
      });
      options.io.stdout.write(
        `Réception SMTP : 127.0.0.1:${smtp.port} (domaine ${config.INBOUND_MAIL_DOMAIN})\n`,
      );
    }
  } catch (err) {
    server.close();
    throw err;
  }
  return {
    httpPort: config.PORT,
    close: async () => {
      await smtp?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
