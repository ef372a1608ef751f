/**
 * The pino logger. Never log quote text, extracted attributes, mail bodies or attachments:
 * ids, sizes, durations and codes only (STYLE.md §9). Credentials are redacted.
 */
import { pino, destination, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** `stderr` for command-line tools, whose stdout carries results. */
  destination?: 'stdout' | 'stderr';
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'mdso' },
      redact: {
        paths: [
          'apiKey',
          'password',
          'token',
          'authorization',
          '*.apiKey',
          '*.password',
          '*.token',
          'headers.authorization',
          'req.headers.authorization',
          'req.headers["x-api-key"]',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination({ dest: options.destination === 'stderr' ? 2 : 1, sync: true }),
  );
}

/** A logger that drops everything (tests, `--quiet`). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
