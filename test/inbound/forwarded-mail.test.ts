/** parseEmail on forwarded mails (`message/rfc822` parts), nested, up to the depth limit. */
import { describe, expect, it } from '@jest/globals';
import { parseEmail } from '../../src/inbound/parse-email.js';
import { triageParts } from '../../src/inbound/triage.js';
import { composeMail, fakePdf } from './compose.js';

const opts = { maxAttachmentBytes: 10 * 1024 * 1024 };

describe('parseEmail: forwarded mails', () => {
  async function forwardChain(depth: number): Promise<Buffer> {
    let mail = await composeMail({
      from: 'artisan@example.org',
      to: 'client@example.net',
      subject: 'Votre devis',
      messageId: '<level-0@example.org>',
      text: 'Voici le devis',
      attachments: [{ filename: 'devis-profond.pdf', content: fakePdf(5000) }],
    });
    for (let level = 1; level <= depth; level += 1) {
      mail = await composeMail({
        from: 'client@example.net',
        to: 'devis@mail.mdso.local',
        subject: `Fwd: Votre devis (${level})`,
        messageId: `<level-${level}@example.net>`,
        text: 'Transféré',
        attachments: [
          {
            filename: `transfert-${level}.eml`,
            content: mail,
            contentType: 'message/rfc822',
            contentDisposition: 'attachment',
          },
        ],
      });
    }
    return mail;
  }

  it('opens forwards nested three deep', async () => {
    const parsed = await parseEmail(await forwardChain(3), opts);
    expect(parsed.problems).toEqual([]);
    expect(parsed.messageId).toBe('<level-3@example.net>');
    const pdf = parsed.parts.find((p) => p.filename === 'devis-profond.pdf');
    expect(pdf).toMatchObject({ location: 'forwarded', forwardDepth: 3, size: 5000 });
    const containers = parsed.parts.filter((p) => p.isForwardedMail);
    expect(containers.map((p) => p.forwardedMessageId)).toEqual([
      '<level-2@example.net>',
      '<level-1@example.net>',
      '<level-0@example.org>',
    ]);
  });

  it('stops past five levels and says so', async () => {
    const parsed = await parseEmail(await forwardChain(7), opts);
    expect(parsed.problems).toContain('forward_depth_limit');
    expect(parsed.parts.find((p) => p.filename === 'devis-profond.pdf')).toBeUndefined();
    const containers = parsed.parts.filter((p) => p.isForwardedMail);
    expect(containers.map((p) => p.forwardOpened)).toEqual([true, true, true, true, true, false]);
    const decisions = triageParts(parsed, { maxQuoteFileBytes: opts.maxAttachmentBytes });
    expect(decisions.at(-1)).toMatchObject({ outcome: 'not_checked', reason: 'forward_too_deep' });
  });
});
