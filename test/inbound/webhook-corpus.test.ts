/**
 * Every corpus mail through the Brevo webhook channel (fetch → express on port 0 →
 * `inbound_emails`, then the processing job downloading the attachments from a fake Brevo API),
 * asserting per `.truth.json` what the SMTP corpus test asserts: quote checks, case created or
 * reused, the reply chosen, the forward to the team. A mail the SMTP listener refuses at RCPT
 * (wrong domain, e06) reaches us by webhook (Brevo does the routing): what the truth says for a
 * channel that cannot refuse applies. e03 answers e02: e02 goes first (files in name order).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeHttp, type FakeHttp, type FakeResponse } from '../support/fake-http.js';
import { brevoItemFromEml } from './brevo-item-builder.js';
import {
  fixturesDir,
  inboundState,
  startInboundHarness,
  WEBHOOK_TOKEN,
  type InboundHarness,
} from './inbound-harness.js';

interface Truth {
  eml: string;
  message_id: string;
  from: string;
  to: string[];
  smtp_expected: string;
  expected_quote_checks: number;
  quotes_case: 'created' | 'reused' | 'none';
  quotes_case_renovation_type: string | null;
  quotes_case_thread_root: string | null;
  case_quote_checks_after?: number;
  expected_auto_reply: string | null;
  forwarded_to_team: boolean;
}

const files = readdirSync(fixturesDir);
const truths: Truth[] = files
  .filter((f) => f.endsWith('.truth.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Truth)
  .filter((t) => files.includes(t.eml));

const bare = (address: string) => address.replace(/^.*</u, '').replace(/>.*$/u, '').trim();

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

async function outboundOf(id: string) {
  return (await h
    .db('outbound_emails')
    .where({ inbound_email_id: id })
    .select('template', 'message_id', 'case_id', 'recipient')) as {
    template: string;
    message_id: string;
    case_id: string | null;
    recipient: string;
  }[];
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

    await h.processAll();
    const state = await inboundState(h.db, id);
    expect(state.status).toBe('processed');
    expect(state.checks).toBe(truth.expected_quote_checks);

    if (truth.quotes_case === 'none') {
      expect(state.case_id).toBeNull();
    } else {
      expect(state.case_id).not.toBeNull();
      const root = truth.quotes_case_thread_root ?? '';
      if (truth.quotes_case === 'reused') expect(state.case_id).toBe(caseByThreadRoot.get(root));
      else expect([...caseByThreadRoot.values()]).not.toContain(state.case_id);
      caseByThreadRoot.set(root, state.case_id ?? '');
      const quotesCase = (await h.db('quotes_cases').where({ id: state.case_id }).first()) as {
        renovation_type: string;
        profile: string;
        mail_token: string;
      };
      expect(quotesCase.renovation_type).toBe(truth.quotes_case_renovation_type);
      expect(quotesCase.profile).toBe('email');
      expect(quotesCase.mail_token).toMatch(/^[a-z2-9]{10}$/u);
      if (truth.case_quote_checks_after !== undefined) {
        const count = await h.db('quote_checks').where({ case_id: state.case_id }).count();
        expect(Number(count[0]?.count)).toBe(truth.case_quote_checks_after);
      }
    }

    const sent = await outboundOf(id);
    const replies = sent.filter((m) => m.template !== 'forward');
    expect(replies.map((m) => m.template)).toEqual(
      truth.expected_auto_reply ? [truth.expected_auto_reply] : [],
    );
    expect(sent.some((m) => m.template === 'forward')).toBe(truth.forwarded_to_team);

    if (truth.expected_auto_reply) {
      const reply = replies[0];
      const file = (await h.outbox()).find((f) => f.mail.messageId === reply?.message_id);
      expect(file).toBeDefined();
      expect(file?.template).toBe(truth.expected_auto_reply);
      expect(file?.mail.inReplyTo).toBe(truth.message_id);
      expect(file?.mail.headers.get('auto-submitted')).toBe('auto-replied');
      expect((file?.mail.to as { text: string } | undefined)?.text).toContain(bare(truth.from));
      if (state.case_id) {
        const token = (await h.db('quotes_cases').where({ id: state.case_id }).first()) as {
          mail_token: string;
        };
        expect((file?.mail.replyTo as { text: string } | undefined)?.text).toContain(
          `devis+${token.mail_token}@`,
        );
      }
    }

    // A redelivery of the same item (same Uuid) creates and sends nothing more.
    const again = await post({ items: [built.item] });
    expect(again).toEqual({ status: 200, json: { received: 0, duplicates: 1 } });
    await h.processAll();
    expect(await outboundOf(id)).toHaveLength(sent.length);
  });
});
