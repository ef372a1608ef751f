/**
 * Checks an answer the suite received against the OpenAPI 3.1 document generated from the
 * route modules' zod schemas (JSON Schema 2020-12 through ajv), so the document cannot drift
 * from what the routes send.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ApiServer } from './api-server.js';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

const validators = new WeakMap<object, Ajv2020>();

function ajvFor(document: ApiServer['document']): Ajv2020 {
  let ajv = validators.get(document);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: 'openapi.json' });
    validators.set(document, ajv);
  }
  return ajv;
}

/** The list of schema errors of `body` for this response; [] when it conforms. */
export function responseErrors(
  document: ApiServer['document'],
  request: { method: string; path: string; status: number },
  body: unknown,
): string[] {
  const operation = document.paths?.[request.path]?.[request.method.toLowerCase() as 'get'];
  if (!operation) return [`${request.method} ${request.path} absent du document`];
  if (!operation.responses?.[String(request.status)]) {
    return [`statut ${request.status} non documenté pour ${request.method} ${request.path}`];
  }
  const ref =
    `openapi.json#/paths/${pointer(request.path)}/${request.method.toLowerCase()}` +
    `/responses/${request.status}/content/application~1json/schema`;
  const validate = ajvFor(document).compile({ $ref: ref });
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
