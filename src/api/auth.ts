/**
 * Who calls the API (spec/api.md §2, DESIGN.md §7): `Authorization: Bearer <key>` (scheme
 * case-insensitive; a bare key still accepted, as upstream), compared in constant time with every
 * configured `MDSO_API_KEY_FOR_<PARTNER>` (SHA-256 digests of both sides, so lengths leak nothing;
 * no early exit). The caller lands on `res.locals.caller`: the partner name verbatim, the source
 * name stamped on records (lower-cased) and whether it is the internal super-user (`MDSO`).
 * Partner routes need any valid key, internal routes the MDSO key: both answer 401 otherwise
 * (§2.5 items 1, 2, 5 — upstream's holes are closed). Record scoping (§2.4) is `isInScope`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { unauthorized } from './errors.js';

export interface ApiCaller {
  /** Variable suffix as written (`MDSO`, `AMI`): what `auth/check` returns. */
  partner: string;
  /** Lower-cased partner name, stamped as `source_name` and used for scoping. */
  sourceName: string;
  /** The MDSO key: sees every record, may call internal routes. */
  internal: boolean;
}

export interface Keyring {
  identify(authorization: string | undefined): ApiCaller | undefined;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The key of an `Authorization` header: `Bearer <key>` (any case) or the bare key. */
export function presentedKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const m = /^\s*bearer\s+(.*)$/isu.exec(authorization);
  const key = (m ? (m[1] ?? '') : authorization).trim();
  return key || undefined;
}

/** Keys by partner name; empty values are ignored (they would match an empty header). */
export function createKeyring(apiKeys: Readonly<Record<string, string>>): Keyring {
  const entries = Object.entries(apiKeys)
    .filter(([, key]) => key.trim() !== '')
    .map(([partner, key]) => ({ partner, hash: digest(key.trim()) }));
  return {
    identify(authorization) {
      const key = presentedKey(authorization);
      if (!key) return undefined;
      const hash = digest(key);
      let found: string | undefined;
      for (const entry of entries) {
        // every entry is compared, so the time does not say which one matched
        if (timingSafeEqual(hash, entry.hash) && found === undefined) found = entry.partner;
      }
      if (found === undefined) return undefined;
      return {
        partner: found,
        sourceName: found.toLowerCase(),
        internal: found.toLowerCase() === 'mdso',
      };
    },
  };
}

export type AccessLevel = 'partner' | 'internal';

/** Which 401 body (§2.5 item 5): `auth/check`'s own, or the one of the other protected routes. */
export type UnauthorizedBody = 'apiKey' | 'basic';

/**
 * Middleware: a valid key (and the MDSO key for internal routes), else 401. The caller is put
 * on `res.locals.caller` for the handlers.
 */
export function requireCaller(
  keyring: Keyring,
  level: AccessLevel,
  body: UnauthorizedBody = 'basic',
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const caller = keyring.identify(req.get('authorization'));
    if (!caller || (level === 'internal' && !caller.internal)) {
      next(unauthorized[body]());
      return;
    }
    res.locals['caller'] = caller;
    next();
  };
}

export function callerOf(res: Response): ApiCaller {
  const caller = res.locals['caller'] as ApiCaller | undefined;
  if (!caller) throw new Error('route without requireCaller');
  return caller;
}

/** §2.4: a partner sees only records of its source; MDSO sees all. */
export function isInScope(caller: ApiCaller, record: { sourceName: string | null }): boolean {
  return caller.internal || record.sourceName === caller.sourceName;
}
