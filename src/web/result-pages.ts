/**
 * The service's own result page (DESIGN.md §7): `GET /resultats/<token>` for a check or a case,
 * French HTML that works without JavaScript, its text export (`<token>.txt`, the report mail's
 * text part), and three forms: flag a finding as wrong (the API's delete edit), undo it, give a
 * global feedback. Reached only by the random token, never by an id. Every answer carries strict
 * security headers (helmet; no inline script or style: one static stylesheet).
 */
import express, { type Request, type Response, Router } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import { join } from 'node:path';
import { editQuoteCheckFinding, editQuotesCaseFinding } from '../db/finding-edits-repo.js';
import { insertFeedback } from '../db/feedbacks-repo.js';
import { findByResultToken, type ResultRecord } from '../db/result-pages-repo.js';
import { globalFeedbackSchema } from '../domain/feedback.js';
import { isDeletionReasonCode, type FindingEditAction } from '../domain/finding-edits.js';
import { RESULT_PAGE_PATH, resultPagePath, type LinkSettings } from '../domain/result-links.js';
import type { Logger } from '../logger.js';
import type { MailRenderer } from '../mail/renderer.js';
import { createPageRenderer } from './page-renderer.js';
import {
  checksOf,
  reportViewOf,
  resultPageContext,
  type FeedbackState,
} from './result-page-context.js';

export interface ResultPagesDeps {
  db: Knex;
  logger: Logger;
  /** The mail renderer: the text export is the report mail's text part. */
  mailRenderer: MailRenderer;
  links: LinkSettings;
  /** The `templates/` folder. */
  templatesDir: string;
}

export const ASSETS_PATH = '/assets/resultats';
const PENDING_REFRESH_S = 15;

