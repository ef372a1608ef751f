/**
 * `mdso serve` as a real process on a test database: /health, the real Bree scheduler running
 * the compiled claim-loop job, `mdso submit` then `mdso show` giving the judged result, and a
 * clean stop on SIGTERM. Needs the build (`npm test` builds first).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/mdso.js', import.meta.url));
const dev02 = fileURLToPath(new URL('../fixtures/files/dev-02.pdf', import.meta.url));

let database: TestDatabase;
let server: ChildProcess | undefined;
let env: NodeJS.ProcessEnv;
let port: number;

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${seen}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${seen}`)));
  });
}

beforeAll(async () => {
  if (!existsSync(new URL('../../dist/jobs/process-quote-checks.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  }
  database = await createTestDatabase();
  port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MDSO_WORKER_POLL_MS: '3600000',
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
  };
  server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env, stdio: 'pipe' });
  await waitForOutput(server, /prêt/u, 20_000);
}, 30_000);

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await database.drop();
});

describe('mdso serve', () => {
  it('answers /health with the database state and the version', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', version: '0.1.0' });
  });

  it('judges a quote submitted by `mdso submit --no-wait`; `mdso show` gives the result', async () => {
    const submitted = await run(process.execPath, [bin, 'submit', '--no-wait', dev02], { env });
    const [line] = submitted.stdout.trim().split('\n');
    const [id, file] = (line ?? '').split('\t');
    expect(file).toBe(dev02);
    let shown: Record<string, unknown> = {};
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const { stdout } = await run(process.execPath, [bin, 'show', '--json', id ?? ''], { env });
      shown = JSON.parse(stdout) as Record<string, unknown>;
      if (shown['status'] !== 'pending') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown['status']).toBe('invalid');
    expect(shown['filename']).toBe('dev-02.pdf');
    expect(shown['errors']).toEqual(
      expect.arrayContaining(['chauffage_etas_manquant', 'pac_regime_temperature_manquant']),
    );
    const human = await run(process.execPath, [bin, 'show', id ?? ''], { env });
    expect(human.stdout).toMatch(/points? à corriger/u);
    // the file is named by its name, never by its id
    expect(human.stdout).toContain('dev-02.pdf');
    expect(human.stdout).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/u,
    );
  }, 40_000);

  it('says in one line that an id is unknown, exit 2, without the usage text', () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const command of ['show', 'recheck']) {
      const result = spawnSync(process.execPath, [bin, command, unknown], {
        env,
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`Aucun devis ni dossier avec l’identifiant ${unknown}.`);
    }
  }, 20_000);

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server?.once('exit', resolve));
    server?.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});
