/**
 * Finding edits (internal, spec/api.md §5.16, routes 15–17 and 24–26): DELETE dismisses a finding
 * (`?reason=` a code, the frontend's label or free text), POST restores it, PATCH|PUT sets or
 * clears its comment (`comment` key required). The mechanism is the one of the result page
 * (`db/finding-edits-repo.ts`: row locks, case propagation by code, `validation_error_edited_at`,
 * edits carried over a re-check); here only access, scoping and the HTTP answers. A record still
 * being analysed answers 409 (upstream crashed with a 500).
 */
import express, { type Request, type Response } from 'express';
import {
  editQuoteCheckFinding,
  editQuotesCaseFinding,
  type FindingEditOutcome,
} from '../../db/finding-edits-repo.js';
import type { FindingEditAction } from '../../domain/finding-edits.js';
import { callerOf, requireCaller } from '../auth.js';
import { otherError, parameterMissing, recordNotFound, validationFailed } from '../errors.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { loadCase, loadCheck } from '../records.js';
import type { ApiContext, ApiRoutes } from '../route-context.js';
import {
  BEARER,
  GenericError,
  jsonContent,
  openApiPath,
  protectedResponses,
  registerUpdate,
} from '../schemas.js';
import { sanitizeComment } from './quote-checks.js';

const PATHS = {
  quote_checks: '/api/v1/quote_checks/:parent_id/error_details/:id',
  quotes_cases: '/api/v1/quotes_cases/:parent_id/error_details/:id',
} as const;

type Kind = keyof typeof PATHS;

const CommentBody = z
  .object({
    comment: z.union([z.string(), z.null()]).openapi({
      description: 'Obligatoire ; null ou vide retire le commentaire ; tronqué à 1000 caractères',
    }),
  })
  .openapi('ErrorDetailUpdate');

async function actionOf(req: Request): Promise<FindingEditAction> {
  if (req.method === 'DELETE') {
    const reason = req.query['reason'];
    return { kind: 'delete', reason: typeof reason === 'string' ? reason : null };
  }
  if (req.method === 'POST') return { kind: 'restore' };
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (!('comment' in body)) throw parameterMissing('comment');
  const comment = body['comment'];
  if (comment !== null && typeof comment !== 'string') {
    throw validationFailed(['comment : du texte (ou null) est attendu.']);
  }
  return { kind: 'comment', comment: await sanitizeComment(comment) };
}

const SUCCESS: Record<string, number> = { DELETE: 204, POST: 201, PATCH: 200, PUT: 200 };

export function createErrorDetailRoutes(ctx: ApiContext): ApiRoutes {
  const router = express.Router();
  const internal = requireCaller(ctx.keyring, 'internal');

  const handle = (kind: Kind) => async (req: Request, res: Response) => {
    const caller = callerOf(res);
    const parentId = String(req.params['parent_id']);
    const findingId = String(req.params['id']);
    if (kind === 'quote_checks') await loadCheck(ctx.db, caller, parentId);
    else await loadCase(ctx.db, caller, parentId);
    const action = await actionOf(req);
    const edit = kind === 'quote_checks' ? editQuoteCheckFinding : editQuotesCaseFinding;
    const outcome: FindingEditOutcome = await edit(ctx.db, parentId, { findingId, action });
    if (outcome === 'not_found') throw recordNotFound('ValidationErrorDetails', findingId);
    if (outcome === 'pending') {
      throw otherError(409, 'Conflict', 'L’analyse est en cours : réessayez une fois terminée.');
    }
    ctx.logger.info(
      {
        [kind === 'quote_checks' ? 'quoteCheckId' : 'caseId']: parentId,
        findingId,
        edit: action.kind,
      },
      'api: finding edited',
    );
    res.status(SUCCESS[req.method] ?? 200).end();
  };

  for (const kind of Object.keys(PATHS) as Kind[]) {
    const path = PATHS[kind];
    router.delete(path, internal, handle(kind));
    router.post(path, internal, handle(kind));
    router.patch(path, internal, express.json(), handle(kind));
    router.put(path, internal, express.json(), handle(kind));
  }

  return {
    router,
    register(registry: OpenAPIRegistry) {
      for (const kind of Object.keys(PATHS) as Kind[]) {
        const path = openApiPath(PATHS[kind]);
        const params = z.object({ parent_id: z.string(), id: z.string() });
        const common = { path, tags: ['ErreursDevis'], security: BEARER };
        const errors = {
          ...protectedResponses({ notFound: true }),
          409: jsonContent(GenericError, 'Analyse en cours'),
        };
        registry.registerPath({
          ...common,
          method: 'delete',
          summary: 'Écarter une erreur (raison : code, libellé ou texte libre)',
          request: {
            params,
            query: z.object({ reason: z.string().optional() }),
          },
          responses: { 204: { description: 'Erreur écartée' }, ...errors },
        });
        registry.registerPath({
          ...common,
          method: 'post',
          summary: 'Rétablir une erreur écartée',
          request: { params },
          responses: { 201: { description: 'Erreur rétablie' }, ...errors },
        });
        registerUpdate(registry, {
          ...common,
          summary: 'Commenter une erreur',
          request: { params, body: { content: { 'application/json': { schema: CommentBody } } } },
          responses: {
            200: { description: 'Commentaire enregistré' },
            ...errors,
            400: jsonContent(GenericError, 'Clé comment absente, ou corps illisible'),
            422: jsonContent(GenericError, 'Commentaire qui n’est pas du texte'),
          },
        });
      }
    },
  };
}
