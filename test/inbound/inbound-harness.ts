/**
 * The inbound path for tests, for real: a test database, the real mail renderer, the outbox
 * transport in a temporary folder (read back with mailparser), the SMTP listener on port 0 and
 * the webhook on an express app on port 0, a fake Brevo API when asked.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { createBrevoInboundClient } from '../../src/adapters/brevo-inbound.js';
import { createOutboxTransport } from '../../src/adapters/mail-transport/outbox.js';
import { createApp } from '../../src/api/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import {
  processDueInboundEmails,
  type InboundDeps,
} from '../../src/inbound/process-inbound-email.js';
import { createSmtpListener, type SmtpListener } from '../../src/inbound/smtp-server.js';
import { createBrevoWebhookRouter } from '../../src/inbound/webhook.js';
import { createSilentLogger } from '../../src/logger.js';
import { createMailRenderer } from '../../src/mail/renderer.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

export const DOMAIN = 'mail.mdso.local';
export const TEAM = 'equipe@exemple.gouv.fr';
export const WEBHOOK_TOKEN = 'jeton-de-test-brevo';
export const fixturesDir = fileURLToPath(new URL('../fixtures/emails/', import.meta.url));
const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

export interface OutboxMail {
  template: string;
  file: string;
  mail: ParsedMail;
  raw: string;
}

export interface InboundHarness {
  db: TestDatabase['knex'];
  config: Config;
  deps: InboundDeps & { workerId: string };
  smtp: SmtpListener;
  webhookUrl: string;
  /** Runs the processing job until nothing is due. */
  processAll(): Promise<number>;
  outbox(): Promise<OutboxMail[]>;
  /** Sends a raw mail by SMTP (nodemailer), envelope given. */
  sendSmtp(raw: Buffer | string, envelope?: { from: string; to: string[] }): Promise<string>;
  close(): Promise<void>;
}

export async function startInboundHarness(
  env: Record<string, string> = {},
): Promise<InboundHarness> {
  const testDb = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    INBOUND_MAIL_DOMAIN: DOMAIN,
    INBOUND_FORWARDING_MAIL: TEAM,
    INBOUND_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    MDSO_RETRY_BASE_MS: '1',
    MDSO_MAX_ATTEMPTS: '3',
    FRONTEND_APPLICATION_HOST: 'https://mdso.exemple.fr',
    DEFAULT_EMAIL_FROM: 'Mon Devis Sans Oublis <devis@mon-devis-sans-oublis.local>',
    ...env,
  });
  const logger = createSilentLogger();
  const outboxDir = await mkdtemp(join(tmpdir(), 'mdso-inbound-outbox-'));
  const renderer = await createMailRenderer({ templatesDir, logger });
  const transport = createOutboxTransport({ dir: outboxDir, logger });
  const db = testDb.knex;
  const deps: InboundDeps & { workerId: string } = {
    db,
    logger,
    config,
    mail: { db, logger, renderer, transport, config },
    workerId: 'test-worker',
    ...(config.BREVO_API_KEY
      ? {
          brevo: createBrevoInboundClient({
            apiKey: config.BREVO_API_KEY,
            baseUrl: config.BREVO_API_BASE_URL,
            logger,
          }),
        }
      : {}),
  };
  const smtp = await createSmtpListener({ deps: { db, logger, config }, port: 0 });
  const app = createApp({
    db,
    version: 'test',
    logger,
    routers: [createBrevoWebhookRouter({ db, logger, token: WEBHOOK_TOKEN })],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/quote_checks/from_brevo_email`;
  const client = createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
  });

  return {
    db,
    config,
    deps,
    smtp,
    webhookUrl,
    async processAll() {
      let total = 0;
      for (let round = 0; round < 200; round += 1) {
        const n = await processDueInboundEmails(deps, { limit: 50 });
        total += n;
        if (n > 0) continue;
        const pending = (await db('inbound_emails')
          .whereIn('status', ['received', 'replying'])
          .first(db.raw('count(*)::int AS n'))) as { n: number };
        if (pending.n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      return total;
    },
    async outbox() {
      const files = (await readdir(outboxDir)).filter((f) => f.endsWith('.eml')).sort();
      return Promise.all(
        files.map(async (file) => {
          const raw = await readFile(join(outboxDir, file), 'utf8');
          const mail = await simpleParser(raw);
          const template = String(mail.headers.get('x-mdso-template') ?? '');
          return { template, file, mail, raw };
        }),
      );
    },
    async sendSmtp(raw, envelope) {
      const info = await client.sendMail({
        envelope: envelope ?? { from: 'expediteur@exemple-mail.fr', to: [`devis@${DOMAIN}`] },
        raw,
      });
      return info.response;
    },
    async close() {
      client.close();
      await smtp.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await testDb.drop();
      await rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** Counts of what an inbound mail created. */
export async function inboundState(db: TestDatabase['knex'], id: string) {
  const row = (await db('inbound_emails').where({ id }).first()) as {
    status: string;
    error_code: string | null;
    case_id: string | null;
    parts: { filename: string; outcome: string; reason?: string; check_id?: string }[] | null;
  };
  const checks = (row.parts ?? []).filter((p) => p.check_id).length;
  return { ...row, checks };
}
