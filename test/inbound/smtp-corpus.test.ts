/**
 * Every corpus mail through the real SMTP listener (nodemailer client on 127.0.0.1), then the
 * processing job: quote checks, case created or reused, the reply chosen, the forward to the
 * team, as each `.truth.json` says. e03 answers e02: e02 goes first (files in name order).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestRawEmail } from '../../src/inbound/ingest-email.js';
import {
  fixturesDir,
  inboundState,
  startInboundHarness,
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

const truths: Truth[] = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.truth.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Truth)
  .filter((t) => readdirSync(fixturesDir).includes(t.eml));

const bare = (address: string) => address.replace(/^.*</u, '').replace(/>.*$/u, '').trim();

let h: InboundHarness;
beforeAll(async () => {
  h = await startInboundHarness();
});
afterAll(async () => {
  await h.close();
});

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

describe('corpus mails by SMTP', () => {
  const caseByThreadRoot = new Map<string, string>();

  it.each(truths.map((t) => [t.eml, t] as const))('%s', async (_name, truth) => {
    const raw = readFileSync(join(fixturesDir, truth.eml));
    const envelope = { from: bare(truth.from), to: truth.to.map(bare) };
    if (truth.smtp_expected === 'reject_rcpt_550') {
      await expect(h.sendSmtp(raw, envelope)).rejects.toMatchObject({ responseCode: 550 });
      const stored = await h.db('inbound_emails').where({ message_id: truth.message_id });
      expect(stored).toHaveLength(0);
      return;
    }
    const response = await h.sendSmtp(raw, envelope);
    expect(response).toMatch(/^250 /u);
    const row = (await h.db('inbound_emails').where({ message_id: truth.message_id }).first()) as {
      id: string;
    };
    expect(row).toBeDefined();
    await h.processAll();
    const state = await inboundState(h.db, row.id);
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

    const sent = await outboundOf(row.id);
    const replies = sent.filter((m) => m.template !== 'forward');
    expect(replies.map((m) => m.template)).toEqual(
      truth.expected_auto_reply ? [truth.expected_auto_reply] : [],
    );
    expect(sent.some((m) => m.template === 'forward')).toBe(truth.forwarded_to_team);

    if (truth.expected_auto_reply) {
      const reply = replies[0];
      const files = await h.outbox();
      const file = files.find((f) => f.mail.messageId === reply?.message_id);
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
  });

  it('e06 (wrong domain) by a channel that cannot refuse: explanatory reply and forward, no quote', async () => {
    const raw = readFileSync(join(fixturesDir, 'e06_mauvaise_adresse.eml'));
    const { id, duplicate } = await ingestRawEmail(h.db, { channel: 'cli', raw });
    expect(duplicate).toBe(false);
    await h.processAll();
    const state = await inboundState(h.db, id);
    expect(state.checks).toBe(0);
    expect(state.case_id).toBeNull();
    const sent = await outboundOf(id);
    expect(sent.map((m) => m.template).sort()).toEqual(['forward', 'wrong_address']);
  });

  it('a reply to our acknowledgement joins the case through the case token', async () => {
    const e01 = (await h
      .db('inbound_emails')
      .where({ message_id: '<20261116091402.7c41e2a9@isocombles-armor.fr>' })
      .first('case_id')) as { case_id: string };
    const token = (await h.db('quotes_cases').where({ id: e01.case_id }).first()) as {
      mail_token: string;
    };
    const { composeMail, fakePdf } = await import('./compose.js');
    const raw = await composeMail({
      from: 'armelle.guezennec@isocombles-armor.fr',
      to: `devis+${token.mail_token.toUpperCase()}@mail.mdso.local`,
      subject: 'Complément',
      text: 'Voici le devis modifié.',
      attachments: [{ filename: 'devis-v2.pdf', content: fakePdf(30_000, 7) }],
    });
    await h.sendSmtp(raw, {
      from: 'armelle.guezennec@isocombles-armor.fr',
      to: [`devis+${token.mail_token}@mail.mdso.local`],
    });
    await h.processAll();
    const row = (await h.db('inbound_emails').orderBy('received_at', 'desc').first('id')) as {
      id: string;
    };
    const state = await inboundState(h.db, row.id);
    expect(state.case_id).toBe(e01.case_id);
    expect((await outboundOf(row.id)).map((m) => m.template)).toEqual(['quotes_case_updated']);
  });
});
