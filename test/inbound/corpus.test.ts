/**
 * Every corpus mail (test/fixtures/emails, copied from the shared corpus; e09, 17 MB, is
 * replaced by a generated mail in large-mail.test.ts): parse + triage + recipients + thread
 * keys must give exactly what its `.truth.json` says.
 */
import { describe, expect, it } from '@jest/globals';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoReplyPolicy } from '../../src/inbound/auto-reply-policy.js';
import { parseEmail } from '../../src/inbound/parse-email.js';
import { pickRecipient, recipientCandidatesOf } from '../../src/inbound/recipients.js';
import { threadKeys } from '../../src/inbound/thread-keys.js';
import { triageParts, type PartDecision } from '../../src/inbound/triage.js';

const dir = fileURLToPath(new URL('../fixtures/emails/', import.meta.url));
const DOMAIN = 'mail.mdso.local';
const MiB = 1024 * 1024;

interface TruthAttachment {
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  disposition: 'inline' | 'attachment';
  content_id: string | null;
  location: string;
  expected_outcome: string;
}
interface Truth {
  eml: string;
  message_id: string;
  in_reply_to: string | null;
  references: string[];
  from: string;
  subject: string;
  addressed_to_service: boolean;
  size_bytes: number;
  attachments: TruthAttachment[];
  expected_quote_checks: number;
  quotes_case_thread_root: string | null;
  max_attachment_bytes?: number;
}

const truths: Truth[] = readdirSync(dir)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Truth)
  .filter((t) => readdirSync(dir).includes(t.eml));

function expectedDecision(outcome: string): Partial<PartDecision> {
  if (outcome.startsWith('quote_check') || outcome === 'not_processed') return { outcome: 'quote' };
  if (outcome === 'ignored (signature image)')
    return { outcome: 'ignored', reason: 'inline_image' };
  if (outcome === 'unsupported_named_in_reply') {
    return { outcome: 'not_checked', reason: 'unsupported_format' };
  }
  if (outcome === 'container (not a quote)')
    return { outcome: 'ignored', reason: 'forwarded_mail' };
  if (outcome === 'rejected_too_large') return { outcome: 'not_checked', reason: 'too_large' };
  throw new Error(`outcome not mapped: ${outcome}`);
}

function expectedLocation(location: string): string {
  return location === 'inside message/rfc822' ? 'forwarded' : 'top-level';
}

describe('corpus mails', () => {
  it('has the corpus mails', () => {
    expect(truths.length).toBe(8);
  });

  for (const truth of truths) {
    it(`${truth.eml}: headers, parts, decisions, recipient and thread keys`, async () => {
      const maxBytes = truth.max_attachment_bytes ?? 50 * MiB;
      const parsed = await parseEmail(createReadStream(join(dir, truth.eml)), {
        maxAttachmentBytes: maxBytes,
      });
      expect(parsed.problems).toEqual([]);
      expect(parsed.rawSize).toBe(truth.size_bytes);
      expect(parsed.messageId).toBe(truth.message_id);
      expect(parsed.inReplyTo ?? null).toBe(truth.in_reply_to);
      expect(parsed.references).toEqual(truth.references);
      expect(parsed.subject).toBe(truth.subject);
      expect(truth.from).toContain(`<${parsed.from?.address ?? '?'}>`);

      const decisions = triageParts(parsed, { maxQuoteFileBytes: maxBytes });
      expect(decisions).toHaveLength(truth.attachments.length);
      for (const expected of truth.attachments) {
        const found = decisions.find((d) => d.part.filename === expected.filename);
        expect(found).toBeDefined();
        if (!found) continue;
        const { part } = found;
        expect(part.contentType).toBe(expected.content_type);
        expect(part.size).toBe(expected.size_bytes);
        expect(part.sha256).toBe(expected.sha256);
        expect(part.disposition).toBe(expected.disposition);
        expect(part.contentId ?? null).toBe(expected.content_id);
        expect(part.location).toBe(expectedLocation(expected.location));
        expect(found).toMatchObject(expectedDecision(expected.expected_outcome));
      }

      const picked = pickRecipient(recipientCandidatesOf(parsed), DOMAIN);
      const toService = picked !== undefined && picked.recipient !== 'other_local_part';
      expect(toService).toBe(truth.addressed_to_service);
      const quotes = decisions.filter((d) => d.outcome === 'quote').length;
      expect(toService ? quotes : 0).toBe(truth.expected_quote_checks);

      const keys = threadKeys(parsed, DOMAIN);
      const chain = [truth.in_reply_to, ...[...truth.references].reverse()].filter(
        (id): id is string => id !== null,
      );
      expect(keys.referencedMessageIds).toEqual([...new Set(chain)]);
      if (truth.quotes_case_thread_root) {
        const root = keys.referencedMessageIds.at(-1) ?? parsed.messageId;
        expect(root).toBe(truth.quotes_case_thread_root);
      }
      expect(keys.caseToken).toBeUndefined();
      expect(
        autoReplyPolicy(parsed, {
          ourAddresses: ['devis@mon-devis-sans-oublis.local'],
          inboundDomain: DOMAIN,
        }),
      ).toEqual({ mayReply: true });
    });
  }
});
