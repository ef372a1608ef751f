/**
 * `mdso serve [--api-only | --workers-only]` (= `npm start`, DESIGN.md §2): the HTTP server and
 * the Bree scheduler in one process, on `DATABASE_URL` or the embedded PostgreSQL. Stops
 * cleanly on SIGINT/SIGTERM (workers finish their current step, leases are released).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JOBS } from '../../jobs/index.js';
import { createApp } from '../api/app.js';
import type { Config } from '../config.js';
import { packageRoot } from '../db/database.js';
import { createDeps } from '../deps.js';
import { createSmtpListener, type SmtpListener } from '../inbound/smtp-server.js';
import { createBrevoWebhookRouter } from '../inbound/webhook.js';
import { createLogger } from '../logger.js';
import { createMailRouter } from '../mail/mail-previews-router.js';
import { createScheduler, type Scheduler } from '../scheduler.js';
import type { CommandIo } from './check.js';
import { EXIT_OK, UsageError } from './usage.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

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

/**
 * The inbound SMTP port: `SMTP_PORT` when set (0 = off); in development 2525 by default, so
 * that `npm start` receives mail with no set-up; off in production unless set.
 */
export function inboundSmtpPort(config: Config): number | undefined {
  if (config.SMTP_PORT !== undefined) return config.SMTP_PORT === 0 ? undefined : config.SMTP_PORT;
  return config.NODE_ENV === 'development' ? DEV_SMTP_PORT : undefined;
}

export const DEV_SMTP_PORT = 2525;

export async function runServe(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'api-only': { type: 'boolean', default: false },
      'workers-only': { type: 'boolean', default: false },
    },
  });
  if (values['api-only'] && values['workers-only']) {
    throw new UsageError('--api-only et --workers-only ne vont pas ensemble.');
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const version = packageVersion();
  const deps = await createDeps(config, { logger });
  let server: Server | undefined;
  let scheduler: Scheduler | undefined;
  let smtp: SmtpListener | undefined;
  try {
    // The job threads boot while the HTTP and SMTP servers start.
    if (!values['api-only']) {
      scheduler = createScheduler({
        jobs: JOBS,
        jobsDir: join(packageRoot(), 'dist', 'jobs'),
        databaseUrl: deps.database.url,
        logger,
      });
      await scheduler.start();
    }
    if (!values['workers-only']) {
      const devKey = ensureDevApiKey(config, join(packageRoot(), 'var'));
      if (devKey) io.stdout.write(`Clé d’API de développement (var/dev-api-key) : ${devKey}\n`);
      const webhook = createBrevoWebhookRouter({
        db: deps.db,
        logger,
        ...(config.inboundWebhookToken ? { token: config.inboundWebhookToken } : {}),
      });
      // Previews show invented sample data only; still, production does not need them.
      const routers =
        config.NODE_ENV === 'production'
          ? [webhook]
          : [webhook, createMailRouter({ renderer: deps.renderer })];
      const app = createApp({ db: deps.db, version, logger, routers });
      server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(config.PORT, () => resolve(s));
        s.once('error', reject);
      });
    }
    const smtpPort = inboundSmtpPort(config);
    if (!values['workers-only'] && smtpPort !== undefined) {
      smtp = await createSmtpListener({
        deps,
        port: smtpPort,
        host: config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1',
      });
      io.stdout.write(
        `Réception SMTP : 127.0.0.1:${smtp.port} (domaine ${config.INBOUND_MAIL_DOMAIN})\n`,
      );
    }
  } catch (err) {
    server?.close();
    await smtp?.close();
    await deps.close();
    throw err;
  }
  io.stdout.write(
    `Mon Devis Sans Oublis ${version} prêt${server ? ` : http://127.0.0.1:${config.PORT}/health` : ''}\n`,
  );
  logger.info({ port: server ? config.PORT : undefined, version }, 'service started');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('stopping');
  await smtp?.close();
  await scheduler?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await deps.close();
  return EXIT_OK;
}
