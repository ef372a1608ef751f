/**
 * Every corpus mail through the Brevo webhook channel (fetch → express on port 0 →
 * `inbound_emails`, then the processing job downloading the attachments from a fake Brevo API),
 * asserting per `.truth.json` what the SMTP corpus test asserts: quote checks, case created or
 * reused, the reply chosen, the forward to the team. A mail the SMTP listener refuses at RCPT
 * (wrong domain, e06) reaches us by webhook (Brevo does the routing): what the truth says for a
 * channel that cannot refuse applies. e03 answers e02: e02 goes first (files in name order).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeHttp, type FakeHttp, type FakeResponse } from '../support/fake-http.js';
import { brevoItemFromEml } from './brevo-item-builder.js';
import {
  fixturesDir,
  startInboundHarness,
  WEBHOOK_TOKEN,
  type InboundHarness,
} from './inbound-harness.js';
import { corpusTruths, expectCorpusOutcome, outboundOf } from './corpus-expectations.js';

const truths = corpusTruths();

const attachments = new Map<string, FakeResponse>();
let brevo: FakeHttp;
let h: InboundHarness;

beforeAll(async () => {
  brevo = await startFakeHttp({
    'GET /v3/inbound/attachments/': (req) =>
      attachments.get(req.path) ?? {
        status: 400,
        body: { code: 'invalid_parameter', message: 'Download token is invalid' },
      },
  });
  h = await startInboundHarness({
    BREVO_API_KEY: 'cle-brevo-de-test',
    BREVO_API_BASE_URL: `${brevo.url}/v3`,
  });
});
afterAll(async () => {
  await h.close();
  await brevo.close();
});

async function post(body: unknown) {
  const response = await fetch(h.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_TOKEN}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('corpus mails by webhook', () => {
  const caseByThreadRoot = new Map<string, string>();

  it('covers every corpus mail with an .eml', () => {
    expect(truths.length).toBeGreaterThanOrEqual(8);
    expect(truths.some((t) => t.smtp_expected === 'reject_rcpt_550')).toBe(true);
  });

  it.each(truths.map((t) => [t.eml, t] as const))('%s', async (_name, truth) => {
    const built = await brevoItemFromEml(readFileSync(join(fixturesDir, truth.eml)));
    for (const [key, route] of Object.entries(built.routes)) {
      attachments.set(key.replace(/^GET /u, ''), route as FakeResponse);
    }
    const answer = await post({ items: [built.item] });
    expect(answer).toEqual({ status: 200, json: { received: 1, duplicates: 0 } });
    const rows = (await h.db('inbound_emails').where({ message_id: truth.message_id })) as {
      id: string;
      channel: string;
    }[];
    expect(rows.map((r) => r.channel)).toEqual(['brevo']);
    const id = rows[0]?.id ?? '';

    const sent = await expectCorpusOutcome(h, id, truth, caseByThreadRoot);

    // A redelivery of the same item (same Uuid) creates and sends nothing more.
    const again = await post({ items: [built.item] });
    expect(again).toEqual({ status: 200, json: { received: 0, duplicates: 1 } });
    await h.processAll();
    expect(await outboundOf(h, id)).toHaveLength(sent.length);
  });
});
