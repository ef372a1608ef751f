/**
 * Feedback on a quote check (internal, spec/api.md §5.14–5.15): global (`rating` 0–5, optional
 * `email` and `comment`) or about one finding (`validation_error_details_id` in the body, or in
 * the path of the second route, with a required `comment`). Unlike other resources, the answer
 * keeps null values (§6.5). Messages are French; unknown body keys are ignored.
 */
import express from 'express';
import { insertFeedback } from '../../db/feedbacks-repo.js';
import { shownDetails } from '../serializers/findings.js';
import { callerOf, requireCaller } from '../auth.js';
import { recordNotFound, validationFailed } from '../errors.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { loadCheck } from '../records.js';
import type { ApiContext, ApiRoutes } from '../route-context.js';
import {
  BEARER,
  GenericError,
  IdParam,
  jsonContent,
  openApiPath,
  protectedResponses,
} from '../schemas.js';
import { MAX_COMMENT_CHARS } from './quote-checks.js';

const GLOBAL_PATH = '/api/v1/quote_checks/:quote_check_id/feedbacks';
const DETAIL_PATH =
  '/api/v1/quote_checks/:quote_check_id/error_details/:validation_error_detail_id/feedbacks';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

const FeedbackBody = z
  .object({
    rating: z
      .number()
      .int()
      .min(0)
      .max(5)
      .optional()
      .openapi({ description: 'Obligatoire sans validation_error_details_id' }),
    email: z.string().nullable().optional(),
    comment: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: `${MAX_COMMENT_CHARS} caractères au plus` }),
    validation_error_details_id: z.string().optional(),
  })
  .openapi('QuoteCheckFeedbackCreate');

const GlobalFeedback = z
  .strictObject({
    id: z.uuid(),
    quote_check_id: z.uuid(),
    comment: z.string().nullable(),
    rating: z.number().int().nullable(),
    email: z.string().nullable(),
  })
  .openapi('QuoteCheckFeedback');

const DetailFeedback = z
  .strictObject({
    id: z.uuid(),
    quote_check_id: z.uuid(),
    comment: z.string().nullable(),
    validation_error_details_id: z.string(),
  })
  .openapi('ErrorDetailFeedback');

interface Feedback {
  id: string;
  quoteCheckId: string;
  validationErrorDetailsId: string | null;
  rating: number | null;
  email: string | null;
  comment: string | null;
}

function represent(feedback: Feedback): Record<string, unknown> {
  const base = {
    id: feedback.id,
    quote_check_id: feedback.quoteCheckId,
    comment: feedback.comment,
  };
  return feedback.validationErrorDetailsId
    ? { ...base, validation_error_details_id: feedback.validationErrorDetailsId }
    : { ...base, rating: feedback.rating, email: feedback.email };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function createFeedbackRoutes(ctx: ApiContext): ApiRoutes {
  const router = express.Router();
  const internal = requireCaller(ctx.keyring, 'internal');

  const handle = async (
    checkId: string,
    pathDetailId: string | undefined,
    body: Record<string, unknown>,
    res: express.Response,
  ) => {
    const { check } = await loadCheck(ctx.db, callerOf(res), checkId);
    const ids = new Set(shownDetails(check.validation).map((d) => d.id));
    if (pathDetailId !== undefined && !ids.has(pathDetailId)) {
      throw recordNotFound('ValidationErrorDetails', pathDetailId);
    }
    const detailId = pathDetailId ?? text(body['validation_error_details_id']) ?? undefined;
    const messages: string[] = [];
    const comment = text(body['comment']);
    if (comment && comment.length > MAX_COMMENT_CHARS) {
      messages.push(`comment : ${MAX_COMMENT_CHARS} caractères au plus.`);
    }
    let rating: number | null = null;
    let email: string | null = null;
    if (detailId !== undefined) {
      if (!ids.has(detailId))
        messages.push(
          `validation_error_details_id : « ${detailId} » n’est pas une erreur de ce devis.`,
        );
      if (!comment) messages.push('comment : obligatoire pour un avis sur une erreur.');
    } else {
      const raw = body['rating'];
      rating = typeof raw === 'string' && /^\d+$/u.test(raw) ? Number(raw) : (raw as number);
      if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 0 || rating > 5) {
        messages.push('rating : une note entière de 0 à 5 est obligatoire.');
      }
      email = text(body['email']);
      if (email && !EMAIL.test(email)) messages.push('email : adresse invalide.');
    }
    if (messages.length > 0) throw validationFailed(messages);
    const stored = {
      quoteCheckId: check.id,
      validationErrorDetailsId: detailId ?? null,
      rating: detailId === undefined ? rating : null,
      email,
      comment,
    };
    const id = await insertFeedback(ctx.db, {
      quoteCheckId: check.id,
      ...(detailId !== undefined ? { findingId: detailId } : {}),
      ...(stored.rating !== null ? { rating: stored.rating } : {}),
      ...(comment ? { comment } : {}),
      ...(email ? { email } : {}),
    });
    const feedback: Feedback = { id, ...stored };
    ctx.logger.info(
      { quoteCheckId: check.id, feedbackId: feedback.id, detail: detailId !== undefined },
      'api: feedback received',
    );
    res.status(201).json(represent(feedback));
  };

  router.post(GLOBAL_PATH, internal, express.json(), async (req, res) => {
    await handle(
      String(req.params['quote_check_id']),
      undefined,
      (req.body ?? {}) as Record<string, unknown>,
      res,
    );
  });
  router.post(DETAIL_PATH, internal, express.json(), async (req, res) => {
    await handle(
      String(req.params['quote_check_id']),
      String(req.params['validation_error_detail_id']),
      (req.body ?? {}) as Record<string, unknown>,
      res,
    );
  });

  return {
    router,
    register(registry: OpenAPIRegistry) {
      registry.registerPath({
        method: 'post',
        path: openApiPath(GLOBAL_PATH),
        tags: ['Devis'],
        summary: 'Donner son avis sur l’analyse d’un devis (ou sur une de ses erreurs)',
        security: BEARER,
        request: {
          params: z.object({ quote_check_id: IdParam }),
          body: { content: { 'application/json': { schema: FeedbackBody } } },
        },
        responses: {
          201: jsonContent(z.union([GlobalFeedback, DetailFeedback]), 'Avis enregistré'),
          ...protectedResponses({ notFound: true, body: true }),
          422: jsonContent(GenericError, 'Champ invalide'),
        },
      });
      registry.registerPath({
        method: 'post',
        path: openApiPath(DETAIL_PATH),
        tags: ['ErreursDevis'],
        summary: 'Donner son avis sur une erreur relevée',
        security: BEARER,
        request: {
          params: z.object({ quote_check_id: IdParam, validation_error_detail_id: z.string() }),
          body: {
            content: {
              'application/json': {
                schema: z
                  .object({ comment: z.string().openapi({ description: 'Obligatoire' }) })
                  .openapi('ErrorDetailFeedbackCreate'),
              },
            },
          },
        },
        responses: {
          201: jsonContent(DetailFeedback, 'Avis enregistré'),
          ...protectedResponses({ notFound: true, body: true }),
          422: jsonContent(GenericError, 'Commentaire absent ou trop long'),
        },
      });
    },
  };
}
