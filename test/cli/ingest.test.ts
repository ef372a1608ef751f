/**
 * `mdso ingest` on a test database (in process, `--no-wait`: the pipeline has its own tests)
 * and `mdso brevo:setup-webhook` against a fake Brevo API (created once, then updated).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { runBrevoSetupWebhook } from '../../src/cli/brevo-setup-webhook.js';
import { runIngest } from '../../src/cli/ingest.js';
import { UsageError } from '../../src/cli/usage.js';
import { loadConfig } from '../../src/config.js';
import { startFakeHttp, type FakeRequest } from '../support/fake-http.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const emails = fileURLToPath(new URL('../fixtures/emails/', import.meta.url));

function captureIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    io: { stdout, stderr } as unknown as Parameters<typeof runIngest>[2],
    out: () => out,
    err: () => err,
  };
}

describe('mdso ingest', () => {
  let testDb: TestDatabase;
  let outbox: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    outbox = await mkdtemp(join(tmpdir(), 'mdso-ingest-outbox-'));
  });
  afterAll(async () => {
    await testDb.drop();
    await rm(outbox, { recursive: true, force: true });
  });

  it('stores each mail once, processes it, and replies', async () => {
    const config = loadConfig({
      DATABASE_URL: testDb.url,
      OUTBOX_DIR: outbox,
      LOG_LEVEL: 'silent',
      INBOUND_MAIL_DOMAIN: 'mail.mdso.local',
      ADEME_API_BASE_URL: '',
      SIRENE_API_BASE_URL: '',
    });
    const files = [
      join(emails, 'e02_trois_devis_dossier.eml'),
      join(emails, 'e03_reponse_meme_fil_devis_supplementaire.eml'),
      join(emails, 'e02_trois_devis_dossier.eml'),
    ];
    const capture = captureIo();
    const code = await runIngest(['--no-wait', ...files], config, capture.io);
    expect(code).toBe(0);
    const lines = capture
      .out()
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines.map((l) => l[2])).toEqual(['nouveau', 'nouveau', 'déjà reçu']);
    expect(lines[2]?.[0]).toBe(lines[0]?.[0]);
    const cases = await testDb.knex('quotes_cases').select('id');
    expect(cases).toHaveLength(1);
    expect(await testDb.knex('quote_checks').where({ case_id: cases[0]?.id })).toHaveLength(4);
    const sent = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
    expect(sent.map((f) => /-(quote\w+|quotes_\w+)-/u.exec(f)?.[1]).sort()).toEqual([
      'quotes_case_created',
      'quotes_case_updated',
    ]);
  });

  it('a missing file is a usage error (exit 2)', async () => {
    const capture = captureIo();
    await expect(
      runIngest(['--no-wait', join(emails, 'absent.eml')], loadConfig({}), capture.io),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('mdso brevo:setup-webhook', () => {
  it('creates the inbound webhook once, then updates it', async () => {
    const webhooks: { id: number; url: string; type: string }[] = [];
    const brevo = await startFakeHttp({
      'GET /v3/webhooks': () => ({
        status: webhooks.length === 0 ? 400 : 200,
        body:
          webhooks.length === 0
            ? { code: 'invalid_parameter' }
            : {
                webhooks: webhooks.map((w) => ({
                  ...w,
                  createdAt: '2026-11-24T10:00:00Z',
                  modifiedAt: '2026-11-24T10:00:00Z',
                  description: 'x',
                  events: ['inboundEmailProcessed'],
                })),
              },
      }),
      'POST /v3/webhooks': (req: FakeRequest) => {
        const body = req.json as { url: string; type: string };
        webhooks.push({ id: 7, url: body.url, type: body.type });
        return { status: 201, body: { id: 7 } };
      },
      'PUT /v3/webhooks/7': { status: 204 },
    });
    try {
      const config = loadConfig({
        BREVO_API_KEY: 'cle-brevo',
        BREVO_API_BASE_URL: `${brevo.url}/v3`,
        INBOUND_WEBHOOK_TOKEN: 'jeton',
        APPLICATION_HOST: 'https://mdso.exemple.fr',
        INBOUND_MAIL_DOMAIN: 'mail.mdso.local',
      });
      const first = captureIo();
      expect(await runBrevoSetupWebhook([], config, first.io)).toBe(0);
      expect(first.out()).toContain('créé (id 7)');
      const second = captureIo();
      expect(await runBrevoSetupWebhook([], config, second.io)).toBe(0);
      expect(second.out()).toContain('mis à jour (id 7)');
      const created = brevo.requests.find((r) => r.method === 'POST');
      expect(created?.json).toEqual({
        url: 'https://mdso.exemple.fr/api/v1/quote_checks/from_brevo_email',
        type: 'inbound',
        events: ['inboundEmailProcessed'],
        domain: 'mail.mdso.local',
        description: expect.any(String),
        auth: { type: 'bearer', token: 'jeton' },
      });
      expect(created?.headers['api-key']).toBe('cle-brevo');
      expect(brevo.requests.filter((r) => r.method === 'GET')[0]?.query).toEqual({
        type: 'inbound',
      });
      expect(brevo.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      await brevo.close();
    }
  });
});
