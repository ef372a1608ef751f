/**
 * The documentation routes (spec/api.md §10) and the app-level protection (§8, §9, DESIGN.md
 * §7): CORS, security headers, 429 with Retry-After, the request filter and its safelist.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OWN_CODES } from '../../src/domain/finding-codes.js';
import { AMI_KEY, MDSO_KEY, startTestApi, type TestApi } from '../support/api-test-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
let server: TestApi;
let limited: TestApi;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestApi(database);
  limited = await startTestApi(database, {
    API_UPLOAD_LIMIT_PER_IP: '3',
    API_UPLOAD_LIMIT_PER_KEY: '2',
    API_STATS_LIMIT_PER_IP: '2',
    API_TRUST_PROXY: 'loopback',
  });
});

afterAll(async () => {
  await server.close();
  await limited.close();
  await database.drop();
});

describe('/api-docs', () => {
  it('serves the generated OpenAPI 3.1 document, the same at the upstream YAML paths', async () => {
    const res = await fetch(`${server.url}/api-docs/v1.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/check',
      '/api/v1/quote_checks',
      '/api/v1/quote_checks/{id}',
      '/api/v1/quote_checks/{id}/results.txt',
      '/api/v1/quote_checks/{quote_check_id}/feedbacks',
      '/api/v1/quote_checks/{parent_id}/error_details/{id}',
      '/api/v1/quotes_cases',
      '/api/v1/quotes_cases/{id}',
      '/api/v1/quotes_cases/{parent_id}/error_details/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    for (const name of ['partner', 'internal']) {
      const yaml = await fetch(
        `${server.url}/api-docs/v1/mon-devis-sans-oublis_api_v1_${name}_swagger.yaml`,
      );
      expect(yaml.headers.get('content-type')).toMatch(/yaml/u);
      expect(JSON.parse(await yaml.text())).toEqual(doc);
    }
  });

  it('lists our own finding codes in the ErrorCode enum (DESIGN.md §5)', () => {
    const schemas = (
      server.document as { components: { schemas: Record<string, { enum?: string[] }> } }
    ).components.schemas;
    for (const code of OWN_CODES) expect(schemas['ErrorCode']?.enum).toContain(code);
  });

  it('renders Swagger UI at /api-docs, without a key', async () => {
    const res = await fetch(`${server.url}/api-docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui');
    const init = await fetch(`${server.url}/api-docs/swagger-ui-init.js`);
    expect(await init.text()).toContain('/api-docs/v1.json');
  });
});

describe('protection', () => {
  it('CORS on /api/* (any origin outside production) and security headers', async () => {
    const preflight = await fetch(`${server.url}/api/v1/quote_checks`, {
      method: 'OPTIONS',
      headers: { origin: 'https://ailleurs.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const res = await server.api('/api/v1/auth/check');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('limits uploads per key and per IP: 429, Retry-After, the generic JSON shape', async () => {
    const upload = (key: string, ip: string) =>
      limited.api('/api/v1/quote_checks', {
        method: 'POST',
        key,
        headers: { 'x-forwarded-for': ip },
        body: new FormData(),
      });
    expect((await upload(MDSO_KEY, '203.0.113.1')).status).toBe(422);
    expect((await upload(MDSO_KEY, '203.0.113.2')).status).toBe(422);
    const perKey = await upload(MDSO_KEY, '203.0.113.3');
    expect(perKey.status).toBe(429);
    expect(Number(perKey.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(perKey.json).toEqual({
      error: 'Too many requests',
      message: [expect.stringContaining('Trop de requêtes')],
    });
    // another key is counted apart
    expect((await upload(AMI_KEY, '203.0.113.3')).status).toBe(422);
    // per IP, counted before the key is checked: three refused calls, then 429
    const anonymous = () =>
      limited.api('/api/v1/quote_checks', {
        method: 'POST',
        key: null,
        headers: { 'x-forwarded-for': '203.0.113.20' },
        body: new FormData(),
      });
    for (let i = 0; i < 3; i++) expect((await anonymous()).status).toBe(401);
    expect((await anonymous()).status).toBe(429);
  });

  it('limits /api/v1/stats per IP', async () => {
    const stats = () =>
      fetch(`${limited.url}/api/v1/stats`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    await stats();
    await stats();
    const res = await stats();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/u);
  });

  it('blocks probes from outside (403, string message), not from loopback or private nets', async () => {
    for (const path of ['/.env', '/wp-login', '/index.php', '/backup.sql']) {
      const res = await fetch(`${limited.url}${path}`, {
        headers: { 'x-forwarded-for': '198.51.100.8' },
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: 'Forbidden',
        message: 'Bot access detected and blocked',
      });
    }
    const local = await fetch(`${limited.url}/.env`, {
      headers: { 'x-forwarded-for': '10.1.2.3' },
    });
    expect(local.status).toBe(404);
    expect((await fetch(`${server.url}/.env`)).status).toBe(404);
    const results = await fetch(`${limited.url}/api/v1/quote_checks/x/results.txt`, {
      headers: { 'x-forwarded-for': '198.51.100.8' },
    });
    expect(results.status).toBe(401);
  });
});

describe('CORS in production (spec/api.md §8)', () => {
  let production: TestApi;
  beforeAll(async () => {
    production = await startTestApi(database, { NODE_ENV: 'production', APP_ENV: 'staging' });
  });
  afterAll(async () => {
    await production.close();
  });

  it('lets the frontend host (any scheme) and, on staging, localhost in, with credentials', async () => {
    const origin = async (value: string) =>
      (
        await fetch(`${production.url}/api/v1/auth/check`, {
          method: 'OPTIONS',
          headers: { origin: value, 'access-control-request-method': 'GET' },
        })
      ).headers;
    for (const allowed of [
      'https://front.example.fr',
      'http://front.example.fr',
      'http://localhost:3001',
    ]) {
      const headers = await origin(allowed);
      expect(headers.get('access-control-allow-origin')).toBe(allowed);
      expect(headers.get('access-control-allow-credentials')).toBe('true');
    }
    expect((await origin('https://evil.example')).get('access-control-allow-origin')).toBeNull();
  });
});
