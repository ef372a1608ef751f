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

type NoticeContent = Pick<OutboundMessage, 'subject' | 'text' | 'html'>;

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
  const content = buildNewCheckNotice(check, linkSettings(deps.config));
  for (const [index, to] of recipients.entries()) {
    await claimAndDeliver(deps, {
      template: NEW_CHECK_TEMPLATE,
      dedupeKey: `new-check:${check.id}:${index}`,
      recipient: to,
      checkId: check.id,
      payload: {
        kind: 'message',
        message: {
          template: NEW_CHECK_TEMPLATE,
          from: deps.config.DEFAULT_EMAIL_FROM,
          to,
          ...content,
          references: [],
          headers: { ...TEAM_HEADERS, 'X-MDSO-Template': NEW_CHECK_TEMPLATE },
        },
      },
    });
  }
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
  for (const [index, to] of recipients.entries()) {
    await claimAndDeliver(deps, {
      template: FORWARD_TEMPLATE,
      dedupeKey: `forward:${req.inboundEmailId}:${index}`,
      recipient: to,
      inboundEmailId: req.inboundEmailId,
      payload: {
        kind: 'message',
        message: {
          template: FORWARD_TEMPLATE,
          from: deps.config.DEFAULT_EMAIL_FROM,
          to,
          ...(content.replyTo ? { replyTo: content.replyTo } : {}),
          subject: content.subject,
          html: content.html,
          text: content.text,
          references: [],
          headers: { ...TEAM_HEADERS, 'X-MDSO-Template': FORWARD_TEMPLATE },
        },
      },
    });
  }
}
