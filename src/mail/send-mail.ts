/**
 * Sending a mail exactly once (DESIGN.md §6): the message is rendered and built (a bad input
 * fails here, before anything is claimed), then an `outbound_emails` row claims its dedupe key
 * — a second claim of the same key, from any process, finds the row and sends nothing — then
 * the transport is called and the row marked sent. When the transport fails the row stays
 * pending with a back-off and the payload to build the same message again (same Message-ID);
 * `sendPendingMails` (a Bree job) retries it. A process dying between the transport's answer
 * and the update leaves the row pending: it is retried once its lease expires (at least once in
 * that window; Brevo dedupes on the Idempotency-Key derived from our Message-ID).
 *
 * The stored Message-ID is ours, the one in the headers: replies cite it in `In-Reply-To`.
 * Logs carry ids and template names, never addresses nor subjects.
 */
import type { Knex } from 'knex';
import { backoffMs } from '../backoff.js';
import type { MailTransport, OutboundMessage } from '../adapters/mail-transport/index.js';
import { parseAddress } from '../adapters/mail-transport/message.js';
import type { Config } from '../config.js';
import { markCaseResultSent, markCheckResultSent } from '../db/case-report-repo.js';
import {
  claimDueOutbound,
  claimOutbound,
  findOutboundByDedupeKey,
  markOutboundFailure,
  markOutboundSent,
} from '../db/outbound-emails-repo.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { buildOutboundMessage, generateMessageId } from './outbound-message.js';
import type { MailRenderer } from './renderer.js';
import type { TemplateDataMap } from './report-view.js';
import type { TemplateName } from './template-names.js';

export interface MailDeps {
  db: Knex;
  logger: Logger;
  renderer: MailRenderer;
  transport: MailTransport;
  config: Pick<
    Config,
    | 'DEFAULT_EMAIL_FROM'
    | 'INBOUND_MAIL_DOMAIN'
    | 'FRONTEND_APPLICATION_HOST'
    | 'APPLICATION_HOST'
    | 'INBOUND_FORWARDING_MAIL'
    | 'QUOTE_CHECK_EMAIL_RECIPIENTS'
  >;
}

export interface MailRequest<N extends TemplateName> {
  template: N;
  data: TemplateDataMap[N];
  to: string;
  /** One mail per key, ever: e.g. `results:<caseId>:<finished_at ISO>`. */
  dedupeKey: string;
  caseId?: string;
  checkId?: string;
  inboundEmailId?: string;
  /** Message-ID of the mail answered. */
  inReplyTo?: string;
  references?: string[];
  /** Subject of the mail answered (the reply's is `Re: ` + it). */
  originalSubject?: string;
  /** Case token: Reply-To `devis+<token>@<INBOUND_MAIL_DOMAIN>`. */
  caseToken?: string;
}

export type SendStatus = 'sent' | 'duplicate' | 'retry_later';

/** The template names recorded for team notifications (not user templates, see team-mail.ts). */
export const FORWARD_TEMPLATE = 'forward';
export const NEW_CHECK_TEMPLATE = 'team_new_quote_check';

/** A claimed mail is its claimer's for this long; then `sendPendingMails` may take it over. */
export const SEND_LEASE_MS = 5 * 60_000;
/** Back-off of failed sends: 1 min, 2, 4, … capped at 6 h; given up after MAX_SEND_ATTEMPTS. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_MAX_MS = 6 * 3_600_000;
export const MAX_SEND_ATTEMPTS = 10;

/** What is kept on a pending row to build the same message again. */
export type OutboundPayload =
  | {
      kind: 'template';
      template: TemplateName;
      data: unknown;
      to: string;
      inReplyTo?: string;
      references?: string[];
      originalSubject?: string;
      caseToken?: string;
    }
  | { kind: 'message'; message: Omit<OutboundMessage, 'messageId'> };

/** The transport gave up for good (5xx, bad address) or too many attempts failed. */
export class MailNotSentError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('mail_not_sent', message, { status: 502, retryable: false, ...options });
  }
}

export function retryDelayMs(attempts: number): number {
  return backoffMs(attempts, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS });
}

function messageIdDomain(config: MailDeps['config']): string {
  const email = parseAddress(config.DEFAULT_EMAIL_FROM).email;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return email.includes('@') && domain ? domain : config.INBOUND_MAIL_DOMAIN;
}

function buildFromPayload(
  deps: MailDeps,
  payload: OutboundPayload,
  messageId: string,
): OutboundMessage {
  if (payload.kind === 'message') return { ...payload.message, messageId };
  const rendered = deps.renderer.render(payload.template, payload.data as never);
  const message = buildOutboundMessage({
    template: payload.template,
    rendered,
    from: deps.config.DEFAULT_EMAIL_FROM,
    to: payload.to,
    ...(payload.inReplyTo ? { inReplyTo: payload.inReplyTo } : {}),
    ...(payload.references ? { references: payload.references } : {}),
    ...(payload.originalSubject ? { originalSubject: payload.originalSubject } : {}),
    ...(payload.caseToken ? { caseToken: payload.caseToken } : {}),
    inboundDomain: deps.config.INBOUND_MAIL_DOMAIN,
  });
  return { ...message, messageId };
}

/** A short description for `last_error`: codes and our own French messages, no address. */
export function describeError(err: unknown): string {
  if (err instanceof AppError) {
    const status =
      'upstreamStatus' in err && err.upstreamStatus ? ` ${String(err.upstreamStatus)}` : '';
    return `${err.code}${status}: ${err.message}`;
  }
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown_error';
}

