/**
 * Crash recovery with real processes (DESIGN.md §4): `mdso serve --workers-only` is killed with
 * SIGKILL at seeded random moments while it holds leases, several times, sometimes with two
 * worker processes claiming side by side (FOR UPDATE SKIP LOCKED), then restarted. Every check
 * must end final exactly once, with the findings of an uninterrupted run of the same file.
 *
 * Checks are made slow by a fake Ollama (OpenAI-compatible) answering after 300-800 ms, so a
 * process holds a dozen leases at once. Runs the compiled service: `npm test` builds dist/
 * first (`pretest`); run `npm run build` before running this file alone.
 * Set MDSO_CRASH_SEED to replay the kill moments of a run (the seed is printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { listStepLogs } from '../../src/db/processing-logs-repo.js';
import { claimDueChecks } from '../../src/db/quote-checks-repo.js';
import { createDeps } from '../../src/deps.js';
import { createSilentLogger } from '../../src/logger.js';
import { runClaimedCheck } from '../../src/pipeline/runner.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { startFakeHttp, type FakeHttp, type FakeResponse } from '../support/fake-http.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/mdso.js', import.meta.url));
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/files/${name}`, import.meta.url)));

const FILES = ['dev-02.pdf', 'Devis_test.pdf', 'Devis_multi_pages.pdf', 'dev-10-attestation.pdf'];
const CHECKS = 40;
const CONCURRENCY = 12;
const LEASE_MS = 1500;
const MIN_LEASES_AT_KILL = 10;
/**
 * Worker processes running in each round and how many are killed (those holding the most
 * leases). Round 1 is the process of the reference run; in the last, one process survives and
 * takes over the leases of the other once they expire.
 */
