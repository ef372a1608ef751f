/** SMTP transport: nodemailer over `SMTP_URL` (e.g. a relay such as Brevo's). */
import { createTransport } from 'nodemailer';
import { UpstreamError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { MailTransport, OutboundMessage, SendResult } from './message.js';
import { toNodemailerOptions } from './mime.js';

interface SmtpFailure {
  responseCode?: number;
  code?: string;
}

/** Temporary SMTP answers (4xx) and connection failures may succeed later; 5xx will not. */
function isRetryable(err: SmtpFailure): boolean {
  if (typeof err.responseCode === 'number')
    return err.responseCode >= 400 && err.responseCode < 500;
  return true;
}

export function createSmtpTransport(options: { url: string; logger: Logger }): MailTransport {
  const transporter = createTransport(options.url);
  return {
    name: 'smtp',
    async send(message: OutboundMessage): Promise<SendResult> {
      try {
        const info = await transporter.sendMail(toNodemailerOptions(message));
        options.logger.info(
          { transport: 'smtp', template: message.template, messageId: info.messageId },
          'mail sent over smtp',
        );
        return { messageId: info.messageId || message.messageId, providerId: info.response };
      } catch (cause) {
        const failure = (cause ?? {}) as SmtpFailure;
        throw new UpstreamError('smtp', "l'envoi du mail par SMTP a échoué", {
          cause,
          upstreamStatus: failure.responseCode,
          retryable: isRetryable(failure),
        });
      }
    },
    close() {
      transporter.close();
      return Promise.resolve();
    },
  };
}
