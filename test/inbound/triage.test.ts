/** triageParts on mails with every kind of part; winmail.dat opened by the TNEF reader. */
import { describe, expect, it } from '@jest/globals';
import { frenchReason } from '../../src/inbound/french-reason.js';
import { parseEmail } from '../../src/inbound/parse-email.js';
import { readTnef } from '../../src/inbound/tnef.js';
import { triageParts, type TriagedPart } from '../../src/inbound/triage.js';
import { composeMail, fakePdf, fakePng } from './compose.js';
import { buildTnef } from './tnef-builder.js';

const MiB = 1024 * 1024;
const opts = { maxAttachmentBytes: 50 * MiB };
const triageOpts = { maxQuoteFileBytes: 50 * MiB };

type Attachments = NonNullable<NonNullable<Parameters<typeof composeMail>[0]>['attachments']>;

async function triage(attachments: Attachments, html?: string): Promise<TriagedPart[]> {
  const mail = await composeMail({
    from: 'artisan@example.org',
    to: 'devis@mail.mdso.local',
    subject: 'Devis',
    text: 'Bonjour',
    ...(html ? { html } : {}),
    attachments,
  });
  return triageParts(await parseEmail(mail, opts), triageOpts);
}

function summary(parts: TriagedPart[]): Record<string, string> {
  return Object.fromEntries(
    parts.map((p) => [
      p.part.filename,
      p.outcome === 'quote' ? `quote:${p.kind}` : `${p.outcome}:${p.reason}`,
    ]),
  );
}

describe('triageParts', () => {
  it('names an iPhone photo (HEIC) as a format we do not read, with the way out', async () => {
    const heic = Buffer.concat([
      Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'),
      Buffer.alloc(40_000),
    ]);
    const [part] = await triage([{ filename: 'IMG_0042.HEIC', content: heic }]);
    expect(part?.outcome).toBe('not_checked');
    if (part?.outcome !== 'not_checked') return;
    expect(part.reason).toBe('unsupported_format');
    const reason = frenchReason(part.reason, { formatLabel: part.formatLabel ?? '' });
    expect(reason).toContain('une photo HEIC (format des iPhone) : format non pris en charge');
    expect(reason).toContain('Le plus compatible');
  });

  it('decides from the bytes, not from the declared type', async () => {
    const parts = await triage([
      { filename: 'scan.bin', content: fakePdf(30_000), contentType: 'application/octet-stream' },
      { filename: 'DEVIS.PDF', content: fakePdf(30_000), contentType: 'application/x-pdf' },
      { filename: 'faux.pdf', content: Buffer.from('MZ\x90\0'.repeat(5000), 'latin1') },
      { filename: 'photo.png', content: fakePng(40_000) },
      { filename: 'devis.txt', content: 'Devis n° 12\nTotal TTC : 1 000 €\n'.repeat(50) },
    ]);
    expect(summary(parts)).toEqual({
      'scan.bin': 'quote:pdf',
      'DEVIS.PDF': 'quote:pdf',
      'faux.pdf': 'not_checked:unsupported_format',
      'photo.png': 'quote:png',
      'devis.txt': 'quote:text',
    });
  });

  it('ignores inline and small images, invitations, vCards and signatures; names the rest', async () => {
    const parts = await triage(
      [
        { filename: 'logo.png', content: fakePng(30_000), cid: 'logo@sig' },
        { filename: 'pixel.png', content: fakePng(2_000) },
        {
          filename: 'rdv.ics',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          contentType: 'text/calendar',
        },
        {
          filename: 'artisan.vcf',
          content: 'BEGIN:VCARD\r\nEND:VCARD\r\n',
          contentType: 'text/vcard',
        },
        {
          filename: 'smime.p7s',
          content: Buffer.alloc(3000, 1),
          contentType: 'application/pkcs7-signature',
        },
        { filename: 'vide.pdf', content: Buffer.alloc(0) },
        {
          filename: 'devis.zip',
          content: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500)]),
        },
        {
          filename: 'devis.exe',
          content: Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.alloc(5000, 0)]),
        },
      ],
      '<p>Cordialement</p><img src="cid:logo@sig">',
    );
    expect(summary(parts)).toEqual({
      'logo.png': 'ignored:inline_image',
      'pixel.png': 'ignored:small_image',
      'rdv.ics': 'ignored:calendar',
      'artisan.vcf': 'ignored:vcard',
      'smime.p7s': 'ignored:signature',
      'vide.pdf': 'not_checked:empty',
      'devis.zip': 'not_checked:unsupported_format',
      'devis.exe': 'not_checked:unsupported_format',
    });
    const labels = parts.flatMap((p) =>
      p.outcome === 'not_checked' && p.formatLabel ? [p.formatLabel] : [],
    );
    expect(labels).toEqual(['une archive ZIP', 'un programme Windows (.exe)']);
    expect(frenchReason('unsupported_format', { formatLabel: 'une archive ZIP' })).toMatch(
      /^une archive ZIP : format non pris en charge/u,
    );
  });

  it('a mail with 30 attachments gives 30 decisions', async () => {
    const attachments = Array.from({ length: 30 }, (_, i) => ({
      filename: `devis-${i + 1}.pdf`,
      content: fakePdf(12_000, i),
    }));
    const parts = await triage(attachments);
    expect(parts).toHaveLength(30);
    expect(parts.every((p) => p.outcome === 'quote')).toBe(true);
    expect(new Set(parts.map((p) => p.part.sha256)).size).toBe(30);
  });

  it('marks parts over MDSO_QUOTE_FILE_MAX_SIZE as too large', async () => {
    const mail = await composeMail({
      from: 'a@example.org',
      to: 'devis@mail.mdso.local',
      subject: 'gros',
      attachments: [{ filename: 'gros.pdf', content: fakePdf(300_000) }],
    });
    const parsed = await parseEmail(mail, { maxAttachmentBytes: 100_000 });
    expect(parsed.parts[0]).toMatchObject({ tooLarge: true, size: 300_000 });
    expect(parsed.parts[0]?.bytes).toBeUndefined();
    const [decision] = triageParts(parsed, { maxQuoteFileBytes: 100_000 });
    expect(decision).toMatchObject({ outcome: 'not_checked', reason: 'too_large' });
    expect(frenchReason('too_large', { maxMiB: 50 })).toContain('50 Mo');
  });
});

