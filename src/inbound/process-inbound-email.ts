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
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { BrevoInboundClient } from '../adapters/brevo-inbound.js';
import type { Config } from '../config.js';
import {
  claimDueInbound,
  findHandledTwin,
  getInboundContent,
  lockInboundForProcessing,
  rawInboundSlices,
  readInboundRaw,
  recordInboundOutcome,
  saveReplies,
  scheduleInboundRetry,
  type ClaimedInbound,
  type InboundFacts,
  type InboundPartRecord,
  type PlannedReply,
} from '../db/inbound-emails-repo.js';
import { createQuotesCase } from '../db/quotes-cases-repo.js';
import {
  caseIdByMailToken,
  caseIdByMessageIds,
  caseIdBySenderSubject,
  caseIdByThreadIndexRoot,
  caseMailToken,
  countCaseChecks,
  countRecentChecksBySender,
  setEmailTo,
} from '../db/threads-repo.js';
import type { Logger } from '../logger.js';
import type { NotCheckedAttachment, TemplateDataMap } from '../mail/report-view.js';
import {
  forwardToTeam,
  sendTemplatedMail,
  type MailDeps,
  type MailRequest,
} from '../mail/send-mail.js';
import type { TemplateName } from '../mail/template-names.js';
import { submitFiles } from '../pipeline/submit-files.js';
import { autoReplyPolicy, type AutoReplyBlock } from './auto-reply-policy.js';
import { loadBrevoMail, type DownloadIssue } from './brevo-item-mail.js';
import { frenchReason } from './french-reason.js';
import { messageIdOrSynthetic, topLevelHashes } from './ingest-email.js';
import { parseEmail } from './parse-email.js';
import type { ParsedEmail } from './parsed-email.js';
import { pickRecipient, recipientCandidatesOf, SERVICE_LOCAL_PART } from './recipients.js';
import { threadKeys, type ThreadKeys } from './thread-keys.js';
import { triageParts, type TriagedPart } from './triage.js';

const MIB = 1024 * 1024;
const QUOTA_WINDOW_HOURS = 24;
const SUBJECT_THREAD_DAYS = 30;
/** Policy blocks after which a person may still be behind the mail: the team sees it. */
const FORWARDED_BLOCKS: ReadonlySet<AutoReplyBlock> = new Set(['precedence', 'list']);
const DOWNLOAD_FAILED_TEXT =
  'pièce jointe impossible à récupérer auprès de notre messagerie : merci de la renvoyer';

export interface InboundDeps {
  db: Knex;
  logger: Logger;
  config: Pick<
    Config,
    | 'INBOUND_MAIL_DOMAIN'
    | 'MDSO_INBOUND_DAILY_QUOTA'
    | 'MDSO_QUOTE_FILE_MAX_SIZE'
    | 'FRONTEND_APPLICATION_HOST'
    | 'DEFAULT_EMAIL_FROM'
    | 'MDSO_MAX_ATTEMPTS'
    | 'MDSO_RETRY_BASE_MS'
    | 'MDSO_LEASE_MS'
  >;
  mail: MailDeps;
  /** Downloads webhook attachments; absent when BREVO_API_KEY is unset. */
  brevo?: BrevoInboundClient;
}

export interface ProcessOptions {
  limit: number;
  /** Only these rows (a CLI processing its own mails). */
  ids?: readonly string[];
}

type AnyMailRequest = { [N in TemplateName]: MailRequest<N> }[TemplateName];

/** A received mail as parsed; its raw copy is not kept (read again for a forward, if any). */
interface LoadedMail {
  parsed: ParsedEmail;
  messageId: string;
  attachmentHashes: string[];
  issues: Map<number, DownloadIssue>;
}

type Loaded =
  | { kind: 'mail'; mail: LoadedMail }
  | { kind: 'retry'; errorCode: string }
  | { kind: 'unreadable' };

function maxQuoteBytes(deps: InboundDeps): number {
  return deps.config.MDSO_QUOTE_FILE_MAX_SIZE * MIB;
}

function retryDelay(deps: InboundDeps, attempts: number): number {
  return deps.config.MDSO_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1);
}

