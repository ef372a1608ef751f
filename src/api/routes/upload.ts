/**
 * `POST /api/v1/quote_checks` (spec/api.md §5.9): a quote as a `multipart/form-data` file part
 * (parsed by multer, in memory, under `MDSO_QUOTE_FILE_MAX_SIZE`) or as an HTTPS URL; stored
 * and queued by `submitFiles`, the function mail and `mdso submit` use, then answered 201 with
 * the pending QuoteCheck. Rate-limited per IP and per key.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { getCheckSummary } from '../../db/api-records-repo.js';
import { MAX_DOCUMENT_CHARS } from '../../domain/quote-document.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import { submitFiles } from '../../pipeline/submit-files.js';
import { serializeQuoteCheck } from '../serializers/quote-check.js';
import { callerOf, requireCaller } from '../auth.js';
import { recordNotFound, unprocessable, validationFailed } from '../errors.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { linkOptions, type ApiContext, type ApiRoutes } from '../route-context.js';
import { BEARER, jsonContent, protectedResponses, QuoteCheck, GenericError } from '../schemas.js';
import {
  API_PROFILES,
  RENOVATION_TYPES,
  uploadedFile,
  uploadOptions,
} from '../upload/upload-request.js';

export const UPLOAD_PATH = '/api/v1/quote_checks';

const UploadForm = z
  .object({
    file: z.string().openapi({
      format: 'binary',
      description: 'Le devis (PDF, image, texte), ou une URL HTTPS autorisée',
    }),
    profile: z.enum(API_PROFILES).optional().openapi({ description: 'Obligatoire sans case_id' }),
    renovation_type: z.enum(RENOVATION_TYPES).optional(),
    metadata: z.string().optional().openapi({
      description: 'JSON : {"aides": […], "gestes": […]} (libellés de /quote_checks/metadata)',
    }),
    case_id: z.uuid().optional(),
    reference: z.string().optional(),
    file_text: z.string().optional(),
    file_markdown: z.string().optional(),
    parent_id: z.uuid().optional(),
  })
  .openapi('QuoteCheckUpload');

function multipart(ctx: ApiContext) {
  const maxBytes = ctx.config.MDSO_QUOTE_FILE_MAX_SIZE * 1_048_576;
  const parse = multer({
    storage: multer.memoryStorage(),
    // strictly less than the maximum size (spec/api.md §5.9)
    limits: { fileSize: maxBytes - 1, files: 1, fields: 20, fieldSize: 4 * MAX_DOCUMENT_CHARS },
  }).single('file');
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        const message =
          err.code === 'LIMIT_FILE_SIZE'
            ? `Le fichier dépasse la taille maximale (${ctx.config.MDSO_QUOTE_FILE_MAX_SIZE} Mo).`
            : err.code === 'LIMIT_UNEXPECTED_FILE'
              ? `Un seul fichier est accepté, dans le champ file (reçu : ${err.field ?? '?'}).`
              : `Formulaire refusé : ${err.message}`;
        return next(unprocessable(message));
      }
      next(err);
    });
  };
}

export function createUploadRoutes(ctx: ApiContext): ApiRoutes {
  const router = express.Router();
  router.post(
    UPLOAD_PATH,
    ctx.uploadLimits.perIp,
    requireCaller(ctx.keyring, 'partner'),
    ctx.uploadLimits.perKey,
    express.json({ limit: '2mb' }),
    multipart(ctx),
    async (req, res) => {
      const caller = callerOf(res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const options = await uploadOptions(ctx.db, caller, body);
      const file = await uploadedFile(ctx, req.file, body['file']);
      let submission;
      try {
        submission = await submitFiles(ctx.db, [file], options);
      } catch (err) {
        if (err instanceof NotFoundError) throw recordNotFound('QuotesCase', options.caseId ?? '');
        if (err instanceof InvalidInputError) throw validationFailed([`case_id : ${err.message}`]);
        throw err;
      }
      const id = submission.checks[0]?.id ?? '';
      ctx.logger.info(
        {
          quoteCheckId: id,
          caseId: submission.caseId,
          source: caller.sourceName,
          bytes: file.bytes.length,
        },
        'api: quote uploaded',
      );
      const created = await getCheckSummary(ctx.db, id);
      if (!created) throw new Error(`upload: check ${id} not found after insert`);
      res
        .status(201)
        .json(serializeQuoteCheck(created.check, { filename: created.filename }, linkOptions(ctx)));
    },
  );
  return {
    router,
    register(registry: OpenAPIRegistry) {
      registry.register('QuoteCheckUpload', UploadForm);
      registry.registerPath({
        method: 'post',
        path: UPLOAD_PATH,
        tags: ['Devis'],
        summary: 'Déposer un devis à vérifier',
        security: BEARER,
        request: {
          body: {
            required: true,
            content: {
              'multipart/form-data': { schema: UploadForm },
              'application/json': { schema: UploadForm },
            },
          },
        },
        responses: {
          201: jsonContent(QuoteCheck, 'Devis reçu, analyse en cours (status pending)'),
          ...protectedResponses({ notFound: true }),
          422: jsonContent(GenericError, 'Champ invalide, fichier absent, vide ou trop gros'),
          429: jsonContent(GenericError, 'Trop de requêtes (en-tête Retry-After)'),
        },
      });
    },
  };
}
