/**
 * Builds the message handed to a transport: threading headers (the reply goes into the sender's
 * thread, DESIGN.md §6), loop-prevention headers (RFC 3834, stack notes §B.4), the template
 * name, and the case's reply address `devis+<token>@<INBOUND_MAIL_DOMAIN>`.
 */
import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../adapters/mail-transport/message.js';
import { parseAddress } from '../adapters/mail-transport/message.js';
import { InvalidInputError } from '../errors.js';
import type { RenderedMail } from './renderer.js';
import type { TemplateName } from './template-names.js';

/** References kept: the thread root and the most recent ones (RFC 5322 §3.6.4 allows trimming). */
export const MAX_REFERENCES = 10;

export interface BuildOutboundOptions {
  template: TemplateName;
  rendered: RenderedMail;
  from: string;
  to: string;
  /** Explicit Reply-To; the case address wins when `caseToken` is given. */
  replyTo?: string;
  /** Message-ID of the mail answered: makes this a reply (`Re: ` subject, threading headers). */
  inReplyTo?: string;
  /** `References` of the mail answered (header value or list). */
  references?: string | readonly string[];
  /** Subject of the mail answered; the reply's subject is `Re: ` + it (the template's otherwise). */
  originalSubject?: string;
  /** Case token for the reply address; needs `inboundDomain`. */
  caseToken?: string;
  inboundDomain?: string;
  /** Domain of generated Message-IDs; the `from` address's domain by default. */
  messageIdDomain?: string;
}

const MESSAGE_ID = /<[^<>\s]+@[^<>\s]+>/gu;

/** Message-IDs found in a header value or list, in order, each once, angle brackets included. */
export function parseMessageIds(value: string | readonly string[] | undefined): string[] {
  const raw = typeof value === 'string' ? [value] : (value ?? []);
  const ids: string[] = [];
  for (const part of raw) {
    const found =
      part.match(MESSAGE_ID) ??
      (/^[^<>\s]+@[^<>\s]+$/u.test(part.trim()) ? [`<${part.trim()}>`] : []);
    for (const id of found) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Previous references + the parent, trimmed to the root and the latest ones. */
export function threadReferences(
  previous: readonly string[],
  parent: string | undefined,
): string[] {
  const all = [...previous];
  if (parent && !all.includes(parent)) all.push(parent);
  if (all.length <= MAX_REFERENCES) return all;
  return [all[0] ?? '', ...all.slice(all.length - (MAX_REFERENCES - 1))];
}

/** `Re: ` added once: a subject already starting with `Re:` (any case, any spacing) is kept. */
export function replySubject(subject: string): string {
  const clean = subject.replace(/[\r\n]+/gu, ' ').trim();
  return /^re\s*:/iu.test(clean) ? clean : `Re: ${clean}`;
}

export function generateMessageId(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}

function domainOf(address: string): string {
  const email = parseAddress(address).email;
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) {
    throw new InvalidInputError("adresse d'expédition sans domaine");
  }
  return email.slice(at + 1).toLowerCase();
}

function caseReplyTo(token: string, domain: string | undefined): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/u.test(token))
    throw new InvalidInputError('jeton de dossier invalide');
  if (!domain) throw new InvalidInputError('INBOUND_MAIL_DOMAIN manquant pour le jeton de dossier');
  return `devis+${token}@${domain}`;
}

function checkHeaderValue(label: string, value: string | undefined): void {
  if (value !== undefined && /[\r\n]/u.test(value)) {
    throw new InvalidInputError(`${label} : retour à la ligne interdit`);
  }
}

export function buildOutboundMessage(options: BuildOutboundOptions): OutboundMessage {
  checkHeaderValue('from', options.from);
  checkHeaderValue('to', options.to);
  checkHeaderValue('replyTo', options.replyTo);
  const parent = parseMessageIds(options.inReplyTo)[0];
  const replyTo =
    options.caseToken !== undefined
      ? caseReplyTo(options.caseToken, options.inboundDomain)
      : options.replyTo;
  const base = options.originalSubject?.trim() || options.rendered.subject;
  return {
    template: options.template,
    messageId: generateMessageId(options.messageIdDomain ?? domainOf(options.from)),
    from: options.from,
    to: options.to,
    replyTo,
    subject: parent ? replySubject(base) : options.rendered.subject,
    html: options.rendered.html,
    text: options.rendered.text,
    inReplyTo: parent,
    references: parent ? threadReferences(parseMessageIds(options.references), parent) : [],
    headers: {
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
      'X-MDSO-Template': options.template,
    },
  };
}
