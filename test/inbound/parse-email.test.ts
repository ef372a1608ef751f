/** parseEmail on hostile and unusual mails, built here with MailComposer or as raw text. */
import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { parseEmail } from '../../src/inbound/parse-email.js';
import { composeMail, fakePdf } from './compose.js';

const opts = { maxAttachmentBytes: 10 * 1024 * 1024 };
const pdfBase64 = fakePdf(3000).toString('base64').replace(/.{76}/gu, '$&\r\n');

function raw(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

const HEAD = [
  'From: Artisan <artisan@example.org>',
  'To: devis@mail.mdso.local',
  'Message-ID: <hostile-1@Example.ORG>',
  'Date: Mon, 16 Nov 2026 09:14:00 +0100',
  'MIME-Version: 1.0',
];

describe('parseEmail: broken MIME is parsed as far as possible, never thrown', () => {
  it('multipart whose closing boundary is missing', async () => {
    const mail = raw([
      ...HEAD,
      'Subject: sans fin',
      'Content-Type: multipart/mixed; boundary="XYZ"',
      '',
      '--XYZ',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bonjour',
      '--XYZ',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="devis.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdfBase64,
    ]);
    const parsed = await parseEmail(mail, opts);
    expect(parsed.problems).toContain('malformed_mime');
    expect(parsed.parts).toHaveLength(1);
    expect(parsed.parts[0]?.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(parsed.messageId).toBe('<hostile-1@example.org>');
  });

  it('base64 with characters outside the alphabet', async () => {
    const mail = raw([
      ...HEAD,
      'Subject: base64 abîmé',
      'Content-Type: multipart/mixed; boundary="B"',
      '',
      '--B',
      'Content-Type: application/pdf; name="devis.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjcK!!**??',
      '%%%% not base64 at all ####',
      '--B--',
      '',
    ]);
    const parsed = await parseEmail(mail, opts);
    expect(parsed.problems).toContain('bad_base64');
    expect(parsed.parts).toHaveLength(1);
    expect(parsed.parts[0]?.filename).toBe('devis.pdf');
  });

  it('raw 8-bit Latin-1 subject, read as Windows-1252', async () => {
    const mail = raw([
      ...HEAD,
      'Subject: Devis révisé été',
      'Content-Type: text/plain',
      '',
      'Corps',
    ]);
    const parsed = await parseEmail(mail, opts);
    expect(parsed.subject).toBe('Devis révisé été');
    expect(parsed.problems).toContain('raw_8bit_header');
  });

  it('unknown charset: the text is still read, the problem recorded', async () => {
    const mail = raw([
      ...HEAD,
      'Subject: =?x-klingon?Q?devis?=',
      'Content-Type: text/plain; charset="x-klingon-8"',
      '',
      'Devis joint',
    ]);
    const parsed = await parseEmail(mail, opts);
    expect(parsed.problems).toContain('unknown_charset');
    expect(parsed.text).toContain('Devis joint');
  });

  it('a header block over 1 MB', async () => {
    const mail = raw([...HEAD, `X-Junk: ${'a'.repeat(1_200_000)}`, 'Subject: x', '', 'Corps']);
    const parsed = await parseEmail(mail, opts);
    expect(parsed.problems.some((p) => p === 'header_too_large' || p === 'malformed_mime')).toBe(
      true,
    );
  });

  it('empty input, garbage and a mail that is only a PDF', async () => {
    const empty = await parseEmail(Buffer.alloc(0), opts);
    expect(empty.parts).toEqual([]);
    const garbage = await parseEmail(Buffer.from([0, 255, 13, 10, 13, 10, 0x80, 0x81, 0xfe]), opts);
    expect(garbage.parts).toEqual([]);
    const single = await parseEmail(
      raw([
        ...HEAD,
        'Subject: scan',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        '',
        pdfBase64,
      ]),
      opts,
    );
    expect(single.parts).toHaveLength(1);
    expect(single.parts[0]).toMatchObject({ size: 3000, filename: 'piece-jointe-1.pdf' });
  });

  it('a stream that fails is an error of the caller, not of the mail', async () => {
    const source = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(parseEmail(source, opts)).rejects.toThrow('connection reset');
  });
});

describe('parseEmail: file names', () => {
  it('decodes RFC 2231 and RFC 2047 names with accents', async () => {
    const mail = raw([
      ...HEAD,
      'Subject: noms',
      'Content-Type: multipart/mixed; boundary="N"',
      '',
      '--N',
      'Content-Type: application/octet-stream',
      "Content-Disposition: attachment; filename*=iso-8859-1''devis%20r%E9vis%E9.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      pdfBase64,
      '--N',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="=?ISO-8859-1?Q?facture_=E9t=E9.pdf?="',
      'Content-Transfer-Encoding: base64',
      '',
      pdfBase64,
      '--N',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="../../etc/pass\twd.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdfBase64,
      '--N',
      'Content-Type: application/pdf',
      'Content-Transfer-Encoding: base64',
      '',
      pdfBase64,
      '--N--',
      '',
    ]);
    const parsed = await parseEmail(mail, opts);
    expect(parsed.problems).toEqual([]);
    expect(parsed.parts.map((p) => p.filename)).toEqual([
      'devis révisé.pdf',
      'facture été.pdf',
      'passwd.pdf',
      'piece-jointe-4.pdf',
    ]);
    expect(parsed.parts[3]?.hasDeclaredFilename).toBe(false);
  });
});

describe('parseEmail: HTML, checksum, sink', () => {
  it('parses HTML with scripts without keeping or running it', async () => {
    const html = '<html><body><script>globalThis.pwned = true;</script><p>Devis</p></body></html>';
    const parsed = await parseEmail(
      await composeMail({ from: 'a@example.org', to: 'devis@mail.mdso.local', subject: 's', html }),
      opts,
    );
    expect(parsed.htmlBytes).toBeGreaterThanOrEqual(Buffer.byteLength(html));
    expect(JSON.stringify(parsed)).not.toContain('<script');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('idempotency checksum ignores the trace headers a relay adds', async () => {
    const body = ['Subject: devis', 'Content-Type: text/plain', '', 'Corps du message'];
    const original = raw([...HEAD, ...body]);
    const relayed = raw([
      'Received: from mx.example.net by mx2.example.net; Mon, 16 Nov 2026 09:15:00 +0100',
      'Return-Path: <artisan@example.org>',
      'Delivered-To: devis@mail.mdso.local',
      ...HEAD.slice(0, 2),
      'X-Original-To: devis@mail.mdso.local',
      'Received: from a by b;',
      '\tMon, 16 Nov 2026 09:14:30 +0100',
      ...HEAD.slice(2),
      ...body,
    ]);
    const changed = raw([...HEAD, ...body.slice(0, 3), 'Corps du message modifié']);
    const [a, b, c] = await Promise.all(
      [original, relayed, changed].map((m) => parseEmail(m, opts)),
    );
    expect(b?.idempotencyChecksum).toBe(a?.idempotencyChecksum);
    expect(b?.receivedCount).toBe(2);
    expect(b?.deliveredTo).toEqual(['devis@mail.mdso.local']);
    expect(c?.idempotencyChecksum).not.toBe(a?.idempotencyChecksum);
  });

  it('hands attachments to a sink as streams and keeps no bytes', async () => {
    const pdf = fakePdf(200_000);
    const mail = await composeMail({
      from: 'a@example.org',
      to: 'devis@mail.mdso.local',
      subject: 'sink',
      attachments: [{ filename: 'devis.pdf', content: pdf }],
    });
    const received: { name: string; bytes: number }[] = [];
    const parsed = await parseEmail(mail, {
      ...opts,
      onAttachment: async (meta, content) => {
        let bytes = 0;
        for await (const chunk of content) bytes += (chunk as Buffer).length;
        received.push({ name: meta.filename, bytes });
      },
    });
    expect(received).toEqual([{ name: 'devis.pdf', bytes: pdf.length }]);
    expect(parsed.parts[0]).toMatchObject({ sentToSink: true, size: pdf.length });
    expect(parsed.parts[0]?.bytes).toBeUndefined();
  });

  it('a failing sink fails the parse', async () => {
    const mail = await composeMail({
      from: 'a@example.org',
      to: 'devis@mail.mdso.local',
      subject: 'sink',
      attachments: [{ filename: 'devis.pdf', content: fakePdf(50_000) }],
    });
    await expect(
      parseEmail(mail, {
        ...opts,
        onAttachment: () => Promise.reject(new Error('disk full')),
      }),
    ).rejects.toThrow('attachment sink failed');
  });
});
