/**
 * Every corpus mail through the real SMTP listener (nodemailer client on 127.0.0.1), then the
 * processing job: quote checks, case created or reused, the reply chosen, the forward to the
 * team, as each `.truth.json` says. e03 answers e02: e02 goes first (files in name order).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestRawEmail } from '../../src/inbound/ingest-email.js';
import {
  fixturesDir,
  inboundState,
  startInboundHarness,
  type InboundHarness,
} from './inbound-harness.js';
import { bare, corpusTruths, expectCorpusOutcome, outboundOf } from './corpus-expectations.js';

const truths = corpusTruths();

let h: InboundHarness;
beforeAll(async () => {
  h = await startInboundHarness();
});
afterAll(async () => {
  await h.close();
});

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
    await expectCorpusOutcome(h, row.id, truth, caseByThreadRoot);
  });

  it('e06 (wrong domain) by a channel that cannot refuse: explanatory reply and forward, no quote', async () => {
    const raw = readFileSync(join(fixturesDir, 'e06_mauvaise_adresse.eml'));
    const { id, duplicate } = await ingestRawEmail(h.db, { channel: 'cli', raw });
    expect(duplicate).toBe(false);
    await h.processAll();
    const state = await inboundState(h.db, id);
    expect(state.checks).toBe(0);
    expect(state.case_id).toBeNull();
    const sent = await outboundOf(h, id);
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
    expect((await outboundOf(h, row.id)).map((m) => m.template)).toEqual(['quotes_case_updated']);
  });
});
