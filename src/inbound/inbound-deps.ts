/** What inbound processing needs (DESIGN.md §3): the database, the mail sender, the config. */
import type { Knex } from 'knex';
import type { BrevoInboundClient } from '../adapters/brevo-inbound.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { MailDeps } from '../mail/send-mail.js';

export const MIB = 1024 * 1024;

export interface InboundDeps {
  db: Knex;
  logger: Logger;
  config: Pick<
    Config,
    | 'INBOUND_MAIL_DOMAIN'
    | 'MDSO_INBOUND_DAILY_QUOTA'
    | 'MDSO_QUOTE_FILE_MAX_SIZE'
    | 'FRONTEND_APPLICATION_HOST'
    | 'APPLICATION_HOST'
    | 'DEFAULT_EMAIL_FROM'
    | 'MDSO_MAX_ATTEMPTS'
    | 'MDSO_RETRY_BASE_MS'
    | 'MDSO_LEASE_MS'
  >;
  mail: MailDeps;
  /** Downloads webhook attachments; absent when BREVO_API_KEY is unset. */
  brevo?: BrevoInboundClient;
}

export interface ProcessOptions {
  limit: number;
  /** Only these rows (a CLI processing its own mails). */
  ids?: readonly string[];
}

/** Attachments up to this size are kept in memory to become quote files. */
export function maxQuoteBytes(deps: InboundDeps): number {
  return deps.config.MDSO_QUOTE_FILE_MAX_SIZE * MIB;
}
