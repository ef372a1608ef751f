/**
 * What every corpus mail must give, whatever the channel it came by: the truth file's
 * checks, case (created, reused in its thread, or none), reply template and forward.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { fixturesDir, inboundState, type InboundHarness } from './inbound-harness.js';

export interface Truth {
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

/** The truth files of the corpus mails present in the fixtures, in name order. */
export function corpusTruths(): Truth[] {
  const files = readdirSync(fixturesDir);
  return files
    .filter((f) => f.endsWith('.truth.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Truth)
    .filter((t) => files.includes(t.eml));
}

export const bare = (address: string) => address.replace(/^.*</u, '').replace(/>.*$/u, '').trim();

export async function outboundOf(h: InboundHarness, id: string) {
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

/** Processes the stored mail and checks it against its truth; remembers the case of its thread. */
export async function expectCorpusOutcome(
  h: InboundHarness,
  id: string,
  truth: Truth,
  caseByThreadRoot: Map<string, string>,
): Promise<Awaited<ReturnType<typeof outboundOf>>> {
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

  const sent = await outboundOf(h, id);
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
  return sent;
}
