/**
 * The inbound harness with a fake Brevo API on 127.0.0.1 serving attachment downloads (answers
 * set per token by the test), and a client for our webhook.
 */
import { startFakeHttp, type FakeHttp, type FakeResponse } from '../support/fake-http.js';
import { startInboundHarness, WEBHOOK_TOKEN, type InboundHarness } from './inbound-harness.js';

export interface BrevoHarness {
  h: InboundHarness;
  brevo: FakeHttp;
  /** Answers of `GET /v3/inbound/attachments/<token>`, keyed by path. */
  attachments: Map<string, FakeResponse>;
  /** POSTs to our webhook with the bearer token (null: none). */
  post(
    body: unknown,
    token?: string | null,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startBrevoHarness(): Promise<BrevoHarness> {
  const attachments = new Map<string, FakeResponse>();
  const brevo = await startFakeHttp({
    'GET /v3/inbound/attachments/': (req) =>
      attachments.get(req.path) ?? {
        status: 400,
        body: { code: 'invalid_parameter', message: 'Download token is invalid' },
      },
  });
  const h = await startInboundHarness({
    BREVO_API_KEY: 'cle-brevo-de-test',
    BREVO_API_BASE_URL: `${brevo.url}/v3`,
  });
  return {
    h,
    brevo,
    attachments,
    post: async (body, token = WEBHOOK_TOKEN) => {
      const response = await fetch(h.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    close: async () => {
      await h.close();
      await brevo.close();
    },
  };
}