function isRetryable(err: unknown): boolean {
  return err instanceof AppError ? err.retryable : true;
}

interface Claimed {
  id: string;
  template: string;
  attempts: number;
  caseId?: string | null | undefined;
  checkId?: string | null | undefined;
}

/** Hands the message to the transport and records the outcome on the claimed row. */
async function deliver(
  deps: MailDeps,
  row: Claimed,
  message: OutboundMessage,
  now: Date,
): Promise<'sent' | 'retry_later'> {
  const log = { outboundId: row.id, template: row.template, caseId: row.caseId ?? undefined };
  let result;
  try {
    result = await deps.transport.send(message);
  } catch (err) {
    const retry = isRetryable(err) && row.attempts < MAX_SEND_ATTEMPTS;
    const nextAttemptAt = retry ? new Date(now.getTime() + retryDelayMs(row.attempts)) : undefined;
    await markOutboundFailure(deps.db, row.id, {
      transport: deps.transport.name,
      error: describeError(err),
      nextAttemptAt,
    });
    if (!retry) {
      deps.logger.error({ ...log, attempts: row.attempts }, 'mail given up');
      throw new MailNotSentError("le mail n'a pas pu être envoyé", { cause: err });
    }
    deps.logger.warn(
      { ...log, attempts: row.attempts, nextAttemptAt, error: describeError(err) },
      'mail send failed, will retry',
    );
    return 'retry_later';
  }
  await deps.db.transaction(async (trx) => {
    await markOutboundSent(trx, row.id, {
      transport: deps.transport.name,
      providerId: result.providerId,
    });
    if (row.template === 'results_available') {
      if (row.caseId) await markCaseResultSent(trx, row.caseId);
      else if (row.checkId) await markCheckResultSent(trx, row.checkId);
    }
  });
  deps.logger.info(
    { ...log, messageId: message.messageId, transport: deps.transport.name },
    'mail sent',
  );
  return 'sent';
}

/** Claims the dedupe key and sends at once; a pending row stays for `sendPendingMails`. */
export async function claimAndDeliver(
  deps: MailDeps,
  claim: {
    template: string;
    dedupeKey: string;
    recipient: string;
    caseId?: string | undefined;
    checkId?: string | undefined;
    inboundEmailId?: string | undefined;
    payload: OutboundPayload;
  },
): Promise<{ status: SendStatus; messageId: string }> {
  const messageId = generateMessageId(messageIdDomain(deps.config));
  // Built before the claim: an invalid request throws without using up its dedupe key.
  const message = buildFromPayload(deps, claim.payload, messageId);
  const now = new Date();
  const id = await claimOutbound(deps.db, {
    ...claim,
    messageId,
    lockedUntil: new Date(now.getTime() + SEND_LEASE_MS),
  });
  if (!id) {
    const existing = await findOutboundByDedupeKey(deps.db, claim.dedupeKey);
    deps.logger.debug(
      { outboundId: existing?.id, template: claim.template, caseId: claim.caseId },
      'mail already claimed',
    );
    return { status: 'duplicate', messageId: existing?.messageId ?? messageId };
  }
  const status = await deliver(
    deps,
    { id, template: claim.template, attempts: 1, caseId: claim.caseId, checkId: claim.checkId },
    message,
    now,
  );
  return { status, messageId };
}

export function sendTemplatedMail<N extends TemplateName>(
  deps: MailDeps,
  req: MailRequest<N>,
): Promise<{ status: SendStatus; messageId: string }> {
  return claimAndDeliver(deps, {
    template: req.template,
    dedupeKey: req.dedupeKey,
    recipient: req.to,
    caseId: req.caseId,
    checkId: req.checkId,
    inboundEmailId: req.inboundEmailId,
    payload: {
      kind: 'template',
      template: req.template,
      data: req.data,
      to: req.to,
      ...(req.inReplyTo ? { inReplyTo: req.inReplyTo } : {}),
      ...(req.references && req.references.length > 0 ? { references: req.references } : {}),
      ...(req.originalSubject ? { originalSubject: req.originalSubject } : {}),
      ...(req.caseToken ? { caseToken: req.caseToken } : {}),
    },
  });
}

/**
 * Retries the pending mails that are due; returns how many went out. Safe with several workers.
 * `now` is for tests (the back-off is measured from it).
 */
export async function sendPendingMails(
  deps: MailDeps,
  options: { limit: number; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const rows = await claimDueOutbound<OutboundPayload>(deps.db, {
    limit: options.limit,
    now,
    lockedUntil: new Date(now.getTime() + SEND_LEASE_MS),
  });
  let sent = 0;
  for (const row of rows) {
    try {
      if (!row.payload) throw new MailNotSentError('mail en attente sans contenu à renvoyer');
      const message = buildFromPayload(deps, row.payload, row.messageId);
      if ((await deliver(deps, row, message, now)) === 'sent') sent += 1;
    } catch (err) {
      if (!(err instanceof MailNotSentError) || !row.payload) {
        await markOutboundFailure(deps.db, row.id, {
          transport: deps.transport.name,
          error: describeError(err),
        });
      }
      deps.logger.error(
        { outboundId: row.id, template: row.template, error: describeError(err) },
        'pending mail not sent',
      );
    }
  }
  return sent;
}
