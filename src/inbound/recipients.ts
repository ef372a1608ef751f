/**
 * Which of our addresses a mail was sent to (DESIGN.md §3): on INBOUND_MAIL_DOMAIN, `devis`
 * and `devis+<token>` are the service (the token names a QuotesCase, from the Reply-To of our
 * reports); any other local part gets a short explanatory reply; other domains are refused.
 */
import { domainToASCII } from 'node:url';
import type { ParsedEmail } from './parsed-email.js';

export const SERVICE_LOCAL_PART = 'devis';
const TOKEN = /^[A-Za-z0-9_-]{4,64}$/u;

export type RecipientClass = 'service' | { token: string } | 'other_local_part' | 'outside_domain';

function asciiDomain(domain: string): string {
  const trimmed = domain.trim().replace(/\.$/u, '').toLowerCase();
  return domainToASCII(trimmed) || trimmed;
}

function bare(address: string): string {
  return address.trim().replace(/^.*</u, '').replace(/>.*$/u, '').trim();
}

export function classifyRecipient(address: string, inboundDomain: string): RecipientClass {
  const value = bare(address);
  const at = value.lastIndexOf('@');
  if (at <= 0) return 'outside_domain';
  if (asciiDomain(value.slice(at + 1)) !== asciiDomain(inboundDomain)) return 'outside_domain';
  const local = value
    .slice(0, at)
    .replace(/^"(.*)"$/u, '$1')
    .toLowerCase();
  if (local === SERVICE_LOCAL_PART) return 'service';
  if (local.startsWith(`${SERVICE_LOCAL_PART}+`)) {
    // The token keeps its case as written in the original address.
    const token = value.slice(SERVICE_LOCAL_PART.length + 1, at).replace(/"$/u, '');
    return TOKEN.test(token) ? { token } : 'service';
  }
  return 'other_local_part';
}

export type RecipientSource = 'envelope' | 'delivered_to' | 'x_original_to' | 'to' | 'cc';

export interface RecipientCandidates {
  envelope?: readonly string[];
  deliveredTo?: readonly string[];
  xOriginalTo?: readonly string[];
  to?: readonly string[];
  cc?: readonly string[];
}

export interface PickedRecipient {
  address: string;
  source: RecipientSource;
  recipient: Exclude<RecipientClass, 'outside_domain'>;
}

const ORDER: readonly [keyof RecipientCandidates, RecipientSource][] = [
  ['envelope', 'envelope'],
  ['deliveredTo', 'delivered_to'],
  ['xOriginalTo', 'x_original_to'],
  ['to', 'to'],
  ['cc', 'cc'],
];

/**
 * The recipient that decides what happens to the mail: a case token first (wherever it is),
 * then the service address, then another local part of our domain; sources are searched from
 * the most trustworthy (the SMTP envelope) to Cc. `undefined`: none of them is on our domain.
 */
export function pickRecipient(
  candidates: RecipientCandidates,
  inboundDomain: string,
): PickedRecipient | undefined {
  const all = ORDER.flatMap(([key, source]) =>
    (candidates[key] ?? []).map((address) => ({
      address: bare(address),
      source,
      recipient: classifyRecipient(address, inboundDomain),
    })),
  );
  const onDomain = all.filter((c): c is PickedRecipient => c.recipient !== 'outside_domain');
  return (
    onDomain.find((c) => typeof c.recipient === 'object') ??
    onDomain.find((c) => c.recipient === 'service') ??
    onDomain[0]
  );
}

/** The recipient candidates of a parsed mail (SMTP envelope and headers). */
export function recipientCandidatesOf(parsed: ParsedEmail): RecipientCandidates {
  return {
    envelope: parsed.envelopeRecipients,
    deliveredTo: parsed.deliveredTo,
    xOriginalTo: parsed.xOriginalTo,
    to: parsed.to.map((m) => m.address),
    cc: parsed.cc.map((m) => m.address),
  };
}
