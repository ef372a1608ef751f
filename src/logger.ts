/**
 * The pino logger. Never log quote text, extracted attributes, mail bodies or attachments:
 * ids, sizes, durations and codes only (STYLE.md §9). Credentials are redacted.
 *
 * Two forms, one set of log calls (issue 9): the service writes JSON lines, where an operational
 * failure (an AppError: a registry down, an OCR timeout) is one line without a stack trace, and
 * a bug keeps its stack. Command-line tools (`destination: 'stderr'`) show a person one French
 * line per warning (log-notices.ts), each line once, never JSON nor a stack trace; with
 * LOG_LEVEL=debug or trace they write the JSON lines instead, for diagnosis.
 */
import { writeSync } from 'node:fs';
import { pino, destination, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { AppError } from './errors.js';
import { noticeOf, type LogRecord } from './log-notices.js';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** `stderr` for command-line tools, whose stdout carries results. */
  destination?: 'stdout' | 'stderr';
}

const WARN = 40;

/** An operational failure is expected and explained by its code and message: no stack. */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const serialized = stdSerializers.err(err) as unknown as Record<string, unknown>;
  if (!(err instanceof AppError)) return serialized;
  const { stack: _stack, ...operational } = serialized;
  return operational;
}

/** Each warning as one French line on stderr, the same line once per process. */
function noticeStream(): DestinationStream {
  const said = new Set<string>();
  return {
    write(line: string) {
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        return;
      }
      if (record.level < WARN) return;
      const notice = noticeOf(record);
      if (said.has(notice)) return;
      said.add(notice);
      writeSync(2, `${notice}\n`);
    },
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const forPeople = options.destination === 'stderr' && level !== 'debug' && level !== 'trace';
  return pino(
    {
      level,
      base: { service: 'mdso' },
      serializers: { err: serializeError },
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
    forPeople
      ? noticeStream()
      : destination({ dest: options.destination === 'stderr' ? 2 : 1, sync: true }),
  );
}

/** A logger that drops everything (tests, `--quiet`). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
