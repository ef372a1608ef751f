/**
 * `GET /api/v1/auth/check` (+ `/auth/check`, the path the frontend's debug page calls),
 * `GET /api/v1/quote_checks/{id}` (partner, scoped; a finished result read counts as delivered)
 * and `PATCH|PUT /api/v1/quote_checks/{id}` (internal: comment, reference) — spec/api.md §5.1,
 * §5.10, §5.11. Comments are HTML-sanitised by sanitize-html before they are stored.
 */
import express, { type Request, type Response } from 'express';
import type SanitizeHtml from 'sanitize-html';
import { annotateQuoteCheck, markResultsDelivered } from '../../db/api-records-repo.js';
import { callerOf, requireCaller } from '../auth.js';
import { validationFailed, zodMessages } from '../errors.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { loadCheck } from '../records.js';
import { linkOptions, type ApiContext, type ApiRoutes } from '../route-context.js';
import {
  BEARER,
  GenericError,
  IdParam,
  jsonContent,
  openApiPath,
  protectedResponses,
  QuoteCheck,
  registerUpdate,
} from '../schemas.js';
import { serializeQuoteCheck } from '../serializers/quote-check.js';

export const CHECK_PATH = '/api/v1/quote_checks/:id';
export const MAX_COMMENT_CHARS = 1000;

const AuthCheck = z.strictObject({ user: z.string() }).openapi('AuthCheck');

let sanitizer: Promise<typeof SanitizeHtml> | undefined;

/**
 * Blank → null; tags outside a small allow-list removed, `<`/`>` of the text escaped.
 * sanitize-html (about 10 MB) is loaded with the first comment.
 */
export async function sanitizeComment(value: string | null | undefined): Promise<string | null> {
  if (value === null || value === undefined || !value.trim()) return null;
  sanitizer ??= import('sanitize-html').then(
    (m) => (m as unknown as { default: typeof SanitizeHtml }).default,
  );
  const sanitizeHtml = await sanitizer;
  const clean = sanitizeHtml(value, {
    allowedTags: ['b', 'i', 'em', 'strong', 'p', 'br', 'ul', 'ol', 'li', 'a'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['https', 'http', 'mailto'],
  }).trim();
  return clean || null;
}

const nullableText = z.union([z.string(), z.null()]).optional();

export const CheckPatch = z
  .object({
    comment: nullableText.openapi({ description: `${MAX_COMMENT_CHARS} caractères au plus` }),
    reference: nullableText,
  })
  .openapi('QuoteCheckUpdate', { description: 'Les autres clés sont ignorées.' });

/** The comment as stored, or 422 when it is too long (before or after sanitising). */
export async function checkedComment(value: string | null | undefined): Promise<string | null> {
  const clean = await sanitizeComment(value);
  if ((value?.length ?? 0) > MAX_COMMENT_CHARS || (clean?.length ?? 0) > MAX_COMMENT_CHARS) {
    throw validationFailed([`comment : ${MAX_COMMENT_CHARS} caractères au plus.`]);
  }
  return clean;
}

export function createQuoteCheckRoutes(ctx: ApiContext): ApiRoutes {
  const router = express.Router();
  const authCheck = (_req: Request, res: Response) => {
    res.json({ user: callerOf(res).partner });
  };
  router.get('/api/v1/auth/check', requireCaller(ctx.keyring, 'partner', 'apiKey'), authCheck);
  router.get('/auth/check', requireCaller(ctx.keyring, 'partner', 'apiKey'), authCheck);

  router.get(CHECK_PATH, requireCaller(ctx.keyring, 'partner'), async (req, res) => {
    const { check, filename } = await loadCheck(ctx.db, callerOf(res), String(req.params['id']));
    if (check.finishedAt && !check.resultSentAt) await markResultsDelivered(ctx.db, [check.id]);
    res.json(serializeQuoteCheck(check, { filename }, linkOptions(ctx)));
  });

  const update = async (req: Request, res: Response) => {
    const caller = callerOf(res);
    const id = String(req.params['id']);
    await loadCheck(ctx.db, caller, id);
    const parsed = CheckPatch.safeParse(req.body ?? {});
    if (!parsed.success) throw validationFailed(zodMessages(parsed.error));
    const changes: { comment?: string | null; reference?: string | null } = {};
    if ('comment' in parsed.data) changes.comment = await checkedComment(parsed.data.comment);
    if ('reference' in parsed.data) changes.reference = parsed.data.reference?.trim() || null;
    await annotateQuoteCheck(ctx.db, id, changes);
    ctx.logger.info({ quoteCheckId: id, keys: Object.keys(changes) }, 'api: quote check updated');
    const { check, filename } = await loadCheck(ctx.db, caller, id);
    res.json(serializeQuoteCheck(check, { filename }, linkOptions(ctx)));
  };
  const internal = requireCaller(ctx.keyring, 'internal');
  router.patch(CHECK_PATH, internal, express.json(), update);
  router.put(CHECK_PATH, internal, express.json(), update);

  return {
    router,
    register(registry: OpenAPIRegistry) {
      for (const path of ['/api/v1/auth/check', '/auth/check']) {
        registry.registerPath({
          method: 'get',
          path,
          tags: ['Authentification'],
          summary: 'Vérifier sa clé d’API (renvoie le nom du partenaire)',
          security: BEARER,
          responses: { 200: jsonContent(AuthCheck, 'Clé valide'), ...protectedResponses() },
        });
      }
      const params = z.object({ id: IdParam });
      registry.registerPath({
        method: 'get',
        path: openApiPath(CHECK_PATH),
        tags: ['Devis'],
        summary: 'Lire l’analyse d’un devis (à interroger jusqu’à status ≠ pending)',
        security: BEARER,
        request: { params },
        responses: {
          200: jsonContent(QuoteCheck, 'Le devis'),
          ...protectedResponses({ notFound: true }),
        },
      });
      registerUpdate(registry, {
        path: openApiPath(CHECK_PATH),
        tags: ['Devis'],
        summary: 'Commenter un devis ou changer sa référence (clé interne)',
        security: BEARER,
        request: { params, body: { content: { 'application/json': { schema: CheckPatch } } } },
        responses: {
          200: jsonContent(QuoteCheck, 'Le devis mis à jour'),
          ...protectedResponses({ notFound: true, body: true }),
          422: jsonContent(GenericError, 'Commentaire trop long'),
        },
      });
    },
  };
}
