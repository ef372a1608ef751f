/**
 * Offline (issue 9): the ADEME RGE and SIRENE registries point at a closed port on 127.0.0.1.
 * `mdso submit`, `recheck` and `ingest` run as real processes on a test database and must say so
 * in one French line per registry on stderr, with no stack trace and no JSON log record; `check`
 * shows its warnings the same way. The service logs one JSON line per registry and check, with
 * ids, without a stack trace or quote content. Needs the build (`npm test` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeMail } from '../inbound/compose.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const bin = fileURLToPath(new URL('../../bin/mdso.js', import.meta.url));
const dev02 = fileURLToPath(new URL('../fixtures/files/dev-02.pdf', import.meta.url));

const ADEME_LINE = 'Annuaire RGE de l’ADEME injoignable : vérification RGE non faite.';
const SIRENE_LINE =
  'Annuaire des entreprises (SIRENE) injoignable : nom et adresse de l’entreprise non vérifiés.';

/** A plain-text quote with a valid SIRET, so the enrich step looks the company up. */
function textQuote(number: string): string {
  return [
    `DEVIS N° ${number} du 02/11/2026`,
    'ISOLATIONS DU TEST SARL au capital de 10 000 €',
    'SIRET 811 766 179 00014 - RCS Lyon 811 766 179',
    'Client : Mme Jeanne Exemple, 3 rue des Essais, 69001 Lyon',
    '1  Isolation des combles perdus laine soufflée R = 7 m².K/W  80 m²  2 400,00 €',
    'Total HT 2 400,00 €  TVA 5,5 %  Total TTC 2 532,00 €',
  ].join('\n');
}

let database: TestDatabase;
let dir: string;
let env: Record<string, string>;

function mdso(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** No stack frame, no JSON log record, no raw error on a person's terminal. */
function expectNoTechnicalDump(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /mu);
  expect(stderr).not.toMatch(/\{"level"|"stack"|Error:|ECONNREFUSED/u);
}

function expectRegistryLines(stderr: string): void {
  const lines = stderr.split('\n');
  expect(lines.filter((line) => line === ADEME_LINE)).toHaveLength(1);
  expect(lines.filter((line) => line === SIRENE_LINE)).toHaveLength(1);
  expectNoTechnicalDump(stderr);
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'mdso-offline-'));
  const closed = `http://127.0.0.1:${await freePort()}`; // nothing listens there
  env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    OUTBOX_DIR: join(dir, 'outbox'),
    ADEME_API_BASE_URL: closed,
    SIRENE_API_BASE_URL: closed,
    LOOKUP_TIMEOUT_MS: '2000',
  };
  await writeFile(join(dir, 'devis.txt'), textQuote('OFF-1'));
  const mail = await composeMail({
    from: 'artisan@exemple.fr',
    to: 'devis@mail.mdso.local',
    subject: 'Mon devis',
    messageId: '<offline-1@exemple.fr>',
    text: 'Bonjour, voici mon devis.',
    attachments: [{ filename: 'devis-mail.txt', content: textQuote('OFF-2') }],
  });
  await writeFile(join(dir, 'courriel.eml'), mail);
});

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the command line with the registries unreachable', () => {
  let checkId = '';

  it('submit: one French line per registry, the check judged all the same', () => {
    const result = mdso(['submit', join(dir, 'devis.txt')]);
    expect(result.status).toBe(0);
    checkId = result.stdout.split('\t')[0] ?? '';
    expect(checkId).toMatch(/^[0-9a-f-]{36}$/u);
    expectRegistryLines(result.stderr);
  }, 60_000);

  it('recheck: the same lines', () => {
    const result = mdso(['recheck', checkId]);
    expect(result.status).toBe(0);
    expectRegistryLines(result.stderr);
  }, 60_000);

  it('ingest: the same lines for the quote a mail brings', () => {
    const result = mdso(['ingest', join(dir, 'courriel.eml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('nouveau');
    expectRegistryLines(result.stderr);
  }, 60_000);

  it('check: its warnings are French lines too', () => {
    const result = mdso(['check', dev02], { MDSO_OCR: 'Inconnu' });
    expect(result.status).toBe(0);
    expect(result.stderr.trim()).toBe(
      'Moteur OCR « Inconnu » inconnu : l’OCR local est utilisé à la place.',
    );
    expectNoTechnicalDump(result.stderr);
  }, 60_000);
});

describe('the service with the registries unreachable', () => {
  it('logs one line per registry with the check id, without a stack or quote content', async () => {
    const service = spawn(process.execPath, [bin, 'serve', '--workers-only'], {
      env: { ...env, LOG_LEVEL: 'warn', MDSO_WORKER_POLL_MS: '3600000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    service.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    service.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    try {
      const deadline = Date.now() + 30_000;
      while (!output.includes('prêt') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await writeFile(join(dir, 'service.txt'), textQuote('OFF-3'));
      const submitted = mdso(['submit', '--no-wait', join(dir, 'service.txt')]);
      const id = submitted.stdout.split('\t')[0] ?? '';
      while (Date.now() < deadline) {
        const row = await database.knex('quote_checks').where({ id }).first('stage');
        if (row?.stage === 'final') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      service.kill('SIGTERM');
      expect(await exited).toBe(0);
      const records = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const registry = records.filter((r) => r['msg'] === 'registry unavailable: not verified');
      expect(registry.map((r) => [r['adapter'], r['quoteCheckId']])).toEqual([
        ['ademe', id],
        ['sirene', id],
      ]);
      expect(records.filter((r) => r['quoteCheckId'] === id)).toHaveLength(2);
      expect(output).not.toMatch(/"stack"|\n\s+at |Jeanne|Essais|811 766 179/u);
    } finally {
      if (service.exitCode === null) service.kill('SIGKILL');
    }
  }, 60_000);
});
