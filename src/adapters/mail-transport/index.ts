/** Picks the outbound transport from MAIL_TRANSPORT (DESIGN.md §6). */
import { isAbsolute, join } from 'node:path';
import { ConfigError, type Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createBrevoTransport } from './brevo.js';
import type { MailTransport } from './message.js';
import { createOutboxTransport } from './outbox.js';
import { createSmtpTransport } from './smtp.js';

export type { MailTransport, OutboundMessage, SendResult } from './message.js';

export type MailTransportConfig = Pick<
  Config,
  'MAIL_TRANSPORT' | 'OUTBOX_DIR' | 'SMTP_URL' | 'BREVO_API_KEY' | 'BREVO_API_BASE_URL'
>;

/**
 * `rootDir` is the package root (the composition root passes it): OUTBOX_DIR, when relative, and
 * its default `var/outbox` are resolved from it, never from the current directory.
 */
export function createMailTransport(
  config: MailTransportConfig,
  logger: Logger,
  options: { rootDir: string },
): MailTransport {
  switch (config.MAIL_TRANSPORT) {
    case 'smtp':
      if (!config.SMTP_URL) throw new ConfigError(['SMTP_URL: requis quand MAIL_TRANSPORT=smtp']);
      return createSmtpTransport({ url: config.SMTP_URL, logger });
    case 'brevo':
      if (!config.BREVO_API_KEY) {
        throw new ConfigError(['BREVO_API_KEY: requis quand MAIL_TRANSPORT=brevo']);
      }
      return createBrevoTransport({
        apiKey: config.BREVO_API_KEY,
        baseUrl: config.BREVO_API_BASE_URL,
        logger,
      });
    case 'outbox': {
      const dir = config.OUTBOX_DIR ?? join('var', 'outbox');
      return createOutboxTransport({
        dir: isAbsolute(dir) ? dir : join(options.rootDir, dir),
        logger,
      });
    }
  }
}