const ROUNDS: { processes: number; kill: number }[] = [
  { processes: 1, kill: 1 },
  { processes: 2, kill: 2 },
  { processes: 2, kill: 1 },
];

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env['MDSO_CRASH_SEED'] ?? Date.now() % 2 ** 31);
const random = prng(seed);
const llmDelay = prng(seed + 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Service {
  child: ChildProcess;
  pid: number;
  output: string[];
  exited: Promise<void>;
  alive: boolean;
}

const services: Service[] = [];
let db: TestDatabase;
let llm: FakeHttp;

function startService(): Service {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    MDSO_WORKER_CONCURRENCY: String(CONCURRENCY),
    MDSO_LEASE_MS: String(LEASE_MS),
    MDSO_WORKER_POLL_MS: '500',
    MDSO_RETRY_BASE_MS: '200',
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
    OLLAMA_BASE_URL: llm.url,
    LLM_TIMEOUT_MS: '10000',
  };
  const child = spawn(process.execPath, [bin, 'serve', '--workers-only'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('mdso serve did not start');
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const service: Service = {
    child,
    pid: child.pid,
    output,
    alive: true,
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  void service.exited.then(() => (service.alive = false));
  services.push(service);
  return service;
}

async function kill(service: Service): Promise<void> {
  if (!service.alive) return;
  service.child.kill('SIGKILL');
  await service.exited;
}

/** Leases held (not expired) by the given live processes: worker ids are host:pid:random. */
async function leasesHeldBy(pids: readonly number[]): Promise<number> {
  const result = await db.knex.raw<{ rows: { n: string }[] }>(
    `SELECT count(*) AS n FROM quote_checks
      WHERE stage <> 'final' AND locked_until > now() AND locked_by LIKE ANY(?)`,
    [pids.map((pid) => `%:${pid}:%`)],
  );
  return Number(result.rows[0]?.n ?? 0);
}

async function waitFor(
  what: string,
  timeoutMs: number,
  condition: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function allFinal(ids: readonly string[]): Promise<boolean> {
  const rows = (await db
    .knex('quote_checks')
    .whereIn('id', ids)
    .whereNot('stage', 'final')
    .count({ n: '*' })) as { n: string }[];
  return Number(rows[0]?.n ?? 0) === 0;
}

async function submit(file: string, filename: string): Promise<string> {
  const submission = await submitFiles(db.knex, [{ filename, bytes: fixture(file) }], {
    profile: 'artisan',
  });
  const check = submission.checks[0];
  if (!check) throw new Error('nothing submitted');
  return check.id;
}

const ANSWER = JSON.stringify({ version: '1' });

function completion(): FakeResponse {
  return {
    delayMs: 300 + Math.floor(llmDelay() * 500),
    body: {
      id: 'chatcmpl-crash-recovery',
      object: 'chat.completion',
      created: 1,
      model: 'mistral',
      // Valid for both extraction schemas and empty of facts: the deterministic reading stands.
      choices: [
        { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: ANSWER } },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
    },
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  llm = await startFakeHttp({
    'POST /v1/chat/completions': () => completion(),
    'GET /v1/models': { body: { object: 'list', data: [{ id: 'mistral', object: 'model' }] } },
  });
});

afterAll(async () => {
  for (const service of services) service.child.kill('SIGKILL');
  await Promise.all(services.map((s) => s.exited));
  await llm?.close();
  await db?.drop();
});

describe('two runs of one check (a worker that claimed back its own expired lease)', () => {
  it('commits each step once: the stale run is refused at its first write', async () => {
    const config = loadConfig({
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      OLLAMA_BASE_URL: llm.url,
      ADEME_API_BASE_URL: '',
      SIRENE_API_BASE_URL: '',
    });
    const deps = await createDeps(config, { logger: createSilentLogger(), migrate: false });
    try {
      const id = await submit('dev-02.pdf', 'twice.pdf');
      const [claimed] = await claimDueChecks(deps.db, {
        workerId: 'w',
        limit: 1,
        leaseMs: 30_000,
        ids: [id],
      });
      if (!claimed) throw new Error('not claimed');
      const runnerDeps = { ...deps, workerId: 'w' };
      const results = await Promise.all([
        runClaimedCheck(claimed, runnerDeps),
        runClaimedCheck(claimed, runnerDeps),
      ]);
      expect([...results].sort()).toEqual(['final', 'lease_lost']);
      const steps = (await listStepLogs(deps.db, id)).map((log) => log.step);
      expect(steps).toEqual([...new Set(steps)]);
      expect(steps.at(-1)).toBe('finalise');
    } finally {
      await deps.close();
    }
  }, 30_000);
});

describe('crash recovery of the persistent pipeline', () => {
  it('finishes every check exactly once across SIGKILLs of the workers', async () => {
    process.stdout.write(`crash-recovery: seed ${seed} (MDSO_CRASH_SEED to replay)\n`);
    const started = Date.now();
    const llmCallsBefore = llm.requests.length;
    try {
      // A reference run of each file, without kills.
      let live = [startService()];
      const reference = new Map<string, string>();
      for (const file of FILES) reference.set(await submit(file, `reference-${file}`), file);
      await waitFor('the reference checks', 30_000, () => allFinal([...reference.keys()]));
      const referenceMs = Date.now() - started;

      const fileOf = new Map<string, string>();
      for (let i = 0; i < CHECKS; i += 1) {
        const file = FILES[i % FILES.length] ?? 'dev-02.pdf';
        fileOf.set(await submit(file, `devis-${i}-${file}`), file);
      }
      const ids = [...fileOf.keys()];

      const kills: { round: number; processes: number; leases: number; afterMs: number }[] = [];
      for (const [index, round] of ROUNDS.entries()) {
        while (live.length < round.processes) live.push(startService());
        // The processes holding the most leases are the ones killed.
        const victims = async (): Promise<Service[]> => {
          const held = await Promise.all(
            live.map(async (s) => [s, await leasesHeldBy([s.pid])] as const),
          );
          return held
            .sort((a, b) => b[1] - a[1])
            .slice(0, round.kill)
            .map(([s]) => s);
        };
        let chosen: Service[] = [];
        await waitFor(`${MIN_LEASES_AT_KILL} leases in round ${index + 1}`, 30_000, async () => {
          if (live.some((s) => !s.alive)) throw new Error('a worker process exited by itself');
          chosen = await victims();
          return (await leasesHeldBy(chosen.map((s) => s.pid))) >= MIN_LEASES_AT_KILL;
        });
        const extraMs = Math.floor(random() * 300);
        await sleep(extraMs);
        const leases = await leasesHeldBy(chosen.map((s) => s.pid));
        await Promise.all(chosen.map(kill));
        kills.push({ round: index + 1, processes: chosen.length, leases, afterMs: extraMs });
        live = live.filter((s) => !chosen.includes(s));
      }
      // Restart: the survivor of the last round and a new process take over the expired leases.
      const restartedAt = Date.now();
      live.push(startService());
      await waitFor('every check to be final', 90_000, () => allFinal(ids));
      const phases =
        `reference run ${referenceMs} ms, kill rounds ${restartedAt - started - referenceMs} ms, ` +
        `recovery ${Date.now() - restartedAt} ms`;

      const rows = (await db
        .knex('quote_checks')
        .whereIn('id', [...ids, ...reference.keys()])
        .select('id', 'stage', 'finished_at', 'validation_errors')) as {
        id: string;
        stage: string;
        finished_at: Date | null;
        validation_errors: string[] | null;
      }[];
      const logs = (await db
        .knex('processing_logs')
        .whereIn('processable_id', [...ids, ...reference.keys()])
        .whereRaw("tags @> '{step}'")
        .select('processable_id', 'tags', 'input_parameters')) as {
        processable_id: string;
        tags: string[];
        input_parameters: { worker: string };
      }[];

      const codes = (id: string) =>
        [...(rows.find((r) => r.id === id)?.validation_errors ?? [])].sort();
      const expectedCodes = new Map([...reference].map(([id, file]) => [file, codes(id)] as const));
      const finalised = new Map<string, number>();
      const committed = new Map<string, number>();
      const workers = new Map<string, Set<string>>();
      for (const log of logs) {
        const id = log.processable_id;
        if (!fileOf.has(id)) continue;
        if (log.tags.includes('step/finalise/done'))
          finalised.set(id, (finalised.get(id) ?? 0) + 1);
        const outcome = log.tags[2]?.split('/')[2];
        if (outcome !== 'retry') {
          const key = `${id} ${log.tags[1] ?? ''}`;
          committed.set(key, (committed.get(key) ?? 0) + 1);
        }
        workers.set(id, (workers.get(id) ?? new Set()).add(log.input_parameters.worker));
      }
      const stepsCommittedTwice = [...committed].filter(([, n]) => n > 1).map(([key]) => key);
      const resumedChecks = [...workers.values()].filter((w) => w.size > 1).length;
      const llmSteps = logs.filter((l) =>
        /^step\/(private|works)_llm\/done$/u.test(l.tags[2] ?? ''),
      );
      const llmCalls = llm.requests
        .slice(llmCallsBefore)
        .filter((r) => r.path === '/v1/chat/completions').length;

      process.stdout.write(
        `crash-recovery: seed ${seed}; ` +
          kills
            .map(
              (k) =>
                `round ${k.round}: ${k.leases} leases held by ${k.processes} process(es) killed ${k.afterMs} ms after the threshold`,
            )
            .join('; ') +
          `; ${resumedChecks}/${CHECKS} checks resumed by another worker; ` +
          `${llmCalls - llmSteps.length} LLM calls lost to a kill and redone; ` +
          `${stepsCommittedTwice.length} steps committed twice; ${phases}\n`,
      );

      for (const kill of kills) expect(kill.leases).toBeGreaterThanOrEqual(MIN_LEASES_AT_KILL);
      for (const id of ids) {
        const row = rows.find((r) => r.id === id);
        expect({ id, stage: row?.stage, finished: Boolean(row?.finished_at) }).toEqual({
          id,
          stage: 'final',
          finished: true,
        });
        expect({ id, finalised: finalised.get(id) ?? 0 }).toEqual({ id, finalised: 1 });
        expect(codes(id)).not.toContain('server_timeout_error');
        expect({ id, codes: codes(id) }).toEqual({
          id,
          codes: expectedCodes.get(fileOf.get(id) ?? ''),
        });
      }
      expect(stepsCommittedTwice).toEqual([]);
    } catch (err) {
      for (const service of services) {
        const text = service.output.join('').trim();
        if (text) process.stderr.write(`--- mdso serve pid ${service.pid}\n${text.slice(-4000)}\n`);
      }
      throw err;
    }
  }, 120_000);
});
