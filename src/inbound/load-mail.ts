/**
 * Reads a claimed inbound mail for processing: a raw mail streamed from the database into the
 * parser (never held whole), its attachments streamed back to the database in pieces (small
 * ones kept in memory); or a webhook item with its attachments downloaded from Brevo.
 */
import { Readable } from 'node:stream';
import { getInboundContent, type ClaimedInbound } from '../db/inbound-emails-repo.js';
import { deleteEarlierAttachmentPieces, type PiecesOwner } from '../db/inbound-pieces-repo.js';
import { rawInboundSlices } from '../db/inbound-raw-repo.js';
import { createAttachmentPieces } from './attachment-pieces.js';
import { loadBrevoMail, type DownloadIssue } from './brevo-item-mail.js';
import { maxQuoteBytes, type InboundDeps } from './inbound-deps.js';
import { messageIdOrSynthetic, topLevelHashes } from './ingest-email.js';
import { parseEmail } from './parse-email.js';
import type { ParsedEmail } from './parsed-email.js';

/** A received mail as parsed; its raw copy is not kept (read again for a forward, if any). */
export interface LoadedMail {
  parsed: ParsedEmail;
  messageId: string;
  attachmentHashes: string[];
  issues: Map<number, DownloadIssue>;
  /**
   * Parts stored as pieces in the database (part index → bytes), by this processing attempt;
   * their `bytes` are not in memory.
   */
  pieces?: { owner: PiecesOwner; sizes: Map<number, number> };
}

export type Loaded =
  | { kind: 'mail'; mail: LoadedMail }
  | { kind: 'retry'; errorCode: string }
  | { kind: 'unreadable' };

export async function loadMail(deps: InboundDeps, claimed: ClaimedInbound): Promise<Loaded> {
  const content = await getInboundContent(deps.db, claimed.id, { withRaw: false });
  if (!content) return { kind: 'unreadable' };
  if (content.rawSize) {
    // Streamed from the database: a mail of tens of MB is never held whole here.
    const raw = Readable.from(rawInboundSlices(deps.db, claimed.id, content.rawSize), {
      objectMode: false,
    });
    const owner: PiecesOwner = { inboundEmailId: claimed.id, attempt: claimed.attempts };
    // What an earlier attempt left (it failed or lost its lease) is of no use to this one.
    await deleteEarlierAttachmentPieces(deps.db, owner);
    const pieces = createAttachmentPieces(deps.db, owner, { maxBytes: maxQuoteBytes(deps) });
    const parsed = await parseEmail(raw, {
      maxAttachmentBytes: maxQuoteBytes(deps),
      envelopeRecipients: content.envelopeRecipients,
      onAttachment: pieces.sink,
    });
    for (const [index, bytes] of pieces.inMemory) {
      const part = parsed.parts[index];
      if (part && !part.tooLarge) part.bytes = bytes;
    }
    // A null reverse-path (MAIL FROM:<>) is a bounce, whatever the headers say.
    if (content.envelopeFrom === '') parsed.policyHeaders.returnPath = '<>';
    return {
      kind: 'mail',
      mail: {
        parsed,
        // The key stored at ingest, read from the same root header block.
        messageId: content.messageId ?? messageIdOrSynthetic(parsed, parsed.idempotencyChecksum),
        attachmentHashes: topLevelHashes(parsed),
        issues: new Map(),
        pieces: { owner, sizes: pieces.stored },
      },
    };
  }
  if (content.webhook === null || content.webhook === undefined) return { kind: 'unreadable' };
  const brevoMail = await loadBrevoMail(content.webhook, {
    ...(deps.brevo ? { brevo: deps.brevo } : {}),
    maxAttachmentBytes: maxQuoteBytes(deps),
    logger: deps.logger,
  });
  if (!brevoMail) return { kind: 'unreadable' };
  const lastAttempt = claimed.attempts >= deps.config.MDSO_MAX_ATTEMPTS;
  if (brevoMail.retryable && !lastAttempt) return { kind: 'retry', errorCode: 'download_failed' };
  const { parsed } = brevoMail;
  return {
    kind: 'mail',
    mail: {
      parsed,
      messageId: parsed.messageId ?? `<brevo-${brevoMail.item.uuid}@mdso.invalid>`,
      attachmentHashes: [
        ...new Set(
          parsed.parts.filter((p) => p.location === 'top-level' && p.sha256).map((p) => p.sha256),
        ),
      ].sort(),
      issues: brevoMail.issues,
    },
  };
}
