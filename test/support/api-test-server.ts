/**
 * The started API for tests: the real express app (request filter, headers, API router) on
 * 127.0.0.1 over a test database, with two partner keys, and `api()`, a fetch wrapper that
 * validates EVERY response it receives against the generated OpenAPI document (Ajv, JSON Schema
 * 2020-12 as OpenAPI 3.1 uses): an undocumented status, content type or body fails the test.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createApi, type Api } from '../../src/api/api-router.js';
import { createApp } from '../../src/api/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createSilentLogger } from '../../src/logger.js';
import type { TestDatabase } from './test-db.js';

export const MDSO_KEY = 'cle-mdso-de-test-0123456789';
export const AMI_KEY = 'cle-ami-de-test-9876543210';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface TestApi {
  url: string;
  config: Config;
  document: Record<string, unknown>;
  api(path: string, init?: RequestInit & { key?: string | null }): Promise<ApiResponse>;
  close(): Promise<void>;
}

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

function matchPath(doc: Doc, path: string): string | undefined {
  const bare = path.split('?')[0] ?? path;
  const exact = Object.keys(doc.paths).find((p) => p === bare);
  if (exact) return exact;
  return Object.keys(doc.paths).find((template) => {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/gu, '[^/]+')}$`, 'u');
    return re.test(bare);
  });
}

function createValidator(document: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi.json');
  const doc = document as unknown as Doc;
  return (method: string, path: string, res: ApiResponse): void => {
    const template = matchPath(doc, path);
    if (!template) throw new Error(`${method} ${path}: path not in the OpenAPI document`);
    const operation = doc.paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${template}: method not documented`);
    const status = String(res.status);
    const response = operation.responses[status] as
      { content?: Record<string, unknown> } | undefined;
    if (!response) throw new Error(`${method} ${template}: status ${status} not documented`);
    if (!response.content) {
      if (res.text !== '') throw new Error(`${method} ${template}: body where none is documented`);
      return;
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!(type in response.content)) {
      throw new Error(`${method} ${template} ${status}: content type ${type} not documented`);
    }
    if (type !== 'application/json') return;
    const pointer = [
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      status,
      'content',
      type,
      'schema',
    ]
      .map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('/');
    const validate = ajv.getSchema(`openapi.json#/${pointer}`);
    if (!validate) throw new Error(`${method} ${template} ${status}: no schema`);
    if (!validate(res.json)) {
      throw new Error(
        `${method} ${path} ${status}: body does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${res.text.slice(0, 2000)}`,
      );
    }
  };
}

export async function startTestApi(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: { fetchImpl?: typeof fetch } = {},
): Promise<TestApi & { apiObject: Api }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    FRONTEND_APPLICATION_HOST: 'https://front.example.fr',
    MDSO_API_KEY_FOR_MDSO: MDSO_KEY,
    MDSO_API_KEY_FOR_AMI: AMI_KEY,
    ...env,
  });
  const logger = createSilentLogger();
  const apiObject = createApi({
    db: database.knex,
    logger,
    config,
    version: 'test',
    apiKeys: config.apiKeys,
    lookups: { lookupTtlMs: 3_600_000 },
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  const app = createApp({
    db: database.knex,
    version: 'test',
    logger,
    routers: [apiObject.router],
    ...(config.API_TRUST_PROXY ? { trustProxy: config.API_TRUST_PROXY } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const document = apiObject.document() as Record<string, unknown>;
  const validate = createValidator(document);
  return {
    url,
    config,
    document,
    apiObject,
    async api(path, init = {}) {
      const { key = MDSO_KEY, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null && !headers.has('authorization'))
        headers.set('authorization', `Bearer ${key}`);
      const res = await fetch(`${url}${path}`, { ...rest, headers });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const answer = { status: res.status, headers: res.headers, text, json };
      validate(rest.method ?? 'GET', path, answer);
      return answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
