/**
 * Whether the service may answer a mail (DESIGN.md §3, RFC 3834, stack-and-pitfalls.md §B.4):
 * never automated mail, lists, bounces, no-reply senders, our own mail, or a loop.
 */
import type { ParsedEmail } from './parsed-email.js';

/** More `Received` headers than this: the mail is going round in circles. */
export const MAX_RECEIVED_HEADERS = 20;

export type AutoReplyBlock =
  'auto_submitted' | 'precedence' | 'list' | 'report' | 'no_reply_sender' | 'our_own_mail' | 'loop';

export type AutoReplyDecision = { mayReply: true } | { mayReply: false; reason: AutoReplyBlock };

export interface AutoReplyPolicyOptions {
  /** Addresses we send from (DEFAULT_EMAIL_FROM and the like). */
  ourAddresses: readonly string[];
  /** INBOUND_MAIL_DOMAIN: mail From this domain is ours. */
  inboundDomain: string;
}

const NO_REPLY_LOCAL_PART =
  /^(mailer-daemon|postmaster|no[-_.]?reply|ne[-_.]?pas[-_.]?repondre|ne[-_.]?pas[-_.]?répondre|do[-_.]?not[-_.]?reply|bounces?)([+\-_.].*)?$/iu;

function bareAddress(address: string): string {
  return address.replace(/^.*</u, '').replace(/>.*$/u, '').trim().toLowerCase();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).replace(/\.$/u, '');
}

export function autoReplyPolicy(
  parsed: ParsedEmail,
  opts: AutoReplyPolicyOptions,
): AutoReplyDecision {
  const headers = parsed.policyHeaders;
  const from = bareAddress(parsed.from?.address ?? '');
  const ours = new Set(opts.ourAddresses.map(bareAddress));
  const block = (reason: AutoReplyBlock): AutoReplyDecision => ({ mayReply: false, reason });

  if (headers.mdsoTemplate !== undefined || ours.has(from)) return block('our_own_mail');
  if (from && domainOf(from) === opts.inboundDomain.toLowerCase().replace(/\.$/u, '')) {
    return block('our_own_mail');
  }
  if (parsed.receivedCount > MAX_RECEIVED_HEADERS) return block('loop');
  const autoSubmitted = headers.autoSubmitted?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return block('auto_submitted');
  if (headers.xAutoreply !== undefined && !/^\s*no\s*$/iu.test(headers.xAutoreply)) {
    return block('auto_submitted');
  }
  if (headers.contentType === 'multipart/report') return block('report');
  if (!from || !from.includes('@') || headers.returnPath?.trim() === '<>') {
    return block('no_reply_sender');
  }
  if (NO_REPLY_LOCAL_PART.test(from.slice(0, from.lastIndexOf('@')))) {
    return block('no_reply_sender');
  }
  if (/^\s*(bulk|list|junk)\s*$/iu.test(headers.precedence ?? '')) return block('precedence');
  if (headers.listHeaders.length > 0) return block('list');
  return { mayReply: true };
}
