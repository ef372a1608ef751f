/**
 * Operational failures (STYLE.md §8): a stable snake_case code, an HTTP status, whether a retry
 * may help, and an id shown both to the caller and in the log line. Findings are never errors.
 */
import { randomUUID } from 'node:crypto';

export interface AppErrorOptions {
  cause?: unknown;
  status?: number;
  retryable?: boolean;
}

export class AppError extends Error {
  readonly id = randomUUID();
  readonly status: number;
  readonly retryable: boolean;

  constructor(
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status ?? 500;
    this.retryable = options.retryable ?? false;
  }
}

/** Bad input from a caller (HTTP 400/422, CLI exit 2). */
export class InvalidInputError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('invalid_input', message, { status: 422, ...options });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options: AppErrorOptions = {}) {
    super('not_found', message, { status: 404, ...options });
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Clé API manquante ou invalide.', options: AppErrorOptions = {}) {
    super('unauthorized', message, { status: 401, ...options });
  }
}

/** An outside system failed (`adapter` names it); retryable for network errors, 429 and 5xx. */
export class UpstreamError extends AppError {
  constructor(
    readonly adapter: string,
    message: string,
    options: AppErrorOptions & { upstreamStatus?: number } = {},
  ) {
    super('upstream_error', message, { status: 502, ...options });
    this.upstreamStatus = options.upstreamStatus;
  }
  readonly upstreamStatus: number | undefined;
}

/** A file could not be read (reported to the user as a finding, not as an HTTP error). */
export class FileReadError extends AppError {
  constructor(
    code: 'file_reading_error' | 'empty_file_error' | 'unsupported_file_format',
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(code, message, { status: 422, ...options });
  }
}
