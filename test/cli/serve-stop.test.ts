/**
 * Ctrl-C on `npm start` (issue 9): `mdso serve` runs as a real process in its own process group,
 * on an embedded PostgreSQL it starts itself (from a copy of the compiled package in a temporary
 * directory, so that its `var/` is a temporary one), with two checks held in an LLM step that
 * never answers. SIGINT goes to the whole group, as a terminal sends it. The service must exit 0
 * with no database error and no stack trace, the embedded PostgreSQL stopped last; restarted, it
 * must finish the interrupted checks at once, not once their lease (two minutes here) expires.
 * Needs the build (`npm test` builds first).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKnex } from '../../src/db/database.js';
import { startFakeHttp, type FakeHttp, type FakeResponse } from '../support/fake-http.js';
import { freePort } from '../support/free-port.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/files/${name}`, import.meta.url));

const LEASE_MS = 120_000;
/** Generous, and still far below the lease: a resumption that waited for it would fail. */
const RESUME_BOUND_MS = 30_000;

interface Service {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let pkg: string;
let llm: FakeHttp;
let llmAnswers: 'hang' | 'now' = 'hang';
let env: Record<string, string>;
const services: Service[] = [];

function completion(): FakeResponse {
  const content = JSON.stringify({ version: '1' });
  return {
    ...(llmAnswers === 'hang' ? { hang: true } : {}),
    body: {
      id: 'chatcmpl-stop',
      object: 'chat.completion',
      created: 1,
      model: 'mistral',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    },
  };
}

/** The compiled package, copied: var/ (embedded data, connection.json) is then ours alone. */
async function copyPackage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mdso-serve-stop-'));
  await chmod(dir, 0o755); // the `postgres` system user (when run as root) must reach var/
  await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
  await cp(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  await cp(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  await symlink(join(root, 'templates'), join(dir, 'templates'));
  return dir;
}

function startService(): Service {
  const child = spawn(process.execPath, [join(pkg, 'bin', 'mdso.js'), 'serve'], {
    cwd: pkg,
    env,
    detached: true, // its own process group, as a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const service = { child, output, exited };
  services.push(service);
  return service;
}

async function waitFor(what: string, timeoutMs: number, ok: () => Promise<boolean> | boolean) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function databaseUrl(): Promise<string> {
  const file = join(pkg, 'var', 'postgres', 'connection.json');
  const { port } = JSON.parse(await readFile(file, 'utf8')) as { port: number };
  return `postgres://postgres:password@127.0.0.1:${port}/mdso`;
}

async function checkRows(ids: readonly string[]) {
  const knex = createKnex(await databaseUrl());
  try {
    return (await knex('quote_checks')
      .whereIn('id', ids)
      .select('id', 'stage', 'locked_by', 'attempts', 'validation_errors')) as {
      id: string;
      stage: string;
      locked_by: string | null;
      attempts: number;
      validation_errors: string[] | null;
    }[];
  } finally {
    await knex.destroy();
  }
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'jobs', 'process-quote-checks.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  }
  pkg = await copyPackage();
  llm = await startFakeHttp({
    'POST /v1/chat/completions': () => completion(),
    'GET /v1/models': { body: { object: 'list', data: [{ id: 'mistral', object: 'model' }] } },
  });
  env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    SMTP_PORT: '0',
    MDSO_LEASE_MS: String(LEASE_MS),
    OLLAMA_BASE_URL: llm.url,
    LLM_TIMEOUT_MS: '60000',
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
  };
}, 60_000);

afterAll(async () => {
  for (const { child } of services) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGKILL'); // the embedded PostgreSQL stops with its parent
    }
  }
  await Promise.all(services.map((s) => s.exited));
  await llm?.close();
  if (pkg) await rm(pkg, { recursive: true, force: true });
});

describe('Ctrl-C on the service (SIGINT to its process group)', () => {
  it('stops cleanly with checks in progress; a restart finishes them at once', async () => {
    const first = startService();
    try {
      await waitFor('the service to be ready', 60_000, () => /prêt/u.test(first.output.join('')));
      const bin = join(pkg, 'bin', 'mdso.js');
      const files = [fixture('dev-02.pdf'), fixture('Devis_test.pdf')];
      const { stdout } = await run(process.execPath, [bin, 'submit', '--no-wait', ...files], {
        cwd: pkg,
        env,
      });
      const ids = stdout
        .split('\n')
        .filter((line) => line.includes('\t'))
        .map((line) => line.split('\t')[0] ?? '');
      expect(ids).toHaveLength(2);
      // both checks are in their LLM step, which never answers
      const completions = () =>
        llm.requests.filter((r) => r.path === '/v1/chat/completions').length;
      await waitFor('two LLM calls', 30_000, () => completions() >= 2);
      const held = await checkRows(ids);
      expect(held.every((row) => row.locked_by !== null && row.stage !== 'final')).toBe(true);

      process.kill(-(first.child.pid ?? 0), 'SIGINT');
      const { code, signal } = await first.exited;
      const output = first.output.join('');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(output).toContain('Service arrêté.');
      expect(output).not.toMatch(/ECONNREFUSED|terminating connection|"level":50/u);
      expect(output).not.toMatch(/"stack"|\n\s+at /u);
      // the embedded PostgreSQL stopped (cleanly: it removes its pid file), and was not left behind
      expect(existsSync(join(pkg, 'var', 'postgres', 'data', 'postmaster.pid'))).toBe(false);
      expect(existsSync(join(pkg, 'var', 'postgres', 'connection.json'))).toBe(false);

      llmAnswers = 'now';
      const second = startService();
      await waitFor('the restarted service', 60_000, () => /prêt/u.test(second.output.join('')));
      const restartedAt = Date.now();
      await waitFor('the interrupted checks to be final', RESUME_BOUND_MS, async () =>
        (await checkRows(ids)).every((row) => row.stage === 'final'),
      );
      const resumeMs = Date.now() - restartedAt;
      expect(resumeMs).toBeLessThan(LEASE_MS);
      for (const row of await checkRows(ids)) {
        expect(row.validation_errors ?? []).not.toContain('server_timeout_error');
      }

      second.child.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.output.join('')).not.toMatch(/"level":50|"stack"/u);

      // closing the terminal (SIGHUP to the group) stops it as cleanly
      const third = startService();
      await waitFor('the third service', 60_000, () => /prêt/u.test(third.output.join('')));
      process.kill(-(third.child.pid ?? 0), 'SIGHUP');
      expect(await third.exited).toEqual({ code: 0, signal: null });
      expect(third.output.join('')).toContain('Service arrêté.');
      expect(existsSync(join(pkg, 'var', 'postgres', 'data', 'postmaster.pid'))).toBe(false);
    } catch (err) {
      for (const service of services) {
        process.stderr.write(`--- mdso serve\n${service.output.join('').slice(-4000)}\n`);
      }
      throw err;
    }
  }, 180_000);
});
