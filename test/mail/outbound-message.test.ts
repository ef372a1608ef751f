import { describe, expect, it } from '@jest/globals';
import {
  buildOutboundMessage,
  MAX_REFERENCES,
  parseMessageIds,
  replySubject,
} from '../../src/mail/outbound-message.js';

const rendered = {
  subject: '[Mon Devis Sans Oublis] Devis analysé',
  html: '<p>x</p>',
  text: 'x\n',
};
const base = {
  template: 'results_available' as const,
  rendered,
  from: 'Mon Devis Sans Oublis <devis@exemple-envoi.fr>',
  to: 'particulier@exemple.org',
};

describe('buildOutboundMessage', () => {
  it('a first mail: our Message-ID, template subject, loop-prevention headers', () => {
    const m = buildOutboundMessage(base);
    expect(m.messageId).toMatch(/^<[0-9a-f-]{36}@exemple-envoi\.fr>$/u);
    expect(m.subject).toBe(rendered.subject);
    expect(m.inReplyTo).toBeUndefined();
    expect(m.references).toEqual([]);
    expect(m.headers).toMatchObject({
      'Auto-Submitted': 'auto-replied',
      'X-MDSO-Template': 'results_available',
    });
  });

  it('a reply: In-Reply-To, References = previous + parent, Re: once', () => {
    const m = buildOutboundMessage({
      ...base,
      inReplyTo: '<parent@client.example>',
      references: '<root@client.example> <middle@client.example>',
      originalSubject: 'Mon devis',
    });
    expect(m.inReplyTo).toBe('<parent@client.example>');
    expect(m.references).toEqual([
      '<root@client.example>',
      '<middle@client.example>',
      '<parent@client.example>',
    ]);
    expect(m.subject).toBe('Re: Mon devis');
    expect(
      buildOutboundMessage({ ...base, inReplyTo: 'p@x.example', originalSubject: 'RE: Mon devis' })
        .subject,
    ).toBe('RE: Mon devis');
    expect(buildOutboundMessage({ ...base, inReplyTo: '<p@x.example>' }).subject).toBe(
      `Re: ${rendered.subject}`,
    );
  });

  it('keeps the thread root and the latest references', () => {
    const refs = Array.from({ length: 30 }, (_, i) => `<r${i}@x.example>`);
    const m = buildOutboundMessage({ ...base, inReplyTo: '<p@x.example>', references: refs });
    expect(m.references).toHaveLength(MAX_REFERENCES);
    expect(m.references[0]).toBe('<r0@x.example>');
    expect(m.references.at(-1)).toBe('<p@x.example>');
  });

  it('reply-to is the case address when a token is given', () => {
    const m = buildOutboundMessage({
      ...base,
      caseToken: 'abc123',
      inboundDomain: 'in.exemple.fr',
    });
    expect(m.replyTo).toBe('devis+abc123@in.exemple.fr');
    expect(() =>
      buildOutboundMessage({ ...base, caseToken: 'a b', inboundDomain: 'in.exemple.fr' }),
    ).toThrow();
    expect(() => buildOutboundMessage({ ...base, caseToken: 'abc' })).toThrow();
  });

  it('refuses line breaks in address fields', () => {
    expect(() =>
      buildOutboundMessage({ ...base, to: 'a@x.example\r\nBcc: b@y.example' }),
    ).toThrow();
  });

  it('helpers', () => {
    expect(replySubject('Re: Re: x')).toBe('Re: Re: x');
    expect(replySubject('re :x')).toBe('re :x');
    expect(parseMessageIds(['<a@b>', '<a@b> <c@d>'])).toEqual(['<a@b>', '<c@d>']);
  });
});
