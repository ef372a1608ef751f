/**
 * The inbound SMTP listener (DESIGN.md §3, stack-and-pitfalls.md §A.4): refuses recipients
 * outside INBOUND_MAIL_DOMAIN at RCPT (550), messages over SMTP_MAX_MESSAGE_MB at DATA (552),
 * and answers 250 only once the raw message is committed (`ingestRawEmail`, which writes it to
 * the database as it arrives); a database failure answers 451 so the sending server retries.
 * Plain SMTP without AUTH: it sits behind the MX or on loopback.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Knex } from 'knex';
import type { Logger } from '../logger.js';
import { ingestRawEmail } from './ingest-email.js';
import { classifyRecipient } from './recipients.js';

const MIB = 1024 * 1024;

export interface SmtpListenerDeps {
  db: Knex;
  logger: Logger;
  config: { INBOUND_MAIL_DOMAIN: string; SMTP_MAX_MESSAGE_MB: number };
}

export interface SmtpListenerOptions {
  deps: SmtpListenerDeps;
  /** 0: any free port (tests). */
  port: number;
  host?: string;
  /** Merged last, so tests and operators may override (e.g. enable AUTH or TLS). */
  serverOptions?: SMTPServerOptions;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** Mails received at once (each streams into one database connection of the pool of 10). */
export const MAX_CONCURRENT_INGESTS = 4;

/** A counting semaphore: `acquire()` resolves with the function that gives the slot back. */
export function createSlots(size: number): { acquire(): Promise<() => void> } {
  let free = size;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return {
    acquire: () =>
      new Promise((resolve) => {
        if (free > 0) {
          free -= 1;
          resolve(release);
        } else {
          waiting.push(() => resolve(release));
        }
      }),
  };
}

/** An SMTP answer with its reply code, as smtp-server reads it from the error. */
function smtpError(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

export async function createSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const { deps } = options;
  const maxBytes = deps.config.SMTP_MAX_MESSAGE_MB * MIB;
  const ingestSlots = createSlots(MAX_CONCURRENT_INGESTS);
  const server = new SMTPServer({
    name: deps.config.INBOUND_MAIL_DOMAIN,
    banner: 'Mon Devis Sans Oublis',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    hideDSN: true,
    maxClients: 50,
    socketTimeout: 120_000,
    onRcptTo(address, _session, callback) {
      const recipient = classifyRecipient(address.address, deps.config.INBOUND_MAIL_DOMAIN);
      if (recipient === 'outside_domain') {
        callback(smtpError('5.1.1 Destinataire inconnu / unknown recipient', 550));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const started = Date.now();
      void (async () => {
        const mailFrom = session.envelope.mailFrom;
        // Each ingest holds a database connection while the mail arrives: a few at a time, the
        // others wait (their TCP stream is paused), so slow senders cannot starve the pool.
        const release = await ingestSlots.acquire();
        const result = await ingestRawEmail(deps.db, {
          channel: 'smtp',
          raw: stream,
          maxBytes,
          tooLarge: () => {
            deps.logger.info({ size: stream.byteLength, maxBytes }, 'smtp message over size');
            return smtpError('5.3.4 Message trop volumineux / message too big', 552);
          },
          envelope: {
            mailFrom: mailFrom === false ? '' : mailFrom.address,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
          },
        }).finally(release);
        deps.logger.info(
          {
            inboundEmailId: result.id,
            duplicate: result.duplicate,
            size: result.size,
            recipients: session.envelope.rcptTo.length,
            ms: Date.now() - started,
          },
          'smtp message stored',
        );
        return result.id;
      })().then(
        (id) => callback(null, `2.0.0 Message reçu ${id}`),
        (err: unknown) => {
          if (err instanceof Error && 'responseCode' in err) {
            callback(err);
            return;
          }
          deps.logger.error({ err }, 'smtp message not stored');
          callback(smtpError('4.3.0 Erreur temporaire, réessayez plus tard', 451));
        },
      );
    },
    ...options.serverOptions,
  });
  server.on('error', (err) => deps.logger.warn({ err }, 'smtp server error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
