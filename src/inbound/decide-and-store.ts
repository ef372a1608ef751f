/**
 * Phase 1 of inbound processing, one transaction (DESIGN.md §3): the copy of a mail already
 * handled through another channel, the auto-reply policy, the recipient, triage, the quota,
 * the thread's case; the quotes stored and the reply plan saved with them.
 */
import type { Knex } from 'knex';
import {
  findHandledTwin,
  lockInboundForProcessing,
  recordInboundOutcome,
  type InboundFacts,
  type PlannedReply,
} from '../db/inbound-emails-repo.js';
import { deleteAttachmentPieces } from '../db/inbound-pieces-repo.js';
import { saveQuoteFileFromPieces } from '../db/quote-files-repo.js';
import { createQuotesCase, getQuotesCase } from '../db/quotes-cases-repo.js';
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
import { saveSubmittedFile, submitStoredFiles } from '../pipeline/submit-files.js';
import { autoReplyPolicy, type AutoReplyBlock } from './auto-reply-policy.js';
import type { InboundDeps } from './inbound-deps.js';
import { explanatoryReply, reply, resultUrl, submissionAddress } from './inbound-replies.js';
import type { LoadedMail } from './load-mail.js';
import { notCheckedOf, partViews, type PartView } from './part-views.js';
import { pickRecipient, recipientCandidatesOf } from './recipients.js';
import { threadKeys, type ThreadKeys } from './thread-keys.js';

const QUOTA_WINDOW_HOURS = 24;
const SUBJECT_THREAD_DAYS = 30;

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

function isGouvFr(address: string): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return domain === 'gouv.fr' || domain.endsWith('.gouv.fr');
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

/**
 * Stores the quote file of a part: from its pieces, joined by the database (a big attachment of
 * a raw mail), or from its bytes (a small one, a webhook download).
 */
async function storeQuoteFile(
  trx: Knex.Transaction,
  mail: LoadedMail,
  view: PartView,
): Promise<string> {
  const { part } = view.triaged;
  const stored = mail.pieces?.sizes.get(part.index);
  if (mail.pieces && stored !== undefined) {
    return saveQuoteFileFromPieces(trx, {
      filename: part.filename,
      // Sniffed from the head by triage, as `submitFiles` sniffs the bytes.
      contentType: view.triaged.outcome === 'quote' ? view.triaged.mime : part.contentType,
      hexdigest: part.sha256,
      size: stored,
      ...mail.pieces.owner,
      partIndex: part.index,
    });
  }
  return saveSubmittedFile(trx, {
    filename: part.filename,
    bytes: part.bytes ?? new Uint8Array(),
    contentType: part.contentType,
  });
}

export type Decision =
  | { status: 'lost' }
  | { status: 'duplicate'; twinId: string }
  | { status: 'ignored'; reason: AutoReplyBlock }
  | { status: 'replying'; errorCode: string | null; caseId?: string; replies: PlannedReply[] };

/** Phase 1, one transaction: decide, store the quotes, save the reply plan. */
export async function decideAndStore(
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
    const decision = await decideIn(trx);
    // The pieces of this attempt are used (or useless): gone with the same commit.
    if (mail.pieces) await deleteAttachmentPieces(trx, mail.pieces.owner);
    return decision;
  });

  async function decideIn(trx: Knex.Transaction): Promise<Decision> {
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
    const files = [];
    for (const v of quotes) {
      files.push({ filename: v.triaged.part.filename, fileId: await storeQuoteFile(trx, mail, v) });
    }
    const submission = await submitStoredFiles(trx, files, {
      profile: 'email',
      caseId,
      sourceName: 'email',
      email: sender,
      ...(parsed.subject ? { emailSubject: parsed.subject } : {}),
    });
    submission.checks.forEach((check, i) => {
      const view = quotes[i];
      if (view) view.record.checkId = check.id;
    });
    await setEmailTo(trx, { caseId, checkIds: submission.checks.map((c) => c.id) }, picked.address);

    const caseToken = await caseMailToken(trx, caseId);
    // a case is named by the day it was received, never by its id (DESIGN.md §6)
    const receivedAt = ((await getQuotesCase(trx, caseId))?.createdAt ?? new Date()).toISOString();
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
          receivedAt,
          addedFilenames: filenames,
          quoteCount: await countCaseChecks(trx, caseId),
          resultUrl: await resultUrl(deps, trx, 'case', caseId),
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
          resultUrl: await resultUrl(deps, trx, 'check', checkId),
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
        {
          caseId,
          receivedAt,
          filenames,
          resultUrl: await resultUrl(deps, trx, 'case', caseId),
          notChecked,
        },
        threading,
      );
    }
    return save(null, [ack], caseId);
  }
}
