/**
 * The replies to an inbound mail: planned with the quotes (threaded on the mail, deduplicated
 * by `ack:<inbound id>`), then sent (phase 2), a forward to the team reading the raw mail again.
 */
import type { Knex } from 'knex';
import { linkSettings } from '../config.js';
import { resultTokenOf } from '../db/result-pages-repo.js';
import { buildResultUrl } from '../domain/result-links.js';
import {
  getInboundContent,
  recordInboundOutcome,
  saveReplies,
  type PlannedReply,
} from '../db/inbound-emails-repo.js';
import { readInboundRaw } from '../db/inbound-raw-repo.js';
import type { TemplateDataMap } from '../mail/report-view.js';
import { sendTemplatedMail, type MailRequest } from '../mail/send-mail.js';
import { forwardToTeam } from '../mail/team-mail.js';
import type { TemplateName } from '../mail/template-names.js';
import { MIB, type InboundDeps } from './inbound-deps.js';
import type { LoadedMail } from './load-mail.js';
import { notCheckedOf, type PartView } from './part-views.js';
import { SERVICE_LOCAL_PART } from './recipients.js';

type AnyMailRequest = { [N in TemplateName]: MailRequest<N> }[TemplateName];

export function submissionAddress(deps: InboundDeps): string {
  return `${SERVICE_LOCAL_PART}@${deps.config.INBOUND_MAIL_DOMAIN}`;
}

/** The link of an acknowledgement (campaign `full_email`, as the report's). */
export async function resultUrl(
  deps: InboundDeps,
  db: Knex,
  kind: 'check' | 'case',
  id: string,
): Promise<string> {
  const token = await resultTokenOf(db, kind, id);
  if (token === undefined) throw new Error(`result link: no ${kind} ${id}`);
  return buildResultUrl(linkSettings(deps.config), { kind, id, token, campaign: 'full_email' });
}

/** The reply to the mail: threaded on it, one per inbound mail. */
export function reply<N extends TemplateName>(
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
export function explanatoryReply(
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
            ...(v.triaged.outcome === 'not_checked' && v.triaged.formatLabel
              ? { format: v.triaged.formatLabel }
              : {}),
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

/**
 * The raw mail for a forward to the team, read again only then: a mail of tens of MB is not
 * held while its quotes are stored. Nothing for a webhook item (or a purged mail).
 */
export async function rawForForward(deps: InboundDeps, id: string): Promise<{ raw?: Buffer }> {
  const raw = await readInboundRaw(deps.db, id);
  return raw ? { raw } : {};
}

/** Phase 2: sends what the plan says and is not done yet; `processed` once all went out. */
export async function sendReplies(deps: InboundDeps, id: string, subject?: string) {
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
