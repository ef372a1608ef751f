/** autoReplyPolicy: RFC 3834 and the loop guards of DESIGN.md §3. */
import { describe, expect, it } from '@jest/globals';
import { autoReplyPolicy } from '../../src/inbound/auto-reply-policy.js';
import { parseEmail } from '../../src/inbound/parse-email.js';

const policy = {
  ourAddresses: ['Mon Devis Sans Oublis <devis@mon-devis-sans-oublis.local>'],
  inboundDomain: 'mail.mdso.local',
};

async function decide(headers: string[], from = 'Artisan <artisan@example.org>') {
  const mail = [
    `From: ${from}`,
    'To: devis@mail.mdso.local',
    'Subject: Devis',
    'Message-ID: <p@example.org>',
    ...headers,
    ...(headers.some((h) => h.startsWith('Content-Type')) ? [] : ['Content-Type: text/plain']),
    '',
    'Corps',
  ].join('\r\n');
  return autoReplyPolicy(await parseEmail(Buffer.from(mail), { maxAttachmentBytes: 1024 }), policy);
}

describe('autoReplyPolicy', () => {
  it('answers an ordinary mail, and Auto-Submitted: no', async () => {
    expect(await decide([])).toEqual({ mayReply: true });
    expect(await decide(['Auto-Submitted: no'])).toEqual({ mayReply: true });
  });

  it.each([
    [['Auto-Submitted: auto-replied'], 'auto_submitted'],
    [['Auto-Submitted: auto-generated; owner-email="x@example.org"'], 'auto_submitted'],
    [['X-Autoreply: yes'], 'auto_submitted'],
    [['Precedence: bulk'], 'precedence'],
    [['Precedence: junk'], 'precedence'],
    [['List-Unsubscribe: <mailto:u@example.org>'], 'list'],
    [['List-Id: <devis.example.org>'], 'list'],
    [['Content-Type: multipart/report; report-type=delivery-status; boundary="R"'], 'report'],
    [['X-MDSO-Template: quote_results'], 'our_own_mail'],
    [['Return-Path: <>'], 'no_reply_sender'],
    [Array.from({ length: 21 }, (_, i) => `Received: from hop${i} by hop${i + 1};`), 'loop'],
  ])('%j → %s', async (headers, reason) => {
    expect(await decide(headers)).toEqual({ mayReply: false, reason });
  });

  it('20 Received headers are not yet a loop', async () => {
    const hops = Array.from({ length: 20 }, (_, i) => `Received: from hop${i} by hop${i + 1};`);
    expect(await decide(hops)).toEqual({ mayReply: true });
  });

  it.each([
    ['MAILER-DAEMON@mx.example.org', 'no_reply_sender'],
    ['postmaster@example.org', 'no_reply_sender'],
    ['no-reply@example.org', 'no_reply_sender'],
    ['noreply@example.org', 'no_reply_sender'],
    ['ne-pas-repondre@impots.example.fr', 'no_reply_sender'],
    ['Service <devis@mon-devis-sans-oublis.local>', 'our_own_mail'],
    ['devis+abcd1234@MAIL.MDSO.LOCAL', 'our_own_mail'],
  ])('sender %s → %s', async (from, reason) => {
    expect(await decide([], from)).toEqual({ mayReply: false, reason });
  });
});
