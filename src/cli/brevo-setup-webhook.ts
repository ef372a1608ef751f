/**
 * `mdso brevo:setup-webhook` (spec/email.md §2): registers Brevo's inbound parsing webhook on
 * `<APPLICATION_HOST>/api/v1/quote_checks/from_brevo_email` with the bearer token. Idempotent:
 * the inbound webhook with the same URL is updated (events, domain, token), never duplicated.
 */
import { createBrevoInboundClient } from '../adapters/brevo-inbound.js';
import { ConfigError, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { BREVO_WEBHOOK_PATH } from '../inbound/webhook.js';
import type { CommandIo } from './check.js';
import { EXIT_OK, UsageError } from './usage.js';

export function brevoWebhookUrl(config: Pick<Config, 'APPLICATION_HOST'>): string {
  return `${config.APPLICATION_HOST.replace(/\/+$/u, '')}${BREVO_WEBHOOK_PATH}`;
}

export async function runBrevoSetupWebhook(
  args: string[],
  config: Config,
  io: CommandIo,
): Promise<number> {
  if (args.length > 0) throw new UsageError(`Argument inattendu : ${args[0] ?? ''}`);
  const missing = [
    ...(config.BREVO_API_KEY ? [] : ['BREVO_API_KEY: requis pour enregistrer le webhook']),
    ...(config.inboundWebhookToken
      ? []
      : ['INBOUND_WEBHOOK_TOKEN: requis (jeton que Brevo présentera au webhook)']),
  ];
  if (missing.length > 0 || !config.BREVO_API_KEY || !config.inboundWebhookToken) {
    throw new ConfigError(missing);
  }
  const logger = createLogger({ level: 'warn', destination: 'stderr' });
  const brevo = createBrevoInboundClient({
    apiKey: config.BREVO_API_KEY,
    baseUrl: config.BREVO_API_BASE_URL,
    logger,
  });
  const url = brevoWebhookUrl(config);
  const result = await brevo.ensureInboundWebhook({
    url,
    domain: config.INBOUND_MAIL_DOMAIN,
    token: config.inboundWebhookToken,
  });
  io.stdout.write(
    `Webhook Brevo ${result.action === 'created' ? 'créé' : 'mis à jour'} (id ${result.id}) : ${url}\n`,
  );
  return EXIT_OK;
}
