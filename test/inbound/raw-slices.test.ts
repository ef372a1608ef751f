/**
 * A raw mail over one stored chunk (1 MiB) is written in chunks as it arrives and read back in
 * chunks, byte for byte, and processing streams it to the parser: the quote file stored is the
 * attachment sent, and a forward to the team still carries the mail's text. A redelivery
 * stores no chunk; rows from before the chunks (`raw`) are still read; retention drops both.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { readInboundRaw } from '../../src/db/inbound-raw-repo.js';
import { purgeRawEmails } from '../../src/db/retention-repo.js';
import { composeMail, fakePdf } from './compose.js';
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
      .first('id', 'raw', 'raw_size')) as { id: string; raw: Buffer | null; raw_size: string };
    // Stored in chunks as it arrived, not in the `raw` column.
    expect(row.raw).toBeNull();
    expect(Number(row.raw_size)).toBe(raw.length);
    const chunks = (await h
      .db('inbound_email_chunks')
      .where({ inbound_email_id: row.id })
      .select('seq')) as { seq: number }[];
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    const read = await readInboundRaw(h.db, row.id);
    expect(read?.equals(raw)).toBe(true);

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

  it('a redelivery over several chunks stores nothing more', async () => {
    const raw = await composeMail({
      from: 'artisan@exemple-mail.fr',
      to: 'devis@mail.mdso.local',
      subject: 'Devis envoyé deux fois',
      messageId: '<deux-fois-en-tranches@exemple-mail.fr>',
      attachments: [{ filename: 'devis.pdf', content: fakePdf(2_500_000) }],
    });
    const envelope = { from: 'artisan@exemple-mail.fr', to: ['devis@mail.mdso.local'] };
    const chunksBefore = await chunkCount();
    const first = await h.sendSmtp(raw, envelope);
    const chunksOfOne = (await chunkCount()) - chunksBefore;
    // A relay on the way adds a trace header: same mail, same key.
    const again = await h.sendSmtp(Buffer.concat([Buffer.from('Received: from relais\r\n'), raw]));
    expect(again).toMatch(/^250 /u);
    expect(idOf(again)).toBe(idOf(first));
    expect((await chunkCount()) - chunksBefore).toBe(chunksOfOne);
    const rows = await h
      .db('inbound_emails')
      .where({ message_id: '<deux-fois-en-tranches@exemple-mail.fr>' });
    expect(rows).toHaveLength(1);
  });

  it('a mail stored before the chunks (in `raw`) is still read and processed', async () => {
    const raw = await composeMail({
      from: 'artisan@exemple-mail.fr',
      to: 'devis@mail.mdso.local',
      subject: 'Devis ancien',
      messageId: '<ancienne-ligne@exemple-mail.fr>',
      attachments: [{ filename: 'devis.pdf', content: fakePdf(1_500_000) }],
    });
    const [row] = (await h
      .db('inbound_emails')
      .insert({
        channel: 'smtp',
        message_id: '<ancienne-ligne@exemple-mail.fr>',
        checksum: 'ancienne',
        raw,
        envelope_from: 'artisan@exemple-mail.fr',
        envelope_recipients: ['devis@mail.mdso.local'],
      })
      .returning('id')) as { id: string }[];
    const id = row?.id ?? '';
    expect((await readInboundRaw(h.db, id))?.equals(raw)).toBe(true);
    await h.processAll();
    const state = await inboundState(h.db, id);
    expect(state.status).toBe('processed');
    expect(state.checks).toBe(1);
  });

  it('a database failure midway answers 451, the sender may retry at once', async () => {
    const raw = await composeMail({
      from: 'artisan@exemple-mail.fr',
      to: 'devis@mail.mdso.local',
      subject: 'Devis pendant une panne',
      messageId: '<pendant-la-panne@exemple-mail.fr>',
      attachments: [{ filename: 'devis.pdf', content: fakePdf(2_500_000) }],
    });
    await h.db.raw('ALTER TABLE inbound_email_chunks RENAME TO inbound_email_chunks_hors_ligne');
    try {
      await expect(h.sendSmtp(raw)).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      await h.db.raw('ALTER TABLE inbound_email_chunks_hors_ligne RENAME TO inbound_email_chunks');
    }
    expect(await h.sendSmtp(raw)).toMatch(/^250 /u);
    const id = (await h
      .db('inbound_emails')
      .where({ message_id: '<pendant-la-panne@exemple-mail.fr>' })
      .first('id')) as { id: string };
    expect((await readInboundRaw(h.db, id.id))?.equals(raw)).toBe(true);
  });

  it('retention drops the chunks and the raw column alike', async () => {
    await h.db('inbound_emails').update({ received_at: h.db.raw("now() - interval '31 days'") });
    expect(await purgeRawEmails(h.db, 30)).toBeGreaterThanOrEqual(3);
    expect(await chunkCount()).toBe(0);
    const left = (await h
      .db('inbound_emails')
      .whereNotNull('raw')
      .orWhereNotNull('raw_size')
      .count('* as n')) as { n: string }[];
    expect(Number(left[0]?.n)).toBe(0);
    const any = (await h.db('inbound_emails').first('id')) as { id: string };
    expect(await readInboundRaw(h.db, any.id)).toBeNull();
  });
});

async function chunkCount(): Promise<number> {
  const [row] = (await h.db('inbound_email_chunks').count('* as n')) as { n: string }[];
  return Number(row?.n);
}

function idOf(response: string): string | undefined {
  return /([0-9a-f-]{36})/u.exec(response)?.[1];
}
