/**
 * The outbound message as every transport receives it (built by `mail/outbound-message.ts`),
 * and the interface each transport implements.
 */

export interface OutboundMessage {
  /** Template name, also sent as `X-MDSO-Template`. */
  template: string;
  /** `<…@our domain>`, angle brackets included. */
  messageId: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Message-ID of the mail answered, angle brackets included. */
  inReplyTo?: string;
  /** Thread, oldest first, angle brackets included. */
  references: string[];
  /** Other headers (`Auto-Submitted`, `X-MDSO-Template`, …); no standard address headers. */
  headers: Record<string, string>;
}

export interface SendResult {
  /** Message-ID as it went out: replies will cite it in `In-Reply-To`. */
  messageId: string;
  /** The provider's own id (Brevo message id, SMTP answer, outbox file name). */
  providerId?: string;
}

export interface MailTransport {
  readonly name: string;
  send(message: OutboundMessage): Promise<SendResult>;
  close?(): Promise<void>;
}

/** `Name <email>` or `email` → parts; the name without surrounding quotes. */
export function parseAddress(value: string): { email: string; name?: string } {
  const m = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/u.exec(value);
  if (!m) return { email: value.trim() };
  const name = (m[1] ?? '').replace(/^"(.*)"$/u, '$1').trim();
  return name ? { email: m[2] ?? '', name } : { email: m[2] ?? '' };
}
