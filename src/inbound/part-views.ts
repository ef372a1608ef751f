/** What became of each attachment of a mail: triage, download issues, the French reasons. */
import type { InboundPartRecord } from '../db/inbound-emails-repo.js';
import type { NotCheckedAttachment } from '../mail/report-view.js';
import { frenchReason } from './french-reason.js';
import { maxQuoteBytes, type InboundDeps } from './inbound-deps.js';
import type { LoadedMail } from './load-mail.js';
import { triageParts, type TriagedPart } from './triage.js';

const DOWNLOAD_FAILED_TEXT =
  'pièce jointe impossible à récupérer auprès de notre messagerie : merci de la renvoyer';

export interface PartView {
  triaged: TriagedPart;
  record: InboundPartRecord;
}

export function partViews(deps: InboundDeps, mail: LoadedMail): PartView[] {
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

export function notCheckedOf(views: readonly PartView[]): NotCheckedAttachment[] {
  return views
    .filter((v) => v.record.outcome === 'not_checked')
    .map((v) => ({ filename: v.record.filename, reason: v.record.reasonText ?? '' }));
}
