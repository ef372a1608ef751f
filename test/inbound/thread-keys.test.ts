/** threadKeys and normaliseSubject (DESIGN.md §3, stack-and-pitfalls.md §B.5). */
import { describe, expect, it } from '@jest/globals';
import { parseEmail } from '../../src/inbound/parse-email.js';
import { normaliseSubject, threadIndexRoot, threadKeys } from '../../src/inbound/thread-keys.js';

describe('normaliseSubject', () => {
  it.each([
    ['Re: Devis PAC', 'devis pac'],
    ['RE : RE: TR : Devis  PAC', 'devis pac'],
    ['Fwd: Fw: AW: WG: Devis PAC', 'devis pac'],
    ['Réf : Re[2]: Devis PAC', 'devis pac'],
    ['[Ext] RE: [Dossier] Devis PAC', 'devis pac'],
    ['  DEVIS   pac ', 'devis pac'],
    ['Retour du devis', 'retour du devis'],
    ['Trois devis', 'trois devis'],
  ])('%s → %s', (subject, expected) => {
    expect(normaliseSubject(subject)).toBe(expected);
  });
});

describe('threadKeys', () => {
  it('collects token, header chain, Outlook conversation, subject and sender', async () => {
    const conversation = Buffer.concat([Buffer.from([1]), Buffer.alloc(5, 2), Buffer.alloc(16, 3)]);
    const threadIndex = Buffer.concat([conversation, Buffer.alloc(5, 9)]).toString('base64');
    const mail = [
      'From: Artisan <Artisan@Example.org>',
      'To: devis+case0042@mail.mdso.local',
      'Subject: RE : Devis PAC',
      'Message-ID: <m3@example.org>',
      'In-Reply-To: <M2@Example.ORG>',
      'References: <m1@example.org>\r\n <M2@Example.ORG>',
      `Thread-Index: ${threadIndex}`,
      'Content-Type: text/plain',
      '',
      'Corps',
    ].join('\r\n');
    const parsed = await parseEmail(Buffer.from(mail), { maxAttachmentBytes: 1024 });
    expect(threadKeys(parsed, 'mail.mdso.local')).toEqual({
      caseToken: 'case0042',
      referencedMessageIds: ['<M2@example.org>', '<m1@example.org>'],
      threadIndexRoot: conversation.toString('hex'),
      normalisedSubject: 'devis pac',
      sender: 'artisan@example.org',
      hasNoReferences: false,
    });
  });

  it('ignores a Thread-Index that is not base64 or too short', () => {
    expect(threadIndexRoot('not base64 !')).toBeUndefined();
    expect(threadIndexRoot(Buffer.alloc(10).toString('base64'))).toBeUndefined();
  });
});
