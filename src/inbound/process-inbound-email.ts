/**
 * Processing of stored inbound mails (DESIGN.md §3), a job: claims due rows under a lease, reads
 * the raw mail (or the webhook item and its attachments), decides, stores the quotes into the
 * mail thread's QuotesCase and the reply plan in one transaction, then sends the replies
 * (deduplicated by `ack:<inbound id>`, so a crash and a retry never send twice).
 *
 * Decisions, in order:
 * 1. Automated mail (RFC 3834: Auto-Submitted, bounce, report, no-reply sender, our own mail,
 *    loop; also Precedence bulk/list and List-* headers) → `ignored` with the reason: no quote,
 *    no reply. List and bulk mail (possibly a person behind a mailing tool) is forwarded to the
 *    team when INBOUND_FORWARDING_MAIL is set.
 * 2. Not addressed to `devis` / `devis+<token>` of our domain → `wrong_address` reply and
 *    forward; never a quote.
 * 3. Triage; no quote → one explanatory reply: `attachment_too_large` when a file was too
 *    large, else `unsupported_attachment` when a file has an unsupported format, else
 *    `unreadable_file` when a file could not be read (empty, winmail.dat, download failed),
 *    else `no_attachment` (and forward).
 * 4. Quota: quotes of the sender over 24 h plus this mail's beyond MDSO_INBOUND_DAILY_QUOTA
 *    (gouv.fr exempt) → `quota_exceeded`, nothing stored.
 * 5. Thread → case (token, Message-IDs in and out, Thread-Index, sender + subject within 30
 *    days for mails without references), else a new case; the quotes join it; one
 *    acknowledgement (`quote_check_created` / `quotes_case_created` / `quotes_case_updated`)
 *    naming the attachments not checked (unsupported or too large files are listed inside
 *    the acknowledgement, not in a mail of their own).
 */
import { backoffMs } from '../backoff.js';
import {
  claimDueInbound,
  recordInboundOutcome,
  scheduleInboundRetry,
  type ClaimedInbound,
} from '../db/inbound-emails-repo.js';
import { deleteAttachmentPieces } from '../db/inbound-pieces-repo.js';
import { forwardToTeam } from '../mail/team-mail.js';
import type { AutoReplyBlock } from './auto-reply-policy.js';
import { decideAndStore } from './decide-and-store.js';
import type { InboundDeps, ProcessOptions } from './inbound-deps.js';
import { rawForForward, sendReplies } from './inbound-replies.js';
import { loadMail } from './load-mail.js';

export type { InboundDeps, ProcessOptions } from './inbound-deps.js';

/** Policy blocks after which a person may still be behind the mail: the team sees it. */
const FORWARDED_BLOCKS: ReadonlySet<AutoReplyBlock> = new Set(['precedence', 'list']);

/** Longest wait between two attempts at a received mail. */
const MAX_RETRY_DELAY_MS = 10 * 60_000;

function retryDelay(deps: InboundDeps, attempts: number): number {
  return backoffMs(attempts, { baseMs: deps.config.MDSO_RETRY_BASE_MS, maxMs: MAX_RETRY_DELAY_MS });
}

async function processOne(deps: InboundDeps, workerId: string, claimed: ClaimedInbound) {
  const started = Date.now();
  const log = deps.logger.child({ inboundEmailId: claimed.id, attempt: claimed.attempts });
  try {
    if (claimed.status === 'replying') {
      await sendReplies(deps, claimed.id);
      log.info({ ms: Date.now() - started }, 'inbound mail replies sent');
      return;
    }
    const loaded = await loadMail(deps, claimed);
    if (loaded.kind === 'unreadable') {
      await recordInboundOutcome(deps.db, claimed.id, {
        status: 'failed',
        errorCode: 'unreadable_inbound',
      });
      log.warn('inbound mail unreadable');
      return;
    }
    if (loaded.kind === 'retry') {
      const delay = retryDelay(deps, claimed.attempts);
      await scheduleInboundRetry(deps.db, claimed.id, delay, loaded.errorCode);
      log.warn({ delayMs: delay, errorCode: loaded.errorCode }, 'inbound mail retried later');
      return;
    }
    const decision = await decideAndStore(deps, workerId, claimed.id, loaded.mail);
    const parts = loaded.mail.parsed.parts.length;
    if (decision.status === 'lost') {
      log.warn('inbound mail lease lost');
      return;
    }
    if (decision.status === 'duplicate') {
      log.info({ twinId: decision.twinId }, 'inbound mail already handled by another copy');
      return;
    }
    if (decision.status === 'ignored') {
      // A person may be behind list or bulk mail: the team sees it (deduplicated per mail).
      if (FORWARDED_BLOCKS.has(decision.reason)) {
        await forwardToTeam(deps.mail, {
          inboundEmailId: claimed.id,
          ...(await rawForForward(deps, claimed.id)),
          ...(loaded.mail.parsed.subject ? { subject: loaded.mail.parsed.subject } : {}),
        });
      }
    } else {
      await sendReplies(deps, claimed.id, loaded.mail.parsed.subject);
    }
    log.info(
      {
        ms: Date.now() - started,
        parts,
        status: decision.status,
        code: decision.status === 'ignored' ? decision.reason : decision.errorCode,
        ...(decision.status === 'replying' && decision.caseId ? { caseId: decision.caseId } : {}),
      },
      'inbound mail processed',
    );
  } catch (err) {
    const lastAttempt = claimed.attempts >= deps.config.MDSO_MAX_ATTEMPTS;
    log.error({ err, lastAttempt }, 'inbound mail processing failed');
    // The attachments this attempt stored in pieces: the next attempt parses the mail again.
    await deleteAttachmentPieces(deps.db, {
      inboundEmailId: claimed.id,
      attempt: claimed.attempts,
    }).catch((cleanupErr: unknown) => {
      log.warn({ err: cleanupErr }, 'inbound attachment pieces left for retention');
    });
    if (lastAttempt) {
      await recordInboundOutcome(deps.db, claimed.id, {
        status: 'failed',
        errorCode: 'processing_error',
      });
    } else {
      await scheduleInboundRetry(
        deps.db,
        claimed.id,
        retryDelay(deps, claimed.attempts),
        'processing_error',
      );
    }
  }
}

/**
 * Claims up to `limit` due inbound mails and processes them one by one; returns how many were
 * claimed (0: nothing due). The claim loop calls it on NOTIFY `inbound:<id>` and on its poll.
 */
export async function processDueInboundEmails(
  deps: InboundDeps & { workerId: string },
  options: ProcessOptions,
): Promise<number> {
  const claimed = await claimDueInbound(deps.db, {
    workerId: deps.workerId,
    limit: options.limit,
    leaseMs: deps.config.MDSO_LEASE_MS,
    ...(options.ids ? { ids: options.ids } : {}),
  });
  for (const row of claimed) await processOne(deps, deps.workerId, row);
  return claimed.length;
}