async function loadMail(deps: InboundDeps, claimed: ClaimedInbound): Promise<Loaded> {
  const content = await getInboundContent(deps.db, claimed.id, { withRaw: false });
  if (!content) return { kind: 'unreadable' };
  if (content.rawSize) {
    // Streamed from the database: a mail of tens of MB is never held whole here.
    const raw = Readable.from(rawInboundSlices(deps.db, claimed.id, content.rawSize), {
      objectMode: false,
    });
    const parsed = await parseEmail(raw, {
      maxAttachmentBytes: maxQuoteBytes(deps),
      envelopeRecipients: content.envelopeRecipients,
    });
    // A null reverse-path (MAIL FROM:<>) is a bounce, whatever the headers say.
    if (content.envelopeFrom === '') parsed.policyHeaders.returnPath = '<>';
    return {
      kind: 'mail',
      mail: {
        parsed,
        messageId: messageIdOrSynthetic(parsed, parsed.idempotencyChecksum),
        attachmentHashes: topLevelHashes(parsed),
        issues: new Map(),
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

function factsOf(mail: LoadedMail, keys: ThreadKeys): InboundFacts {
  return {
    messageId: mail.messageId,
    sender: keys.sender,
    normalisedSubject: keys.normalisedSubject,
    hasReferences: !keys.hasNoReferences,
    ...(keys.threadIndexRoot ? { threadIndexRoot: keys.threadIndexRoot } : {}),
    attachmentHashes: mail.attachmentHashes,
  };
}

interface PartView {
  triaged: TriagedPart;
  record: InboundPartRecord;
}

function partViews(deps: InboundDeps, mail: LoadedMail): PartView[] {
  const maxMiB = deps.config.MDSO_QUOTE_FILE_MAX_SIZE;
  return triageParts(mail.parsed, { maxQuoteFileBytes: maxQuoteBytes(deps) }).map((triaged) => {
    const issue = mail.issues.get(triaged.part.index);
    let decision: TriagedPart = triaged;
    if (issue === 'too_large')
      decision = { ...triaged, outcome: 'not_checked', reason: 'too_large' };
    const filename = triaged.part.filename;
    if (issue === 'download_failed') {
      return {
        triaged: { outcome: 'not_checked', reason: 'empty', part: triaged.part },
        record: {
          filename,
          outcome: 'not_checked',
          reason: 'download_failed',
          reasonText: DOWNLOAD_FAILED_TEXT,
        },
      };
    }
    if (decision.outcome === 'quote')
      return { triaged: decision, record: { filename, outcome: 'quote' } };
    if (decision.outcome === 'ignored') {
      return {
        triaged: decision,
        record: { filename, outcome: 'ignored', reason: decision.reason },
      };
    }
    return {
      triaged: decision,
      record: {
        filename,
        outcome: 'not_checked',
        reason: decision.reason,
        reasonText: frenchReason(decision.reason, {
          ...(decision.formatLabel ? { formatLabel: decision.formatLabel } : {}),
          maxMiB,
        }),
      },
    };
  });
}

function notCheckedOf(views: readonly PartView[]): NotCheckedAttachment[] {
  return views
    .filter((v) => v.record.outcome === 'not_checked')
    .map((v) => ({ filename: v.record.filename, reason: v.record.reasonText ?? '' }));
}

function isGouvFr(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return domain === 'gouv.fr' || domain.endsWith('.gouv.fr');
}

function submissionAddress(deps: InboundDeps): string {
  return `${SERVICE_LOCAL_PART}@${deps.config.INBOUND_MAIL_DOMAIN}`;
}

function resultUrl(deps: InboundDeps, kind: 'devis' | 'dossier', id: string): string {
  const host = deps.config.FRONTEND_APPLICATION_HOST.replace(/\/+$/u, '');
  return `${host}/conseiller/${kind}/${id}?mtm_campaign=full_email`;
}

/** The reply to the mail: threaded on it, one per inbound mail. */
function reply<N extends TemplateName>(
  id: string,
  mail: LoadedMail,
  to: string,
  template: N,
  data: TemplateDataMap[N],
  extra: { caseId?: string; caseToken?: string; checkId?: string } = {},
): PlannedReply {
  const parsed = mail.parsed;
  const request: MailRequest<N> = {
    template,
    data,
    to,
    dedupeKey: `ack:${id}`,
    inboundEmailId: id,
    inReplyTo: mail.messageId,
    references: [...parsed.references.filter((r) => r !== mail.messageId), mail.messageId],
    ...(parsed.subject ? { originalSubject: parsed.subject } : {}),
    ...extra,
  };
  return { kind: 'mail', request: request as unknown as Record<string, unknown> };
}

/** Replies when no quote is stored: which template explains it best. */
function explanatoryReply(
  deps: InboundDeps,
  id: string,
  mail: LoadedMail,
  to: string,
  views: readonly PartView[],
): { replies: PlannedReply[]; errorCode: string } {
  const address = submissionAddress(deps);
  const maxFileSizeMb = deps.config.MDSO_QUOTE_FILE_MAX_SIZE;
  const notChecked = views.filter((v) => v.record.outcome === 'not_checked');
  const tooLarge = notChecked.filter((v) => v.record.reason === 'too_large');
  if (tooLarge.length > 0) {
    return {
      errorCode: 'attachment_too_large',
      replies: [
        reply(id, mail, to, 'attachment_too_large', {
          files: tooLarge.map((v) => ({
            filename: v.record.filename,
            sizeMb: Math.round((v.triaged.part.size / MIB) * 10) / 10,
          })),
          maxFileSizeMb,
          submissionAddress: address,
        }),
      ],
    };
  }
  const unsupported = notChecked.filter((v) => v.record.reason === 'unsupported_format');
  if (unsupported.length > 0) {
    return {
      errorCode: 'unsupported_attachment',
      replies: [
        reply(id, mail, to, 'unsupported_attachment', {
          files: unsupported.map((v) => ({
            filename: v.record.filename,
            contentType: v.triaged.part.contentType,
          })),
          submissionAddress: address,
        }),
      ],
    };
  }
  if (notChecked.length > 0) {
    return {
      errorCode: 'unreadable_file',
      replies: [
        reply(id, mail, to, 'unreadable_file', {
          files: notCheckedOf(notChecked),
          submissionAddress: address,
        }),
      ],
    };
  }
  return {
    errorCode: 'no_attachment',
    replies: [
      reply(id, mail, to, 'no_attachment', { submissionAddress: address, maxFileSizeMb }),
      { kind: 'forward' },
    ],
  };
}

async function findCase(trx: Knex, keys: ThreadKeys): Promise<string | undefined> {
  if (keys.caseToken) {
    const byToken = await caseIdByMailToken(trx, keys.caseToken);
    if (byToken) return byToken;
  }
  const byIds = await caseIdByMessageIds(trx, keys.referencedMessageIds);
  if (byIds) return byIds;
  if (keys.threadIndexRoot) {
    const byIndex = await caseIdByThreadIndexRoot(trx, keys.threadIndexRoot);
    if (byIndex) return byIndex;
  }
  if (keys.hasNoReferences) {
    return caseIdBySenderSubject(trx, {
      sender: keys.sender,
      normalisedSubject: keys.normalisedSubject,
      days: SUBJECT_THREAD_DAYS,
    });
  }
  return undefined;
}

type Decision =
  | { status: 'lost' }
  | { status: 'duplicate'; twinId: string }
  | { status: 'ignored'; reason: AutoReplyBlock }
  | { status: 'replying'; errorCode: string | null; caseId?: string; replies: PlannedReply[] };

/** Phase 1, one transaction: decide, store the quotes, save the reply plan. */
async function decideAndStore(
  deps: InboundDeps,
  workerId: string,
  id: string,
  mail: LoadedMail,
): Promise<Decision> {
  const { parsed } = mail;
  const domain = deps.config.INBOUND_MAIL_DOMAIN;
  const keys = threadKeys(parsed, domain);
  const facts = factsOf(mail, keys);
  const views = partViews(deps, mail);
  const parts = views.map((v) => v.record);

  return deps.db.transaction(async (trx): Promise<Decision> => {
    if (!(await lockInboundForProcessing(trx, id, workerId))) return { status: 'lost' };
    const twinId = await findHandledTwin(trx, {
      id,
      messageId: mail.messageId,
      attachmentHashes: mail.attachmentHashes,
    });
    if (twinId) {
      await recordInboundOutcome(trx, id, { ...facts, status: 'duplicate', errorCode: null });
      return { status: 'duplicate', twinId };
    }

    const policy = autoReplyPolicy(parsed, {
      ourAddresses: [deps.config.DEFAULT_EMAIL_FROM],
      inboundDomain: domain,
    });
    if (!policy.mayReply) {
      await recordInboundOutcome(trx, id, {
        ...facts,
        status: 'ignored',
        errorCode: policy.reason,
        parts,
        replies: [],
      });
      return { status: 'ignored', reason: policy.reason };
    }

    const sender = keys.sender;
    const save = async (errorCode: string | null, replies: PlannedReply[], caseId?: string) => {
      await recordInboundOutcome(trx, id, {
        ...facts,
        status: 'replying',
        errorCode,
        parts,
        replies,
        ...(caseId ? { caseId } : {}),
      });
      return { status: 'replying' as const, errorCode, replies, ...(caseId ? { caseId } : {}) };
    };

    const picked = pickRecipient(recipientCandidatesOf(parsed), domain);
    if (!picked || picked.recipient === 'other_local_part') {
      const data = {
        submissionAddress: submissionAddress(deps),
        maxFileSizeMb: deps.config.MDSO_QUOTE_FILE_MAX_SIZE,
      };
      return save('wrong_address', [
        reply(id, mail, sender, 'wrong_address', data),
        { kind: 'forward' },
      ]);
    }

    const quotes = views.filter((v) => v.triaged.outcome === 'quote');
    if (quotes.length === 0) {
      const explained = explanatoryReply(deps, id, mail, sender, views);
      return save(explained.errorCode, explained.replies);
    }

    const quota = deps.config.MDSO_INBOUND_DAILY_QUOTA;
    if (!isGouvFr(sender)) {
      const recent = await countRecentChecksBySender(trx, sender, QUOTA_WINDOW_HOURS);
      if (recent + quotes.length > quota) {
        for (const v of quotes) {
          v.record.outcome = 'not_checked';
          v.record.reason = 'quota_exceeded';
        }
        return save('quota_exceeded', [
          reply(id, mail, sender, 'quota_exceeded', { dailyQuota: quota }),
        ]);
      }
    }

    const existingCase = await findCase(trx, keys);
    const caseId =
      existingCase ??
      (await createQuotesCase(trx, {
        profile: 'email',
        sourceName: 'email',
        email: sender,
        ...(parsed.subject ? { emailSubject: parsed.subject } : {}),
      }));
    const submission = await submitFiles(
      trx,
      quotes.map((v) => ({
        filename: v.triaged.part.filename,
        bytes: v.triaged.part.bytes ?? new Uint8Array(),
        contentType: v.triaged.part.contentType,
      })),
      {
        profile: 'email',
        caseId,
        sourceName: 'email',
        email: sender,
        ...(parsed.subject ? { emailSubject: parsed.subject } : {}),
      },
    );
    submission.checks.forEach((check, i) => {
      const view = quotes[i];
      if (view) view.record.checkId = check.id;
    });
    await setEmailTo(trx, { caseId, checkIds: submission.checks.map((c) => c.id) }, picked.address);

    const caseToken = await caseMailToken(trx, caseId);
    const notChecked = notCheckedOf(views);
    const filenames = quotes.map((v) => v.triaged.part.filename);
    const threading = { caseId, ...(caseToken ? { caseToken } : {}) };
    let ack: PlannedReply;
    if (existingCase) {
      ack = reply(
        id,
        mail,
        sender,
        'quotes_case_updated',
        {
          caseId,
          addedFilenames: filenames,
          quoteCount: await countCaseChecks(trx, caseId),
          resultUrl: resultUrl(deps, 'dossier', caseId),
          notChecked,
        },
        threading,
      );
    } else if (submission.checks.length === 1 && submission.checks[0]) {
      const checkId = submission.checks[0].id;
      ack = reply(
        id,
        mail,
        sender,
        'quote_check_created',
        {
          ...(filenames[0] ? { filename: filenames[0] } : {}),
          resultUrl: resultUrl(deps, 'devis', checkId),
          notChecked,
        },
        { ...threading, checkId },
      );
    } else {
      ack = reply(
        id,
        mail,
        sender,
        'quotes_case_created',
        { caseId, filenames, resultUrl: resultUrl(deps, 'dossier', caseId), notChecked },
        threading,
      );
    }
    return save(null, [ack], caseId);
  });
}

/**
 * The raw mail for a forward to the team, read again only then: a mail of tens of MB is not
 * held while its quotes are stored. Nothing for a webhook item (or a purged mail).
 */
async function rawForForward(deps: InboundDeps, id: string): Promise<{ raw?: Buffer }> {
  const raw = await readInboundRaw(deps.db, id);
  return raw ? { raw } : {};
}

/** Phase 2: sends what the plan says and is not done yet; `processed` once all went out. */
async function sendReplies(deps: InboundDeps, id: string, subject?: string) {
  const content = await getInboundContent(deps.db, id, { withRaw: false });
  const replies = content?.replies ?? [];
  for (const planned of replies) {
    if (planned.done) continue;
    if (planned.kind === 'forward') {
      await forwardToTeam(deps.mail, {
        inboundEmailId: id,
        ...(await rawForForward(deps, id)),
        ...(subject ? { subject } : {}),
      });
    } else if (planned.request) {
      const request = planned.request as unknown as AnyMailRequest;
      // `retry_later`: the outbound row keeps the mail and its own job retries it.
      await sendTemplatedMail(deps.mail, request);
    }
    planned.done = true;
    await saveReplies(deps.db, id, replies);
  }
  await recordInboundOutcome(deps.db, id, { status: 'processed' });
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
