/**
 * `POST /api/v1/quote_checks` through real HTTP (spec/api.md §5.9): multipart and URL uploads,
 * their 401/404/422 answers, and the upload entering the same pipeline as mail and the CLI.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createQuotesCase } from '../../src/db/quotes-cases-repo.js';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { AMI_KEY, MDSO_KEY, startTestApi, type TestApi } from '../support/api-test-server.js';
import { startFakeHttps, type FakeHttps } from '../support/fake-https.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

// these tests run the real pipeline: room for a loaded machine
jest.setTimeout(120_000);

let database: TestDatabase;
let server: TestApi;
let https: FakeHttps;

const QUOTE_TEXT = 'DEVIS n° 7\nSARL Exemple\nIsolation des combles perdus 100 m2\n';
const METADATA = JSON.stringify({ aides: ['CEE'], gestes: ['Isolation des planchers bas'] });

function form(fields: Record<string, string | Blob>, filename = 'devis.txt'): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof Blob) data.append(k, v, filename);
    else data.append(k, v);
  }
  return data;
}

const upload = (body: FormData | string, key: string | null = MDSO_KEY, json = false) =>
  server.api('/api/v1/quote_checks', {
    method: 'POST',
    key,
    body,
    ...(json ? { headers: { 'content-type': 'application/json' } } : {}),
  });

const text = (s: string) => new Blob([s], { type: 'text/plain' });
const messages = (res: { json: unknown }) => (res.json as { message: string[] }).message.join(' ');

beforeAll(async () => {
  database = await createTestDatabase();
  https = await startFakeHttps((req, res, origin) => {
    if (req.url === '/devis/ok.txt') res.end(QUOTE_TEXT);
    else if (req.url === '/devis/hop') res.writeHead(302, { location: '/devis/ok.txt' }).end();
    else if (req.url === '/devis/away') {
      res.writeHead(302, { location: `${origin}/ailleurs/x.txt` }).end();
    } else if (req.url === '/devis/big.txt') res.end(Buffer.alloc(1_100_000, 'a'));
    else if (req.url === '/devis/slow.txt') setTimeout(() => res.end('tard'), 20_000);
    else res.writeHead(404).end();
  });
  server = await startTestApi(
    database,
    {
      MDSO_QUOTE_FILE_MAX_SIZE: '1',
      MDSO_ALLOWED_FILE_UPLOAD_URL_HOSTS: ` ${https.url}/devis/ ,, `,
      MDSO_FILE_URL_TIMEOUT_MS: '4000',
      API_UPLOAD_LIMIT_PER_IP: '1000',
      API_UPLOAD_LIMIT_PER_KEY: '1000',
    },
    { fetchImpl: https.fetchImpl },
  );
});

afterAll(async () => {
  await server.close();
  await https.close();
  await closeTestReader();
  await database.drop();
});

describe('POST /api/v1/quote_checks (multipart)', () => {
  it('creates a pending check of the caller’s source, with metadata; unknown fields ignored', async () => {
    const res = await upload(
      form({
        file: text(QUOTE_TEXT),
        profile: 'particulier',
        renovation_type: 'geste',
        metadata: METADATA,
        reference: 'REF-9',
        couleur: 'bleu',
      }),
      AMI_KEY,
    );
    expect(res.status).toBe(201);
    const body = res.json as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'pending',
      profile: 'particulier',
      reference: 'REF-9',
      filename: 'devis.txt',
      metadata: { aides: ['CEE'], gestes: ['Isolation des planchers bas'] },
    });
    const row = await database.knex('quote_checks').where({ id: body['id'] }).first();
    expect(row.source_name).toBe('ami');
    expect(row.stage).toBe('received');
  });

  it('answers 401 without a key or with a wrong one, and stores nothing', async () => {
    const before = await database.knex('quote_checks').count({ n: '*' }).first();
    expect((await upload(form({ file: text(QUOTE_TEXT), profile: 'artisan' }), null)).status).toBe(
      401,
    );
    expect((await upload(form({ file: text(QUOTE_TEXT), profile: 'artisan' }), 'x')).status).toBe(
      401,
    );
    expect(await database.knex('quote_checks').count({ n: '*' }).first()).toEqual(before);
  });

  it('gives French 422s: no file, empty file, too large, second file field, bad fields', async () => {
    const ok = { profile: 'artisan', renovation_type: 'geste' };
    const noFile = await upload(form(ok));
    expect(noFile.status).toBe(422);
    expect(noFile.json).toEqual({
      error: 'Unprocessable entity',
      message: ['Aucun fichier reçu (champ file).'],
    });
    expect(messages(await upload(form({ ...ok, file: text('') })))).toContain('vide');
    const big = await upload(form({ ...ok, file: new Blob([Buffer.alloc(1_048_576, 'a')]) }));
    expect(big.status).toBe(422);
    expect(messages(big)).toContain('taille maximale (1 Mo)');
    expect((await upload(form({ ...ok, autre: text('x') }))).status).toBe(422);
    const bad = await upload(
      form({ file: text(QUOTE_TEXT), profile: 'email', metadata: '{"aides":["Chèque"],"x":1}' }),
    );
    expect(bad.status).toBe(422);
    expect(messages(bad)).toContain('profile');
    expect(messages(bad)).toContain('renovation_type : obligatoire');
    expect(messages(bad)).toContain('« Chèque »');
    expect(messages(bad)).toContain('clé inconnue « x »');
    expect(messages(await upload(form({ ...ok, file: text('x'), metadata: '{' })))).toContain(
      'JSON',
    );
  });

  it('a file of an unsupported type is accepted and judged by the pipeline like a mail’s', async () => {
    const zip = new Blob([
      await readFile(new URL('../fixtures/files/Devis_test.zip', import.meta.url)),
    ]);
    const res = await upload(
      form({ file: zip, profile: 'artisan', renovation_type: 'geste' }, 'devis.zip'),
    );
    expect(res.status).toBe(201);
    const id = (res.json as { id: string }).id;
    await processChecksUntilFinal(runnerDeps(database), [id], { timeoutMs: 60_000 });
    const read = await server.api(`/api/v1/quote_checks/${id}`);
    const body = read.json as { status: string; error_details: { category: string }[] };
    expect(body.status).toBe('invalid');
    expect(body.error_details.map((d) => d.category)).toContain('file');
  });

  it('reads file_text instead of the file', async () => {
    const png = new Blob([
      await readFile(new URL('../fixtures/files/Devis_test.png', import.meta.url)),
    ]);
    const res = await upload(
      form(
        { file: png, profile: 'artisan', renovation_type: 'geste', file_text: QUOTE_TEXT },
        'scan.png',
      ),
    );
    const id = (res.json as { id: string }).id;
    await processChecksUntilFinal(runnerDeps(database), [id], { timeoutMs: 60_000 });
    const row = await database.knex('quote_checks').where({ id }).first('reading', 'file_text');
    // FormData sends text fields with CRLF line ends
    expect(row.file_text.replace(/\r\n/gu, '\n')).toBe(QUOTE_TEXT);
    expect(row.reading.kind).toBe('plain_text');
  });
});

describe('POST /api/v1/quote_checks with case_id', () => {
  it('joins a visible case with its profile; 404 for an unknown or another partner’s case', async () => {
    const amiCase = await createQuotesCase(database.knex, {
      profile: 'conseiller',
      sourceName: 'ami',
    });
    const res = await upload(
      form({ file: text(QUOTE_TEXT), case_id: amiCase, profile: 'artisan' }),
      AMI_KEY,
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ profile: 'conseiller' });
    expect(res.json).not.toHaveProperty('case_id');
    const row = await database
      .knex('quote_checks')
      .where({ id: (res.json as { id: string }).id })
      .first();
    expect(row.case_id).toBe(amiCase);
    const mdsoCase = await createQuotesCase(database.knex, {
      profile: 'artisan',
      sourceName: 'mdso',
    });
    expect((await upload(form({ file: text('x'), case_id: mdsoCase }), AMI_KEY)).status).toBe(404);
    expect((await upload(form({ file: text('x'), case_id: 'pas-un-uuid' }))).status).toBe(404);
  });

  it('refuses the 21st quote of a case (422)', async () => {
    const caseId = await createQuotesCase(database.knex, {
      profile: 'artisan',
      sourceName: 'mdso',
    });
    for (let i = 0; i < 20; i++) {
      expect(
        (await upload(form({ file: text(`${QUOTE_TEXT}${i}`), case_id: caseId }))).status,
      ).toBe(201);
    }
    const full = await upload(form({ file: text(QUOTE_TEXT), case_id: caseId }));
    expect(full.status).toBe(422);
    expect(messages(full)).toContain('complet');
  });
});

describe('POST /api/v1/quote_checks with a file URL', () => {
  const byUrl = (file: string) =>
    upload(JSON.stringify({ file, profile: 'artisan', renovation_type: 'geste' }), MDSO_KEY, true);

  it('downloads an allowed HTTPS URL, following an allowed redirect', async () => {
    for (const path of ['/devis/ok.txt', '/devis/hop']) {
      const res = await byUrl(`${https.url}${path}`);
      expect(res.status).toBe(201);
      expect((res.json as { filename: string }).filename).toBe('ok.txt');
    }
  });

  it('refuses http, hosts outside the allow-list, redirects out of it, big and slow files', async () => {
    expect(messages(await byUrl(`${https.url.replace('https', 'http')}/devis/ok.txt`))).toContain(
      'HTTPS',
    );
    expect(messages(await byUrl(`${https.url}/ailleurs/x.txt`))).toContain('n’est pas autorisée');
    const away = await byUrl(`${https.url}/devis/away`);
    expect(away.status).toBe(422);
    expect(https.paths).not.toContain('/ailleurs/x.txt');
    expect(messages(await byUrl(`${https.url}/devis/big.txt`))).toContain('taille maximale');
    expect(messages(await byUrl(`${https.url}/devis/slow.txt`))).toContain('trop de temps');
    expect(messages(await byUrl(`${https.url}/devis/absent.txt`))).toContain(': 404');
  });
});
