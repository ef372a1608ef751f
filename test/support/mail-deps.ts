/**
 * Mail deps for tests: the real renderer on the repository's templates and the real outbox
 * transport in a temporary folder, plus helpers to read what the outbox received.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Knex } from 'knex';
import { createMailTransport } from '../../src/adapters/mail-transport/index.js';
import type { MailTransport } from '../../src/adapters/mail-transport/message.js';
import { createSilentLogger } from '../../src/logger.js';
import { createMailRenderer, type MailRenderer } from '../../src/mail/renderer.js';
import type { MailDeps } from '../../src/mail/send-mail.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));

let sharedRenderer: Promise<MailRenderer> | undefined;

export function testRenderer(): Promise<MailRenderer> {
  sharedRenderer ??= createMailRenderer({
    templatesDir: TEMPLATES_DIR,
    logger: createSilentLogger(),
  });
  return sharedRenderer;
}

export const TEST_MAIL_CONFIG: MailDeps['config'] = {
  DEFAULT_EMAIL_FROM: 'Mon Devis Sans Oublis <devis@mdso.test>',
  INBOUND_MAIL_DOMAIN: 'mail.mdso.test',
  FRONTEND_APPLICATION_HOST: 'https://front.mdso.test',
  APPLICATION_HOST: 'https://mdso.test',
  INBOUND_FORWARDING_MAIL: undefined,
  QUOTE_CHECK_EMAIL_RECIPIENTS: undefined,
};

export interface Outbox {
  dir: string;
  transport: MailTransport;
  files(): Promise<string[]>;
  mails(): Promise<ParsedMail[]>;
  remove(): Promise<void>;
}

export async function createTestOutbox(): Promise<Outbox> {
  const dir = await mkdtemp(join(tmpdir(), 'mdso-outbox-'));
  const transport = createMailTransport(
    {
      MAIL_TRANSPORT: 'outbox',
      OUTBOX_DIR: dir,
      SMTP_URL: undefined,
      BREVO_API_KEY: undefined,
      BREVO_API_BASE_URL: 'https://api.brevo.com/v3',
    },
    createSilentLogger(),
    { rootDir: ROOT_DIR },
  );
  const files = async () =>
    (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return {
    dir,
    transport,
    files,
    mails: async () =>
      Promise.all((await files()).map(async (f) => simpleParser(await readFile(join(dir, f))))),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function testMailDeps(
  db: Knex,
  transport: MailTransport,
  config: Partial<MailDeps['config']> = {},
): Promise<MailDeps> {
  return {
    db,
    logger: createSilentLogger(),
    renderer: await testRenderer(),
    transport,
    config: { ...TEST_MAIL_CONFIG, ...config },
  };
}

/** A header of a parsed mail as one string. */
export function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name.toLowerCase());
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return JSON.stringify(value);
}