export function createResultPagesRouter(deps: ResultPagesDeps): Router {
  const pages = createPageRenderer(deps.templatesDir);
  const router = Router();
  const base = { assets: ASSETS_PATH };
  const pageUrl = (token: string) =>
    `${deps.links.applicationHost.replace(/\/+$/u, '')}${resultPagePath(token)}`;

  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' }, // the token is in the URL: never send it on
  });
  router.use(RESULT_PAGE_PATH, headers);
  router.use(ASSETS_PATH, headers, express.static(join(deps.templatesDir, 'pages', 'assets')));
  const form = express.urlencoded({ extended: false, limit: '20kb', parameterLimit: 20 });

  function notFound(res: Response): void {
    res.status(404).type('html').send(pages.render('not-found', base));
  }

  function pending(res: Response, status = 200): void {
    res.set('Cache-Control', 'no-store');
    res
      .status(status)
      .type('html')
      .send(pages.render('pending', { ...base, refreshS: PENDING_REFRESH_S }));
  }

  function isPending(record: ResultRecord): boolean {
    return record.kind === 'check'
      ? record.check.finishedAt === null
      : record.source.quotesCase.finishedAt === null ||
          record.source.checks.some((c) => c.check.finishedAt === null);
  }

  async function load(req: Request, res: Response): Promise<ResultRecord | undefined> {
    const token = String(req.params.token ?? '');
    const record = await findByResultToken(deps.db, token);
    if (!record) notFound(res);
    else if (isPending(record)) pending(res, req.method === 'GET' ? 200 : 409);
    else return record;
    return undefined;
  }

  function show(res: Response, token: string, record: ResultRecord, feedback?: FeedbackState) {
    const context = resultPageContext(record, {
      links: deps.links,
      target: { path: resultPagePath(token), url: pageUrl(token) },
      ...(feedback ? { feedback } : {}),
    });
    res.set('Cache-Control', 'no-store');
    res.type('html').send(pages.render('result', { ...base, ...context }));
  }

  router.get(`${RESULT_PAGE_PATH}/:token`, async (req, res) => {
    const raw = String(req.params.token);
    const text = raw.endsWith('.txt');
    const token = text ? raw.slice(0, -4) : raw;
    req.params.token = token;
    const record = await load(req, res);
    if (!record) return;
    if (text) {
      const view = reportViewOf(record, deps.links, pageUrl(token));
      res.set('Cache-Control', 'no-store');
      res.set('Content-Disposition', 'inline; filename="resultat-analyse-devis.txt"');
      res
        .type('text/plain; charset=utf-8')
        .send(deps.mailRenderer.render('results_available', view).text);
      return;
    }
    show(res, token, record, req.query.avis === 'merci' ? { sent: true } : undefined);
  });

  /** The finding named by the form, on the case itself or on one of its checks. */
  async function applyEdit(record: ResultRecord, findingId: string, action: FindingEditAction) {
    if (record.kind === 'case') {
      const own = record.source.quotesCase.validation?.errorDetails.some((d) => d.id === findingId);
      if (own)
        return editQuotesCaseFinding(deps.db, record.source.quotesCase.id, { findingId, action });
    }
    const check = checksOf(record).find((c) =>
      c.validation?.errorDetails.some((d) => d.id === findingId),
    );
    if (!check) return 'not_found' as const;
    return editQuoteCheckFinding(deps.db, check.id, { findingId, action });
  }

  async function edit(req: Request, res: Response, action: FindingEditAction): Promise<void> {
    const record = await load(req, res);
    if (!record) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const findingId = typeof body.finding === 'string' ? body.finding : '';
    const outcome = await applyEdit(record, findingId, action);
    const recordId = record.kind === 'check' ? record.check.id : record.source.quotesCase.id;
    deps.logger.info({ recordId, findingId, action: action.kind, outcome }, 'result page edit');
    if (outcome === 'not_found') return notFound(res);
    if (outcome === 'pending') return pending(res, 409);
    res.redirect(
      303,
      `${resultPagePath(String(req.params.token))}#constat-${encodeURIComponent(findingId)}`,
    );
  }

  router.post(`${RESULT_PAGE_PATH}/:token/signaler`, form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const choice = typeof body.reason === 'string' ? body.reason : '';
    const text = typeof body.reason_text === 'string' ? body.reason_text : '';
    const reason = isDeletionReasonCode(choice) ? choice : text;
    await edit(req, res, { kind: 'delete', reason });
  });

  router.post(`${RESULT_PAGE_PATH}/:token/annuler`, form, async (req, res) => {
    await edit(req, res, { kind: 'restore' });
  });

  router.post(`${RESULT_PAGE_PATH}/:token/avis`, form, async (req, res) => {
    const record = await load(req, res);
    if (!record) return;
    const token = String(req.params.token);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = globalFeedbackSchema.safeParse(body);
    const check = checksOf(record)[0];
    const recordId = record.kind === 'check' ? record.check.id : record.source.quotesCase.id;
    if (!parsed.success || !check) {
      const errors: FeedbackState['errors'] = {};
      for (const issue of parsed.error?.issues ?? []) {
        const field = issue.path[0];
        if (field === 'rating' || field === 'comment' || field === 'email')
          errors[field] ??= issue.message;
      }
      deps.logger.info({ recordId, fields: Object.keys(errors) }, 'result page feedback refused');
      const values = Object.fromEntries(
        ['rating', 'comment', 'email'].map((k) => [k, typeof body[k] === 'string' ? body[k] : '']),
      );
      res.status(422);
      return show(res, token, record, { errors, values });
    }
    const id = await insertFeedback(deps.db, {
      quoteCheckId: check.id,
      rating: parsed.data.rating,
      ...(parsed.data.comment ? { comment: parsed.data.comment } : {}),
      ...(parsed.data.email ? { email: parsed.data.email } : {}),
    });
    deps.logger.info({ recordId, feedbackId: id }, 'result page feedback saved');
    res.redirect(303, `${resultPagePath(token)}?avis=merci#avis`);
  });

  return router;
}
