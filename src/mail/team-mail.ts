/**
 * Mails to the team, not to a user: the notice of each new quote check (spec/email.md §5.1,
 * `QUOTE_CHECK_EMAIL_RECIPIENTS`) and the forward of an inbound mail we did not process (§5.6,
 * `INBOUND_FORWARDING_MAIL`). One mail per address of the setting, each sent once (its own
 * dedupe key) through the same send-once mechanism as the users' mails; upstream sends the
 * notice To the first address with the others in Cc, which our transports do not carry.
 */
import { linkSettings } from '../config.js';
import { buildResultUrl } from '../domain/result-links.js';
import type { QuoteCheck } from '../domain/quote-check.js';
import type { OutboundMessage } from '../adapters/mail-transport/message.js';
import { buildForwardContent, summariseRawMail, type ForwardSummary } from './forward-message.js';
import { escapeHtml } from './pro-message.js';
import {
  claimAndDeliver,
  describeError,
  FORWARD_TEMPLATE,
  NEW_CHECK_TEMPLATE,
  type MailDeps,
} from './send-mail.js';
import { APP_NAME } from './template-context.js';

const TEAM_HEADERS = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/** Words for a check's origin (`source_name`: `email`, or the API key's or the CLI's name). */
function originOf(sourceName: string | null): string {
  if (!sourceName) return 'origine inconnue';
  return sourceName === 'email' ? 'reçu par e-mail' : `source « ${sourceName} »`;
}

type NoticeContent = Pick<OutboundMessage, 'subject' | 'text' | 'html' | 'replyTo'>;

/** One mail per team address, each sent once (`<dedupeKey>:<index>`), auto-generated headers. */
async function sendToTeam(
  deps: MailDeps,
  recipients: readonly string[],
  mail: {
    template: string;
    dedupeKey: string;
    ids: { checkId?: string; inboundEmailId?: string };
    content: NoticeContent;
  },
): Promise<void> {
  for (const [index, to] of recipients.entries()) {
    await claimAndDeliver(deps, {
      template: mail.template,
      dedupeKey: `${mail.dedupeKey}:${index}`,
      recipient: to,
      ...mail.ids,
      payload: {
        kind: 'message',
        message: {
          template: mail.template,
          from: deps.config.DEFAULT_EMAIL_FROM,
          to,
          ...mail.content,
          references: [],
          headers: { ...TEAM_HEADERS, 'X-MDSO-Template': mail.template },
        },
      },
    });
  }
}

/** The notice of a new check: its id (the team looks it up), where it came from, its result link. */
export function buildNewCheckNotice(
  check: Pick<QuoteCheck, 'id' | 'resultToken' | 'profile' | 'sourceName'>,
  links: Parameters<typeof buildResultUrl>[0],
): NoticeContent {
  const url = buildResultUrl(links, {
    kind: 'check',
    id: check.id,
    token: check.resultToken,
    profile: check.profile,
    campaign: 'mail_admin',
  });
  const lines = [
    `Un nouveau devis a été soumis (${originOf(check.sourceName)}).`,
    `Identifiant de l’analyse : ${check.id}`,
  ];
  return {
    subject: `[${APP_NAME}] Nouveau devis soumis : ${check.id}`,
    text: `${lines.join('\n')}\nRésultat (quand l’analyse sera terminée) : ${url}\n`,
    html:
      '<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body>' +
      `<h1 style="font-size:18px">Nouveau devis soumis</h1>` +
      lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
      `<p><a href="${escapeHtml(url)}">Voir le résultat</a> (quand l’analyse sera terminée)</p>` +
      '</body></html>',
  };
}

/** Tells each address of QUOTE_CHECK_EMAIL_RECIPIENTS about a new check (nothing when unset). */
export async function announceNewCheck(
  deps: MailDeps,
  check: Pick<QuoteCheck, 'id' | 'resultToken' | 'profile' | 'sourceName'>,
): Promise<void> {
  const recipients = teamRecipients(deps.config.QUOTE_CHECK_EMAIL_RECIPIENTS);
  if (recipients.length === 0) return;
  await sendToTeam(deps, recipients, {
    template: NEW_CHECK_TEMPLATE,
    dedupeKey: `new-check:${check.id}`,
    ids: { checkId: check.id },
    content: buildNewCheckNotice(check, linkSettings(deps.config)),
  });
}

export function teamRecipients(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;]/u)
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * Tells the team about an inbound mail we did not process (spec/email.md §5.6): one mail per
 * address of INBOUND_FORWARDING_MAIL (nothing when unset), once per inbound mail.
 */
export async function forwardToTeam(
  deps: MailDeps,
  req: { inboundEmailId: string; raw?: Buffer; subject?: string },
): Promise<void> {
  const recipients = teamRecipients(deps.config.INBOUND_FORWARDING_MAIL);
  if (recipients.length === 0) return;
  let summary: ForwardSummary = { attachmentCount: 0 };
  if (req.raw) {
    try {
      summary = await summariseRawMail(req.raw);
    } catch (err) {
      deps.logger.warn(
        { inboundEmailId: req.inboundEmailId, error: describeError(err) },
        'forward: original mail unreadable, sent without its text',
      );
    }
  }
  const content = buildForwardContent(summary, {
    inboundEmailId: req.inboundEmailId,
    ...(req.subject ? { subject: req.subject } : {}),
  });
  await sendToTeam(deps, recipients, {
    template: FORWARD_TEMPLATE,
    dedupeKey: `forward:${req.inboundEmailId}`,
    ids: { inboundEmailId: req.inboundEmailId },
    content,
  });
}
