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
import type { FakeResponse } from '../support/fake-http.js';
import { startBrevoHarness, type BrevoHarness } from './brevo-harness.js';
import { brevoItemFromEml } from './brevo-item-builder.js';
import { fixturesDir, type InboundHarness } from './inbound-harness.js';
import { corpusTruths, expectCorpusOutcome, outboundOf } from './corpus-expectations.js';

const truths = corpusTruths();

let t: BrevoHarness;
let h: InboundHarness;
let attachments: Map<string, FakeResponse>;

beforeAll(async () => {
  t = await startBrevoHarness();
  ({ h, attachments } = t);
});
afterAll(async () => {
  await t.close();
});

const post = (body: unknown, token?: string | null) => t.post(body, token);

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
