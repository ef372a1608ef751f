/**
 * Brevo's inbound parsing API (spec/email.md §2, §4.5, stack-and-pitfalls.md §A.7): download an
 * attachment by its `DownloadToken`, and register the webhook (idempotent). The SDK retries
 * nothing (`maxRetries: 0`): the caller's job retries with its own back-off.
 */
import type { BrevoClient } from '@getbrevo/brevo';
import { brevoStatusOf, loadBrevoSdk } from './brevo-sdk.js';
import { UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface BrevoInboundOptions {
  apiKey: string;
  /** Includes `/v3` (`https://api.brevo.com/v3`). */
  baseUrl: string;
  logger: Logger;
  timeoutSeconds?: number;
}

export interface InboundWebhookSpec {
  url: string;
  domain: string;
  token: string;
  description?: string;
}

export interface BrevoInboundClient {
  /** The attachment's bytes, refused beyond `maxBytes` (then `undefined`). */
  downloadAttachment(downloadToken: string, maxBytes: number): Promise<Buffer | undefined>;
  /** Creates the inbound webhook, or updates the one with the same URL; returns its id. */
  ensureInboundWebhook(
    spec: InboundWebhookSpec,
  ): Promise<{ id: number; action: 'created' | 'updated' }>;
}

function toUpstreamError(action: string, cause: unknown): UpstreamError {
  const status = brevoStatusOf(cause);
  // 400 (token invalid or expired) will not get better; the rest may.
  const retryable = status === undefined || status === 408 || status === 429 || status >= 500;
  return new UpstreamError('brevo', `Brevo : échec de ${action} (${status ?? 'réseau'})`, {
    cause,
    retryable,
    ...(status !== undefined ? { upstreamStatus: status } : {}),
  });
}

export function createBrevoInboundClient(options: BrevoInboundOptions): BrevoInboundClient {
  let loaded: Promise<BrevoClient> | undefined;
  const sdkClient = (): Promise<BrevoClient> =>
    (loaded ??= loadBrevoSdk().then(
      (sdk) =>
        new sdk.BrevoClient({
          apiKey: options.apiKey,
          baseUrl: options.baseUrl.replace(/\/+$/u, ''),
          maxRetries: 0,
          timeoutInSeconds: options.timeoutSeconds ?? 60,
        }),
    ));
  return {
    async downloadAttachment(downloadToken, maxBytes) {
      const started = Date.now();
      try {
        const answer = await (
          await sdkClient()
        ).inboundParsing.getInboundEmailAttachment({ downloadToken });
        const chunks: Buffer[] = [];
        let size = 0;
        const body = answer.stream();
        if (!body) return Buffer.alloc(0);
        const reader = body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxBytes) {
            await reader.cancel();
            options.logger.info({ size, maxBytes }, 'brevo attachment over the size limit');
            return undefined;
          }
          chunks.push(Buffer.from(value));
        }
        options.logger.debug({ size, ms: Date.now() - started }, 'brevo attachment downloaded');
        return Buffer.concat(chunks);
      } catch (cause) {
        throw toUpstreamError('téléchargement de pièce jointe', cause);
      }
    },

    async ensureInboundWebhook(spec) {
      try {
        let existing: { id: number; url: string }[] = [];
        try {
          const list = await (await sdkClient()).webhooks.getWebhooks({ type: 'inbound' });
          existing = list.webhooks.filter((w) => w.type === 'inbound');
        } catch (err) {
          // Brevo answers 400 when the account has no webhook of the type (spec/email.md §2).
          if (brevoStatusOf(err) !== 400) throw err;
        }
        const auth = { type: 'bearer' as const, token: spec.token };
        const description = spec.description ?? 'Mon Devis Sans Oublis : devis reçus par e-mail';
        const same = existing.find((w) => w.url === spec.url);
        if (same) {
          await (
            await sdkClient()
          ).webhooks.updateWebhook({
            webhookId: same.id,
            url: spec.url,
            events: ['inboundEmailProcessed'],
            domain: spec.domain,
            description,
            auth,
          });
          return { id: same.id, action: 'updated' };
        }
        const created = await (
          await sdkClient()
        ).webhooks.createWebhook({
          url: spec.url,
          type: 'inbound',
          events: ['inboundEmailProcessed'],
          domain: spec.domain,
          description,
          auth,
        });
        return { id: created.id, action: 'created' };
      } catch (cause) {
        if (cause instanceof UpstreamError) throw cause;
        throw toUpstreamError('enregistrement du webhook', cause);
      }
    },
  };
}
