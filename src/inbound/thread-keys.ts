/**
 * The keys that tie a mail to an existing QuotesCase (DESIGN.md §3, stack-and-pitfalls.md
 * §B.5), first hit wins: case token in our address, Message-IDs of the header chain, Outlook's
 * conversation (Thread-Index), then same sender and normalised subject. The matching against
 * the database is done elsewhere; this only computes the keys.
 */
import type { ParsedEmail } from './parsed-email.js';
import { pickRecipient, recipientCandidatesOf } from './recipients.js';

/** The first 22 bytes of a Thread-Index: reserved byte, FILETIME, conversation GUID. */
const THREAD_INDEX_ROOT_BYTES = 22;

export interface ThreadKeys {
  caseToken?: string;
  /** In-Reply-To then References (most recent first), normalised, without duplicates. */
  referencedMessageIds: string[];
  /** Hex of the first 22 bytes of Thread-Index. */
  threadIndexRoot?: string;
  normalisedSubject: string;
  /** Sender address, lower-cased ('' when the mail has none). */
  sender: string;
  /** The mail cites no Message-ID: only then may the subject heuristic apply (Gmail's rule). */
  hasNoReferences: boolean;
}

/**
 * Reply and forward prefixes of the clients in use in France and around: `Re:`, `RE :`,
 * `Fwd:`, `TR:`, `Fw:`, `AW:`, `WG:`, `Réf :`, with a count (`Re[2]:`) or `[tags]` before them.
 */
const PREFIX =
  /^\s*(?:\[[^\]]*\]\s*)*(?:re|fwd?|tr|aw|wg|r[ée]f|antw|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/iu;
const TAGS = /^\s*(?:\[[^\]]*\]\s*)+/u;

export function normaliseSubject(subject: string): string {
  let rest = subject.normalize('NFC');
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(PREFIX, '');
  }
  return rest.replace(TAGS, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}

export function threadIndexRoot(threadIndex: string): string | undefined {
  const compact = threadIndex.replace(/\s+/gu, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(compact)) return undefined;
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length < THREAD_INDEX_ROOT_BYTES) return undefined;
  return bytes.subarray(0, THREAD_INDEX_ROOT_BYTES).toString('hex');
}

export function threadKeys(parsed: ParsedEmail, inboundDomain: string): ThreadKeys {
  const picked = pickRecipient(recipientCandidatesOf(parsed), inboundDomain);
  const chain = [
    ...(parsed.inReplyTo ? [parsed.inReplyTo] : []),
    ...[...parsed.references].reverse(),
  ];
  const referencedMessageIds = [...new Set(chain)];
  const keys: ThreadKeys = {
    referencedMessageIds,
    normalisedSubject: normaliseSubject(parsed.subject),
    sender: (parsed.from?.address ?? '').toLowerCase(),
    hasNoReferences: referencedMessageIds.length === 0,
  };
  if (picked && typeof picked.recipient === 'object') keys.caseToken = picked.recipient.token;
  const root = parsed.threadIndex ? threadIndexRoot(parsed.threadIndex) : undefined;
  if (root) keys.threadIndexRoot = root;
  return keys;
}
