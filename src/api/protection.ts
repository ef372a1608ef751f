/**
 * App-level protection (spec/api.md §8–9, DESIGN.md §7), each by its well-kept library: CORS
 * for `/api/*` (`cors`), security headers (`helmet`), rate limits per IP and per API key
 * (`express-rate-limit`, in-process memory store: each instance counts its own requests)
 * answering 429 with `Retry-After` in the generic error shape of §3.
 */
import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Config } from '../config.js';
import type { Keyring } from './auth.js';
import { ApiError } from './errors.js';

const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/**
 * §8: in production, the host (and port) of `FRONTEND_APPLICATION_HOST` (else of
 * `APPLICATION_HOST`) with any scheme, with
 * credentials (plus `http://localhost:<port>` when `APP_ENV=staging`); elsewhere any origin,
 * without credentials.
 */
export function apiCors(config: Config): RequestHandler {
  if (config.NODE_ENV !== 'production') {
    return cors({ origin: '*', methods: API_METHODS, credentials: false });
  }
  // without a frontend, the pages that call the API are our own (APPLICATION_HOST)
  const frontendHost = new URL(
    config.FRONTEND_APPLICATION_HOST ?? config.APPLICATION_HOST ?? 'http://localhost',
  ).host;
  const staging = config.APP_ENV === 'staging';
  return cors({
    methods: API_METHODS,
    credentials: true,
    origin(origin, callback) {
      if (!origin) return callback(null, false);
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return callback(null, false);
      }
      const allowed =
        url.host === frontendHost ||
        (staging && url.protocol === 'http:' && url.hostname === 'localhost');
      callback(null, allowed);
    },
  });
}

/** Headers for JSON and for the pages (Swagger UI's script and styles are files of 'self'). */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // the API is called from servers and other origins (CORS above decides who)
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

function tooManyRequests(req: Request, _res: Response, next: NextFunction): void {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now()) - Date.now()) / 1000));
  next(
    new ApiError(
      429,
      {
        error: 'Too many requests',
        message: [`Trop de requêtes : réessayez dans ${seconds} s.`],
      },
      { 'Retry-After': String(seconds) },
    ),
  );
}

export interface LimitOptions {
  windowMs: number;
  limit: number;
}

/** Per client IP (behind a proxy, set API_TRUST_PROXY so that req.ip is the client's). */
export function perIpLimit(options: LimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooManyRequests,
  });
}

/** Per API key (the partner); requests without a valid key are left to the per-IP limit. */
export function perKeyLimit(options: LimitOptions, keyring: Keyring): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: false,
    legacyHeaders: false,
    skip: (req) => keyring.identify(req.get('authorization')) === undefined,
    keyGenerator: (req) => `key:${keyring.identify(req.get('authorization'))?.partner ?? ''}`,
    handler: tooManyRequests,
  });
}
