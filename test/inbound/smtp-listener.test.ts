/**
 * The SMTP listener and the processing job on built mails: refusals at RCPT and DATA,
 * idempotency, the per-sender quota, RFC 3834, and hostile mails (broken MIME, many
 * attachments, executables, HTML with script).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readInboundRaw } from '../../src/db/inbound-raw-repo.js';
import { createSlots } from '../../src/inbound/smtp-server.js';
import { composeMail, fakePdf } from './compose.js';
import {
  DOMAIN,
  inboundState,
  startInboundHarness,
  type InboundHarness,
} from './inbound-harness.js';

let h: InboundHarness;
beforeAll(async () => {
  h = await startInboundHarness({ SMTP_MAX_MESSAGE_MB: '1', MDSO_QUOTE_FILE_MAX_SIZE: '1' });
});
afterAll(async () => {
  await h.close();
});

function mail(options: Parameters<typeof composeMail>[0] & { from?: string }) {
  return composeMail({
    from: 'Claire Artisan <claire@artisan-exemple.fr>',
    to: `devis@${DOMAIN}`,
    subject: `Devis ${randomUUID().slice(0, 8)}`,
    text: 'Bonjour, voici mon devis.',
    messageId: `<${randomUUID()}@artisan-exemple.fr>`,
    ...options,
  });
}

async function sendAndProcess(raw: Buffer, from = 'claire@artisan-exemple.fr') {
  const response = await h.sendSmtp(raw, { from, to: [`devis@${DOMAIN}`] });
  await h.processAll();
  const id = /Message reçu ([0-9a-f-]{36})/u.exec(response)?.[1] ?? '';
  return { response, id };
}

async function templatesOf(id: string) {
  const rows = (await h
    .db('outbound_emails')
    .where({ inbound_email_id: id })
    .orderBy('template')
    .select('template')) as { template: string }[];
  return rows.map((r) => r.template);
}

describe('SMTP refusals', () => {
  it('refuses a recipient of another domain at RCPT with 550', async () => {
    const raw = await mail({ attachments: [{ filename: 'd.pdf', content: fakePdf() }] });
    await expect(
      h.sendSmtp(raw, { from: 'claire@artisan-exemple.fr', to: ['devis@autre-domaine.fr'] }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses a message over SMTP_MAX_MESSAGE_MB with 552 and stores nothing', async () => {
    const raw = await mail({
      attachments: [{ filename: 'gros.pdf', content: fakePdf(1_200_000) }],
    });
    const before = await h.db('inbound_emails').count();
    await expect(h.sendSmtp(raw)).rejects.toMatchObject({ responseCode: 552 });
    expect(await h.db('inbound_emails').count()).toEqual(before);
  });

  it('answers 250 once the mail is stored', async () => {
    const raw = await mail({ attachments: [{ filename: 'd.pdf', content: fakePdf(20_000, 3) }] });
    const response = await h.sendSmtp(raw);
    expect(response).toMatch(/^250 /u);
    const id = /([0-9a-f-]{36})/u.exec(response)?.[1];
    expect((await readInboundRaw(h.db, id ?? ''))?.equals(raw)).toBe(true);
    await h.processAll();
  });
});

describe('idempotency', () => {
  it('the same mail twice by SMTP: one set of checks, one acknowledgement', async () => {
    const raw = await mail({
      attachments: [{ filename: 'devis.pdf', content: fakePdf(25_000, 11) }],
    });
    const first = await sendAndProcess(raw);
    const second = await sendAndProcess(raw);
    expect(second.id).toBe(first.id);
    expect((await inboundState(h.db, first.id)).checks).toBe(1);
    expect(await templatesOf(first.id)).toEqual(['quote_check_created']);
    // A relay adding a trace header changes nothing either.
    const relayed = Buffer.concat([Buffer.from('Received: from relais.exemple.fr\r\n'), raw]);
    expect((await sendAndProcess(relayed)).id).toBe(first.id);
  });
});

describe('quota', () => {
  it('the 21st quote within 24 hours gets quota_exceeded and creates nothing', async () => {
    const from = 'volume@artisan-volume.fr';
    const twenty = await mail({
      from,
      attachments: Array.from({ length: 20 }, (_, i) => ({
        filename: `devis-${i}.pdf`,
        content: fakePdf(12_000, i),
      })),
    });
    const first = await sendAndProcess(twenty, from);
    expect((await inboundState(h.db, first.id)).checks).toBe(20);
    const one = await mail({
      from,
      attachments: [{ filename: 'devis-21.pdf', content: fakePdf(12_000, 99) }],
    });
    const second = await sendAndProcess(one, from);
    const state = await inboundState(h.db, second.id);
    expect(state.checks).toBe(0);
    expect(state.error_code).toBe('quota_exceeded');
    expect(await templatesOf(second.id)).toEqual(['quota_exceeded']);
  });

  it('a gouv.fr sender is exempt', async () => {
    const from = 'agent@dept.gouv.fr';
    const many = await mail({
      from,
      attachments: Array.from({ length: 21 }, (_, i) => ({
        filename: `devis-${i}.pdf`,
        content: fakePdf(12_000, i + 200),
      })),
    });
    const { id } = await sendAndProcess(many, from);
    expect((await inboundState(h.db, id)).checks).toBe(21);
    expect(await templatesOf(id)).toEqual(['quotes_case_created']);
  });
});

describe('RFC 3834 and loops', () => {
  it('an auto-reply is stored, not processed, not answered', async () => {
    const raw = await mail({
      headers: { 'Auto-Submitted': 'auto-replied' },
      attachments: [{ filename: 'devis.pdf', content: fakePdf(20_000, 42) }],
    });
    const { id } = await sendAndProcess(raw);
    const state = await inboundState(h.db, id);
    expect(state.status).toBe('ignored');
    expect(state.error_code).toBe('auto_submitted');
    expect(state.checks).toBe(0);
    expect(await templatesOf(id)).toEqual([]);
  });

  it('a bounce (null reverse-path) gets no reply', async () => {
    const raw = await mail({ text: 'Delivery failed' });
    const response = await h.sendSmtp(raw, { from: '', to: [`devis@${DOMAIN}`] });
    await h.processAll();
    const id = /([0-9a-f-]{36})/u.exec(response)?.[1] ?? '';
    expect((await inboundState(h.db, id)).status).toBe('ignored');
    expect(await templatesOf(id)).toEqual([]);
  });
});

describe('hostile mails', () => {
  it('broken MIME is processed as far as it can be read, with a reply', async () => {
    const raw = Buffer.from(
      [
        'From: claire@artisan-exemple.fr',
        `To: devis@${DOMAIN}`,
        'Subject: cassé',
        `Message-ID: <${randomUUID()}@artisan-exemple.fr>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="xyz"',
        '',
        '--xyz',
        'Content-Type: application/pdf; name="devis.pdf"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="devis.pdf"',
        '',
        '%%%% pas du base64 !!!',
        '--xyz-- garbage',
        '',
      ].join('\r\n'),
    );
    const { response, id } = await sendAndProcess(raw);
    expect(response).toMatch(/^250 /u);
    const state = await inboundState(h.db, id);
    expect(state.status).toBe('processed');
    expect((await templatesOf(id)).length).toBeGreaterThan(0);
  });

  it('30 attachments from an exempt sender: one case of 30 quotes, one acknowledgement', async () => {
    const from = 'conseil@region.gouv.fr';
    const raw = await mail({
      from,
      attachments: Array.from({ length: 30 }, (_, i) => ({
        filename: `p${i}.pdf`,
        content: fakePdf(11_000, i + 500),
      })),
    });
    const { id } = await sendAndProcess(raw, from);
    const state = await inboundState(h.db, id);
    expect(state.checks).toBe(30);
    expect(await templatesOf(id)).toEqual(['quotes_case_created']);
  });

  it('a zip and an .exe only: no quote, unsupported_attachment naming both', async () => {
    const raw = await mail({
      attachments: [
        {
          filename: 'devis.zip',
          content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 1)]),
        },
        {
          filename: 'devis.exe',
          content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 2)]),
        },
      ],
    });
    const { id } = await sendAndProcess(raw);
    const state = await inboundState(h.db, id);
    expect(state.checks).toBe(0);
    expect(await templatesOf(id)).toEqual(['unsupported_attachment']);
    const sent = (await h.db('outbound_emails').where({ inbound_email_id: id }).first()) as {
      message_id: string;
    };
    const reply = (await h.outbox()).find((f) => f.mail.messageId === sent.message_id);
    expect(reply?.mail.text).toContain('devis.zip');
    expect(reply?.mail.text).toContain('devis.exe');
  });

  it('HTML with <script> in the subject and file name: stored as is, escaped in the reply', async () => {
    const evil = '<script>alert(1)</script>';
    const raw = await mail({
      subject: `Devis ${evil}`,
      html: `<p>Bonjour</p>${evil}`,
      attachments: [
        { filename: `${evil}.pdf`, content: fakePdf(20_000, 77) },
        {
          filename: `${evil}.docx`,
          content: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(900, 3)]),
        },
      ],
    });
    const { id } = await sendAndProcess(raw);
    const stored = await readInboundRaw(h.db, id);
    expect(stored?.toString('utf8')).toContain('<script>alert(1)</script>');
    const files = await h.outbox();
    const sent = (await h.db('outbound_emails').where({ inbound_email_id: id }).first()) as {
      message_id: string;
    };
    const reply = files.find((f) => f.mail.messageId === sent.message_id);
    expect(reply).toBeDefined();
    expect(typeof reply?.mail.html).toBe('string');
    expect(String(reply?.mail.html)).not.toContain('<script>');
    // The subject is quoted in the reply's subject, a plain-text header.
    expect(reply?.mail.subject).toContain(evil);
    // File names are made safe at parse time; the unsupported one is still named.
    expect(reply?.mail.text).toMatch(/script_?\.docx/u);
  });
});

describe('ingest slots', () => {
  it('let a fixed number of ingests run at once; the others wait their turn, in order', async () => {
    const slots = createSlots(2);
    const order: string[] = [];
    const first = await slots.acquire();
    const second = await slots.acquire();
    const third = slots.acquire().then((release) => {
      order.push('third');
      return release;
    });
    const fourth = slots.acquire().then((release) => {
      order.push('fourth');
      return release;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first();
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
  });
});
