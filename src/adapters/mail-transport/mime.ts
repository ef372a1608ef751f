/** OutboundMessage → nodemailer message options (outbox and SMTP share them). */
import type { SendMailOptions } from 'nodemailer';
import type { OutboundMessage } from './message.js';

export function toNodemailerOptions(message: OutboundMessage): SendMailOptions {
  return {
    messageId: message.messageId,
    from: message.from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    inReplyTo: message.inReplyTo,
    references: message.references.length > 0 ? message.references.join(' ') : undefined,
    headers: message.headers,
    textEncoding: 'quoted-printable',
  };
}
