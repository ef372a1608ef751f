/**
 * Cases ("dossiers", spec/api.md §5.17–5.19), partner routes, scoped: create (metadata as an
 * object or a JSON string, upstream dropped the object), read with the embedded checks newest
 * first (their finished results count as delivered), and change the reference. Quotes join a
 * case through the upload route's `case_id`.
 */
import express, { type Request, type Response } from 'express';
import { markResultsDelivered, setCaseReference } from '../../db/api-records-repo.js';
import { createQuotesCase } from '../../db/quotes-cases-repo.js';
import type { Profile, RenovationType } from '../../domain/quote-check.js';
import { callerOf, requireCaller } from '../auth.js';
import { validationFailed, zodMessages } from '../errors.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { loadCaseWithChecks } from '../records.js';
import { linkOptions, type ApiContext, type ApiRoutes } from '../route-context.js';
import {
  BEARER,
  GenericError,
  IdParam,
  jsonContent,
  openApiPath,
  protectedResponses,
  QuotesCase,
  registerUpdate,
} from '../schemas.js';
import { serializeQuotesCase } from '../serializers/quotes-case.js';
import { parseMetadata } from '../upload/metadata-input.js';
import {
  API_PROFILES,
  checkProfile,
  checkRenovationType,
  RENOVATION_TYPES,
} from '../upload/upload-request.js';

export const CASES_PATH = '/api/v1/quotes_cases';
export const CASE_PATH = '/api/v1/quotes_cases/:id';

const CaseCreate = z
  .object({
    profile: z.enum(API_PROFILES).optional().openapi({ description: 'conseiller par défaut' }),
    renovation_type: z
      .enum(RENOVATION_TYPES)
      .optional()
      .openapi({ description: 'ampleur par défaut' }),
    reference: z.string().nullable().optional(),
    metadata: z
      .union([
        z.string(),
        z.object({ aides: z.array(z.string()).optional(), gestes: z.array(z.string()).optional() }),
      ])
      .optional()
      .openapi({ description: 'Objet ou chaîne JSON {"aides": […], "gestes": […]}' }),
  })
  .openapi('QuotesCaseCreate');

const CaseUpdate = z
  .object({ reference: z.union([z.string(), z.null()]).optional() })
  .openapi('QuotesCaseUpdate');

const bodyParsers = [express.json(), express.urlencoded({ extended: false })];

export function createQuotesCaseRoutes(ctx: ApiContext): ApiRoutes {
  const router = express.Router();
  const partner = requireCaller(ctx.keyring, 'partner');

  const respond = async (res: Response, id: string, status = 200) => {
    const { quotesCase, checks } = await loadCaseWithChecks(ctx.db, callerOf(res), id);
    res.status(status).json(serializeQuotesCase(quotesCase, checks, linkOptions(ctx)));
    return checks;
  };

  router.post(CASES_PATH, partner, ...bodyParsers, async (req, res) => {
    const caller = callerOf(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const messages: string[] = [];
    const profile =
      body['profile'] === undefined ? 'conseiller' : checkProfile(body['profile'], messages);
    const renovationType =
      body['renovation_type'] === undefined
        ? 'ampleur'
        : checkRenovationType(body['renovation_type'], messages);
    const metadata = parseMetadata(body['metadata']);
    const reference = typeof body['reference'] === 'string' ? body['reference'].trim() : '';
    if (messages.length > 0) throw validationFailed(messages);
    const id = await createQuotesCase(ctx.db, {
      profile: profile as Profile,
      renovationType: renovationType as RenovationType,
      sourceName: caller.sourceName,
      reference: reference || null,
      metadata: metadata ?? null,
    });
    ctx.logger.info({ caseId: id, source: caller.sourceName }, 'api: case created');
    await respond(res, id, 201);
  });

  router.get(CASE_PATH, partner, async (req, res) => {
    const checks = await respond(res, String(req.params['id']));
    const delivered = checks.filter((c) => c.check.finishedAt && !c.check.resultSentAt);
    await markResultsDelivered(
      ctx.db,
      delivered.map((c) => c.check.id),
    );
  });

  const update = async (req: Request, res: Response) => {
    const id = String(req.params['id']);
    await loadCaseWithChecks(ctx.db, callerOf(res), id);
    const parsed = CaseUpdate.safeParse(req.body ?? {});
    if (!parsed.success) throw validationFailed(zodMessages(parsed.error));
    if ('reference' in parsed.data) {
      await setCaseReference(ctx.db, id, parsed.data.reference?.trim() || null);
    }
    await respond(res, id);
  };
  router.patch(CASE_PATH, partner, ...bodyParsers, update);
  router.put(CASE_PATH, partner, ...bodyParsers, update);

  return {
    router,
    register(registry: OpenAPIRegistry) {
      const params = z.object({ id: IdParam });
      registry.registerPath({
        method: 'post',
        path: CASES_PATH,
        tags: ['Dossiers'],
        summary: 'Créer un dossier (les devis y sont ajoutés par case_id)',
        security: BEARER,
        request: { body: { content: { 'application/json': { schema: CaseCreate } } } },
        responses: {
          201: jsonContent(QuotesCase, 'Dossier créé'),
          ...protectedResponses({ body: true }),
          422: jsonContent(GenericError, 'Champ invalide'),
        },
      });
      registry.registerPath({
        method: 'get',
        path: openApiPath(CASE_PATH),
        tags: ['Dossiers'],
        summary: 'Lire un dossier et ses devis (du plus récent au plus ancien)',
        security: BEARER,
        request: { params },
        responses: {
          200: jsonContent(QuotesCase, 'Le dossier'),
          ...protectedResponses({ notFound: true }),
        },
      });
      registerUpdate(registry, {
        path: openApiPath(CASE_PATH),
        tags: ['Dossiers'],
        summary: 'Changer la référence d’un dossier',
        security: BEARER,
        request: { params, body: { content: { 'application/json': { schema: CaseUpdate } } } },
        responses: {
          200: jsonContent(QuotesCase, 'Le dossier mis à jour'),
          ...protectedResponses({ notFound: true, body: true }),
          422: jsonContent(GenericError, 'Champ invalide'),
        },
      });
    },
  };
}
