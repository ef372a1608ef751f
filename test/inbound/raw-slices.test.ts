/**
 * A stored raw mail over one read slice (1 MiB) is read back in slices, byte for byte, and
 * processing streams it to the parser: the quote file stored is the attachment sent, and a
 * forward to the team still carries the mail's text.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { readInboundRaw } from '../../src/db/inbound-emails-repo.js';
import { composeMail } from './compose.js';
import { inboundState, startInboundHarness, type InboundHarness } from './inbound-harness.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let h: InboundHarness;
beforeAll(async () => {
  h = await startInboundHarness();
});
afterAll(async () => {
  await h.close();
});

describe('raw mails over one read slice', () => {
  it('reads the raw mail back exactly and stores the attachment intact', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), randomBytes(2_500_000)]);
    const raw = await composeMail({
      from: 'artisan@exemple-mail.fr',
      to: 'devis@mail.mdso.local',
      subject: 'Devis volumineux',
      messageId: '<tranches-de-lecture@exemple-mail.fr>',
      text: 'Notre devis en pièce jointe.',
      attachments: [{ filename: 'devis.pdf', content: pdf }],
    });
    expect(raw.length).toBeGreaterThan(3 * 1024 * 1024);
    await h.sendSmtp(raw, { from: 'artisan@exemple-mail.fr', to: ['devis@mail.mdso.local'] });
    const row = (await h
      .db('inbound_emails')
      .where({ message_id: '<tranches-de-lecture@exemple-mail.fr>' })
      .first('id', 'raw')) as { id: string; raw: Buffer };
    const read = await readInboundRaw(h.db, row.id);
    expect(read?.length).toBe(row.raw.length);
    expect(read?.equals(row.raw)).toBe(true);

    await h.processAll();
    const state = await inboundState(h.db, row.id);
    expect(state.status).toBe('processed');
    expect(state.checks).toBe(1);
    const file = (await h
      .db('quote_checks as q')
      .join('quote_files as f', 'f.id', 'q.file_id')
      .where('q.id', state.parts?.[0]?.check_id ?? '')
      .first('f.data')) as { data: Buffer };
    expect(sha256(file.data)).toBe(sha256(pdf));
  });

  it('a mail without attachment over one slice is forwarded with its text', async () => {
    const text = `Bonjour, voici notre demande.\n${'Détail de la demande. '.repeat(60_000)}`;
    const raw = await composeMail({
      from: 'particulier@exemple-mail.fr',
      to: 'devis@mail.mdso.local',
      subject: 'Question sans devis',
      messageId: '<sans-piece-longue@exemple-mail.fr>',
      text,
    });
    expect(raw.length).toBeGreaterThan(1024 * 1024);
    await h.sendSmtp(raw, { from: 'particulier@exemple-mail.fr', to: ['devis@mail.mdso.local'] });
    await h.processAll();
    const row = (await h
      .db('inbound_emails')
      .where({ message_id: '<sans-piece-longue@exemple-mail.fr>' })
      .first('id')) as { id: string };
    const sent = (await h
      .db('outbound_emails')
      .where({ inbound_email_id: row.id })
      .select('template', 'message_id')) as { template: string; message_id: string }[];
    expect(sent.map((m) => m.template).sort()).toEqual(['forward', 'no_attachment']);
    const forward = sent.find((m) => m.template === 'forward');
    const mail = (await h.outbox()).find((f) => f.mail.messageId === forward?.message_id);
    expect(mail?.mail.text).toContain('Bonjour, voici notre demande.');
  });
});
