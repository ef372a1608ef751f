/** parseBrevoWebhook on both documented payload shapes and on broken items. */
import { describe, expect, it } from '@jest/globals';
import { parseBrevoWebhook } from '../../src/inbound/brevo-payload.js';

const item = {
  Uuid: ['e1c4a2b0-1111-4222-8333-944455556666'],
  MessageId: '<CAF7x2k9@Mail.Example.fr>',
  InReplyTo: null,
  From: { Name: 'Artisan', Address: 'artisan@example.org' },
  To: [{ Name: null, Address: 'devis@mail.mdso.local' }],
  Cc: [],
  ReplyTo: null,
  Recipients: ['devis@mail.mdso.local'],
  SentAtDate: 'Mon, 16 Nov 2026 09:14:00 +0100',
  Subject: 'Devis isolation',
  RawHtmlBody: '<p>Bonjour</p>',
  RawTextBody: 'Bonjour',
  ExtractedMarkdownMessage: 'Bonjour',
  ExtractedMarkdownSignature: null,
  SpamScore: 0.4,
  Attachments: [
    {
      Name: 'devis.pdf',
      ContentType: 'application/pdf',
      ContentLength: 85054,
      ContentID: null,
      DownloadToken: 'token-1',
    },
  ],
  Headers: {
    References: '<a@example.org> <B@Example.org>',
    Received: ['from a by b', 'from b by c'],
  },
};

describe('parseBrevoWebhook', () => {
  it('reads the documented { items: [...] } shape', () => {
    const result = parseBrevoWebhook({ items: [item] });
    expect(result.invalid).toEqual([]);
    expect(result.items).toEqual([
      {
        uuid: 'e1c4a2b0-1111-4222-8333-944455556666',
        messageId: '<CAF7x2k9@mail.example.fr>',
        references: ['<a@example.org>', '<B@example.org>'],
        from: { name: 'Artisan', address: 'artisan@example.org' },
        to: [{ address: 'devis@mail.mdso.local' }],
        cc: [],
        recipients: ['devis@mail.mdso.local'],
        subject: 'Devis isolation',
        sentAtText: 'Mon, 16 Nov 2026 09:14:00 +0100',
        sentAt: new Date('2026-11-16T08:14:00Z'),
        rawTextBody: 'Bonjour',
        spamScore: 0.4,
        attachments: [
          {
            name: 'devis.pdf',
            contentType: 'application/pdf',
            contentLength: 85054,
            downloadToken: 'token-1',
          },
        ],
        headers: {
          references: ['<a@example.org> <B@Example.org>'],
          received: ['from a by b', 'from b by c'],
        },
      },
    ]);
  });

  it('reads a bare item, a string Uuid, mailbox Recipients and Spam.Score', () => {
    const { SpamScore: _s, ...rest } = item;
    const result = parseBrevoWebhook({
      ...rest,
      Uuid: 'u-1',
      Recipients: [{ Address: 'Devis+Tok3n@mail.mdso.local' }],
      Spam: { Score: 2.5 },
      InReplyTo: '<Parent@Example.org>',
      ReplyTo: { Address: 'bureau@example.org' },
    });
    expect(result.invalid).toEqual([]);
    expect(result.items[0]).toMatchObject({
      uuid: 'u-1',
      recipients: ['devis+tok3n@mail.mdso.local'],
      spamScore: 2.5,
      inReplyTo: '<Parent@example.org>',
      replyTo: { address: 'bureau@example.org' },
    });
  });

  it('reports invalid items with a reason and keeps the valid ones', () => {
    const result = parseBrevoWebhook({
      items: [item, { ...item, From: null }, { ...item, Attachments: [{ Name: 'x.pdf' }] }, 42],
    });
    expect(result.items).toHaveLength(1);
    expect(result.invalid.map((i) => i.index)).toEqual([1, 2, 3]);
    expect(result.invalid[0]?.reason).toContain('From');
    expect(result.invalid[1]?.reason).toContain('Attachments.0.DownloadToken');
    expect(JSON.stringify(result.invalid)).not.toContain('artisan@example.org');
  });

  it('nothing to do without items; a non-object body is reported', () => {
    expect(parseBrevoWebhook({})).toEqual({ items: [], invalid: [] });
    expect(parseBrevoWebhook('x').invalid).toHaveLength(1);
    expect(parseBrevoWebhook({ items: 'x' }).invalid).toHaveLength(1);
  });
});
