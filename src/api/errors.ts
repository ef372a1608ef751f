/**
 * API error bodies (spec/api.md §3): one thrown type, `ApiError`, carrying the status and the
 * body, so that every route answers errors in the same two shapes — the generic
 * `{error, message[]}` and the data checks' `{error_details:[{code}], valid:false}` — with French
 * messages. The error handler at the end of the API router renders it; anything else is a 500
 * logged with the request id, never a stack trace in a body.
 */
import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../logger.js';

export type GenericErrorKind =
  | 'Bad request'
  | 'Parameter missing'
  | 'Validation failed'
  | 'Record not found'
  | 'Unauthorized'
  | 'Forbidden'
  | 'Unprocessable entity'
  | 'Conflict'
  | 'Payload too large'
  | 'Too many requests'
  | 'Bad gateway'
  | 'Service unavailable';

export interface GenericErrorBody {
  error: GenericErrorKind;
  message?: string[];
}

export interface CodeErrorBody {
  error_details: { code: string }[];
  valid: false;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: GenericErrorBody | CodeErrorBody,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super('error' in body ? `${body.error}: ${(body.message ?? []).join(' ')}` : 'code error');
    this.name = 'ApiError';
  }
}

function generic(status: number, error: GenericErrorKind, messages: string[]): ApiError {
  return new ApiError(status, messages.length ? { error, message: messages } : { error });
}

/** 404 with upstream's message shape, in French (`Couldn't find QuoteCheck with 'id'=…`). */
export function recordNotFound(model: string, id: string): ApiError {
  return generic(404, 'Record not found', [`${model} introuvable (id = ${JSON.stringify(id)})`]);
}

export const unauthorized = {
  /** Routes upstream protected with HTTP Basic (feedbacks, edits, cases): body of §2.5 item 5. */
  basic: (): ApiError => generic(401, 'Unauthorized', ['HTTP Basic: Access denied.']),
  /** Missing or invalid API key. */
  apiKey: (): ApiError => generic(401, 'Unauthorized', ['API key is required or invalid']),
};

export function parameterMissing(name: string): ApiError {
  return generic(400, 'Parameter missing', [`Paramètre manquant : ${name}`]);
}

export function badRequest(message: string): ApiError {
  return generic(400, 'Bad request', [message]);
}

export function validationFailed(messages: string[]): ApiError {
  return generic(422, 'Validation failed', messages);
}

export function unprocessable(message: string): ApiError {
  return generic(422, 'Unprocessable entity', [message]);
}

/** Data checks' code-shaped error (§3.1): the French text of the code is not sent. */
export function codeError(status: number, code: string): ApiError {
  return new ApiError(status, { error_details: [{ code }], valid: false });
}

export function otherError(status: number, error: GenericErrorKind, message: string): ApiError {
  return generic(status, error, [message]);
}

/** French "full messages" of a zod error, attribute name first (§3.2 "Validation failed"). */
export function zodMessages(error: ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    return path ? `${path} : ${issue.message}` : issue.message;
  });
}

/** The API's last middleware: ApiError as is, zod errors as 422, the rest as a logged 500. */
export function apiErrorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof ApiError) {
      res.set(err.headers).status(err.status).json(err.body);
      return;
    }
    if (err instanceof ZodError) {
      res.status(422).json({ error: 'Validation failed', message: zodMessages(err) });
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // body-parser and friends: unparsable JSON (400), body too large (413)
      const kind: GenericErrorKind = status === 413 ? 'Payload too large' : 'Bad request';
      const message =
        status === 413 ? 'Le corps de la requête est trop volumineux.' : 'Requête illisible.';
      res.status(status).json({ error: kind, message: [message] });
      return;
    }
    logger.error({ err, method: req.method, path: req.path }, 'api request failed');
    res.status(500).json({ error: 'Erreur interne du service' });
  };
}
