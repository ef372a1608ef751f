/**
 * Mails to the team, not to a user: the forward of an inbound mail we did not process
 * (spec/email.md §5.6). One mail per address of the setting, each sent once (its own dedupe
 * key) through the same send-once mechanism as the users' mails.
 */
import { buildForwardContent, summariseRawMail, type ForwardSummary } from './forward-message.js';
import { claimAndDeliver, describeError, FORWARD_TEMPLATE, type MailDeps } from './send-mail.js';

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
          headers: {
            'Auto-Submitted': 'auto-generated',
            'X-Auto-Response-Suppress': 'All',
            'X-MDSO-Template': FORWARD_TEMPLATE,
          },
        },
      },
    });
  }
}
