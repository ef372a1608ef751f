/**
 * The zod schemas several route modules share (spec/api.md §3, §6): error bodies, the error
 * detail, the QuoteCheck and QuotesCase representations. Declared once: the OpenAPI document is
 * generated from them and the tests validate every response against that document. Objects are
 * strict, so a key the serializers start sending without a schema fails the tests.
 */
import { CATEGORIES, FINDING_CODES, OWN_CODES, TYPES } from '../domain/finding-codes.js';
import { z, type OpenAPIRegistry } from './openapi.js';

export {
  GenericErrorSchema as GenericError,
  CodeErrorSchema as CodeError,
  json as jsonContent,
} from './routes/common-schemas.js';
import { GenericErrorSchema as GenericError, json } from './routes/common-schemas.js';

const FindingCode = z.enum(FINDING_CODES as [string, ...string[]]).openapi('ErrorCode', {
  description: `Codes du catalogue public, et nos propres codes (${OWN_CODES.join(', ')}) : un client qui ne les connaît pas lit \`title\`/\`problem\`/\`solution\`.`,
});

export const ErrorDetail = z
  .strictObject({
    id: z.string(),
    code: FindingCode,
    category: z.enum(CATEGORIES),
    type: z.enum(TYPES),
    title: z.string(),
    problem: z.string().optional(),
    solution: z.string().optional(),
    provided_value: z.union([z.string(), z.number()]).optional(),
    geste_id: z.string().optional(),
    from_case: z.boolean().optional(),
    deleted: z.boolean(),
    comment: z.string().optional(),
  })
  .openapi('ErrorDetail');

const ToVerify = z
  .strictObject({
    code: z.string(),
    label: z.string(),
    page: z.number().int().optional(),
    geste_id: z.string().optional(),
    kind: z.enum(['threshold', 'scheme', 'information']).optional(),
  })
  .openapi('AVerifier', {
    description: 'Mention vue mais non lue, à vérifier par une personne (jamais une erreur).',
  });

const Status = z.enum(['pending', 'valid', 'invalid']);

const findings = {
  errors: z.array(z.string()).optional(),
  error_details: z.array(ErrorDetail).optional(),
  error_messages: z.record(z.string(), z.string()).optional(),
  a_verifier: z.array(ToVerify).optional(),
  control_codes: z.array(z.string()).optional(),
  controls_count: z.number().int().optional(),
};

export const Metadata = z
  .strictObject({
    aides: z.array(z.string()).optional(),
    gestes: z.array(z.string()).optional(),
  })
  .openapi('Metadata');

const quoteCheckShape = {
  id: z.uuid(),
  status: Status,
  profile: z.string(),
  reference: z.string().optional(),
  metadata: Metadata.optional(),
  parent_id: z.string().optional(),
  case_id: z.uuid().optional(),
  filename: z.string().optional(),
  gestes: z
    .array(z.strictObject({ id: z.string(), intitule: z.string(), valid: z.boolean() }))
    .optional(),
  started_at: z.iso.datetime({ offset: true }),
  finished_at: z.iso.datetime({ offset: true }).optional(),
  comment: z.string().optional(),
  result_link: z.url(),
  ...findings,
};

export const QuoteCheck = z.strictObject(quoteCheckShape).openapi('QuoteCheck', {
  description:
    'Analyse d’un devis (spec/api.md §6.1). Les clés nulles sont omises. Les avertissements de prix (catégorie geste_prices) ne sont jamais montrés et ne comptent pas dans le statut.',
});

export const QuotesCase = z
  .strictObject({
    id: z.uuid(),
    reference: z.string().optional(),
    status: Status.optional(),
    profile: z.string().optional(),
    renovation_type: z.enum(['geste', 'ampleur']).optional(),
    metadata: Metadata.optional(),
    started_at: z.iso.datetime({ offset: true }).optional(),
    finished_at: z.iso.datetime({ offset: true }).optional(),
    result_link: z.url(),
    quote_checks: z.array(QuoteCheck).optional(),
    ...findings,
  })
  .openapi('QuotesCase', { description: 'Dossier (spec/api.md §6.2).' });

export const IdParam = z.string().openapi({ description: 'UUID', example: 'c0ffee00-…' });

/** Responses every protected route may give. */
export function protectedResponses(options: { notFound?: boolean; body?: boolean } = {}) {
  return {
    401: json(GenericError, 'Clé d’API absente ou invalide (ou non interne sur une route interne)'),
    ...(options.body ? { 400: json(GenericError, 'Corps de requête illisible') } : {}),
    ...(options.notFound
      ? { 404: json(GenericError, 'Introuvable, hors du périmètre de la clé, ou id mal formé') }
      : {}),
  };
}

export const BEARER = [{ bearer_api_key: [] as string[] }];

/** An update route answers PATCH and PUT alike (upstream has both): one description for both. */
export function registerUpdate(
  registry: OpenAPIRegistry,
  spec: Omit<Parameters<OpenAPIRegistry['registerPath']>[0], 'method'>,
): void {
  for (const method of ['patch', 'put'] as const) registry.registerPath({ ...spec, method });
}

/** Express `:id` → OpenAPI `{id}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/gu, '{$1}');

export function registerShared(registry: OpenAPIRegistry): void {
  registry.register('ErrorDetail', ErrorDetail);
  registry.register('QuoteCheck', QuoteCheck);
  registry.register('QuotesCase', QuotesCase);
}
