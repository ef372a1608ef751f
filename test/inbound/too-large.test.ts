/**
 * An attachment over MDSO_QUOTE_FILE_MAX_SIZE in a mail under the SMTP cap (corpus e09 with a
 * small limit): no quote, `attachment_too_large` naming it; with a quote beside it, the
 * acknowledgement names it instead.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { composeMail, fakePdf } from './compose.js';
import {
  DOMAIN,
  inboundState,
  startInboundHarness,
  type InboundHarness,
} from './inbound-harness.js';

let h: InboundHarness;
beforeAll(async () => {
  h = await startInboundHarness({ MDSO_QUOTE_FILE_MAX_SIZE: '1' });
});
afterAll(async () => {
  await h.close();
});

async function send(attachments: { filename: string; content: Buffer }[], messageId: string) {
  const raw = await composeMail({
    from: 'hugo@boisenergie-exemple.fr',
    to: `devis@${DOMAIN}`,
    subject: 'Dossier complet',
    text: 'Ci-joint.',
    messageId,
    attachments,
  });
  const response = await h.sendSmtp(raw, {
    from: 'hugo@boisenergie-exemple.fr',
    to: [`devis@${DOMAIN}`],
  });
  await h.processAll();
  const id = /([0-9a-f-]{36})/u.exec(response)?.[1] ?? '';
  const sent = (await h.db('outbound_emails').where({ inbound_email_id: id })) as {
    template: string;
    message_id: string;
  }[];
  const reply = (await h.outbox()).find((f) => f.mail.messageId === sent[0]?.message_id);
  return { id, templates: sent.map((s) => s.template), text: reply?.mail.text ?? '' };
}

it('a lone oversized quote gets attachment_too_large', async () => {
  const { id, templates, text } = await send(
    [{ filename: 'dossier complet.pdf', content: fakePdf(1_600_000, 1) }],
    '<gros-1@boisenergie-exemple.fr>',
  );
  expect((await inboundState(h.db, id)).checks).toBe(0);
  expect(templates).toEqual(['attachment_too_large']);
  expect(text).toContain('dossier complet.pdf');
});

it('beside a quote, the oversized file is named in the acknowledgement', async () => {
  const { id, templates, text } = await send(
    [
      { filename: 'devis.pdf', content: fakePdf(30_000, 2) },
      { filename: 'photos.pdf', content: fakePdf(1_600_000, 3) },
    ],
    '<gros-2@boisenergie-exemple.fr>',
  );
  const state = await inboundState(h.db, id);
  expect(state.checks).toBe(1);
  expect(state.parts).toEqual([
    expect.objectContaining({ filename: 'devis.pdf', outcome: 'quote' }),
    expect.objectContaining({
      filename: 'photos.pdf',
      outcome: 'not_checked',
      reason: 'too_large',
    }),
  ]);
  expect(templates).toEqual(['quote_check_created']);
  expect(text).toContain('photos.pdf');
});