describe('winmail.dat', () => {
  const pdf = fakePdf(20_000, 3);
  const photo = fakePng(50_000);

  it('the TNEF reader extracts legacy and MAPI attachments', () => {
    const content = readTnef(
      buildTnef([
        { name: 'devis.pdf', bytes: pdf },
        { name: 'photo chantier é.png', bytes: photo, mapi: true },
      ]),
    );
    expect(content.complete).toBe(true);
    expect(content.attachments.map((a) => [a.filename, a.bytes.length])).toEqual([
      ['devis.pdf', pdf.length],
      ['photo chantier é.png', photo.length],
    ]);
    expect(readTnef(Buffer.from('not tnef'))).toEqual({ attachments: [], complete: false });
  });

  it('a winmail.dat is opened and its files triaged', async () => {
    const parts = await triage([
      {
        filename: 'winmail.dat',
        content: buildTnef([
          { name: 'devis.pdf', bytes: pdf },
          { name: 'photo.png', bytes: photo, mapi: true },
        ]),
        contentType: 'application/ms-tnef',
      },
    ]);
    expect(summary(parts)).toEqual({
      'winmail.dat': 'ignored:winmail_container',
      'devis.pdf': 'quote:pdf',
      'photo.png': 'quote:png',
    });
    expect(parts[1]?.part).toMatchObject({ location: 'winmail', size: pdf.length });
  });

  it('an unreadable winmail.dat is named in the reply', async () => {
    const parts = await triage([
      {
        filename: 'winmail.dat',
        content: Buffer.alloc(4000, 9),
        contentType: 'application/ms-tnef',
      },
    ]);
    expect(summary(parts)).toEqual({ 'winmail.dat': 'not_checked:winmail_unreadable' });
    expect(frenchReason('winmail_unreadable')).toContain('winmail.dat');
  });
});
