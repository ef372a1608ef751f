/**
 * Brevo transport: the transactional API (`POST /v3/smtp/email`, stack notes §A.7). The SDK does
 * not retry (`maxRetries: 0`): the runner owns retries. Errors become UpstreamError('brevo'),
 * retryable on network errors, timeouts, 429 and 5xx.
 *
 * Threading through Brevo is unverified: the API documents `headers` for custom headers only
 * ("standard email headers are not supported"), so In-Reply-To/References may be dropped and the
 * report may not thread in the user's client. Plan B: the smtp transport over Brevo's SMTP relay.
 * Brevo also sets its own Message-ID; the one it returns is what replies will cite.
 */
import type { BrevoClient } from '@getbrevo/brevo';
import { brevoStatusOf, loadBrevoSdk } from '../brevo-sdk.js';
import { UpstreamError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import {
  parseAddress,
  type MailTransport,
  type OutboundMessage,
  type SendResult,
} from './message.js';

export interface BrevoTransportOptions {
  apiKey: string;
  /** Includes `/v3` (default `https://api.brevo.com/v3`). */
  baseUrl: string;
  logger: Logger;
  timeoutSeconds?: number;
}

function toUpstreamError(cause: unknown): UpstreamError {
  const status = brevoStatusOf(cause);
  const retryable = status === undefined || status === 408 || status === 429 || status >= 500;
  const message = status
    ? `l'API Brevo a refusé l'envoi du mail (HTTP ${status})`
    : "l'API Brevo n'a pas répondu";
  return new UpstreamError('brevo', message, { cause, upstreamStatus: status, retryable });
}

function brevoHeaders(message: OutboundMessage): Record<string, string> {
  const headers: Record<string, string> = {
    ...message.headers,
    // Retrying the same message must not send it twice.
    'Idempotency-Key': message.messageId.replace(/[<>]/gu, ''),
  };
  if (message.inReplyTo) headers['In-Reply-To'] = message.inReplyTo;
  if (message.references.length > 0) headers.References = message.references.join(' ');
  return headers;
}

export function createBrevoTransport(options: BrevoTransportOptions): MailTransport {
  let client: Promise<BrevoClient> | undefined;
  const getClient = (): Promise<BrevoClient> =>
    (client ??= loadBrevoSdk().then(
      (sdk) =>
        new sdk.BrevoClient({
          apiKey: options.apiKey,
          baseUrl: options.baseUrl.replace(/\/+$/u, ''),
          maxRetries: 0,
          timeoutInSeconds: options.timeoutSeconds ?? 30,
        }),
    ));
  return {
    name: 'brevo',
    async send(message: OutboundMessage): Promise<SendResult> {
      let providerId: string | undefined;
      try {
        const answer = await (
          await getClient()
        ).transactionalEmails.sendTransacEmail({
          sender: parseAddress(message.from),
          to: [parseAddress(message.to)],
          replyTo: message.replyTo ? parseAddress(message.replyTo) : undefined,
          subject: message.subject,
          htmlContent: message.html,
          textContent: message.text,
          headers: brevoHeaders(message),
          tags: [message.template],
        });
        providerId = answer.messageId ?? answer.messageIds?.[0];
      } catch (cause) {
        throw toUpstreamError(cause);
      }
      options.logger.info(
        {
          transport: 'brevo',
          template: message.template,
          messageId: message.messageId,
          providerId,
        },
        'mail sent through brevo',
      );
      return { messageId: providerId ?? message.messageId, providerId };
    },
  };
}
