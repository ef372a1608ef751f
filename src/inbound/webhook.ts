/**
 * `POST /api/v1/quote_checks/from_brevo_email` (spec/email.md §3, DESIGN.md §3): Brevo's inbound
 * parsing webhook. Bearer token compared in constant time; each valid item committed to
 * `inbound_emails` (keyed on its `Uuid`) before the 200; attachments are downloaded later, by
 * the processing job. Invalid items are logged and counted but do not fail the valid ones:
 * Brevo drops a payload answered 4xx/5xx, so only a database failure answers 500 (nothing of it
 * was lost: a retry stores what is missing).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from '../logger.js';
import { parseBrevoWebhook } from './brevo-payload.js';
import { ingestWebhookItem } from './ingest-email.js';
import { storableDeep } from '../db/storable-text.js';

export const BREVO_WEBHOOK_PATH = '/api/v1/quote_checks/from_brevo_email';

export interface WebhookDeps {
  db: Knex;
  logger: Logger;
  /** INBOUND_WEBHOOK_TOKEN (legacy RAILS_INBOUND_EMAIL_PASSWORD); unset: the route answers 503. */
  token?: string;
}

/** Constant time over equal-length digests, whatever the lengths of the inputs. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

function bearerOf(req: Request): string {
  const header = req.get('authorization') ?? '';
  return header.replace(/^\s*bearer\s+/iu, '').trim();
}

export function createBrevoWebhookRouter(deps: WebhookDeps): Router {
  const router = Router();
  router.post(
    BREVO_WEBHOOK_PATH,
    (req: Request, res: Response, next) => {
      if (!deps.token) {
        deps.logger.error('brevo webhook called but INBOUND_WEBHOOK_TOKEN is unset');
        res.status(503).json({ error: 'Réception des e-mails non configurée' });
        return;
      }
      const given = bearerOf(req);
      if (!given || !sameToken(given, deps.token)) {
        deps.logger.warn('brevo webhook: bad or missing bearer token');
        res.status(401).json({ error: 'Authentification requise' });
        return;
      }
      next();
    },
    express.json({ limit: '25mb' }),
    async (req: Request, res: Response) => {
      // NUL and lone surrogates cannot be stored: cleaned before anything reads the items
      const body: unknown = storableDeep(req.body);
      const rawItems: unknown[] =
        typeof body === 'object' && body !== null && 'items' in body && Array.isArray(body.items)
          ? (body.items as unknown[])
          : [body];
      let received = 0;
      let duplicates = 0;
      const invalid: { index: number; reason: string }[] = [];
      for (const [index, raw] of rawItems.entries()) {
        const parsed = parseBrevoWebhook({ items: [raw] });
        const item = parsed.items[0];
        if (!item) {
          invalid.push({ index, reason: parsed.invalid[0]?.reason ?? 'item invalide' });
          continue;
        }
        const result = await ingestWebhookItem(deps.db, { item, raw });
        if (result.duplicate) duplicates += 1;
        else received += 1;
        deps.logger.info(
          {
            inboundEmailId: result.id,
            duplicate: result.duplicate,
            attachments: item.attachments.length,
          },
          'brevo webhook item stored',
        );
      }
      if (invalid.length > 0) {
        deps.logger.warn({ invalid }, 'brevo webhook: invalid items dropped');
      }
      res.status(200).json({
        received,
        duplicates,
        ...(invalid.length > 0 ? { invalid } : {}),
      });
    },
  );
  return router;
}
