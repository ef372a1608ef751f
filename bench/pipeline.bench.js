/**
 * The persistent pipeline's latency (DESIGN.md §4), on the compiled code in dist/ (bench/run.js
 * builds first), with LLMs and registry lookups off:
 *   (a) submit → final of a one-page text quote, 50 quotes one at a time, against an in-process
 *       claim loop whose safety-net poll is 60 s, so only LISTEN/NOTIFY explains a fast pickup:
 *       p50/p95 against targets of 50 ms and 200 ms;
 *   (b) the first check after start: spawn `mdso serve --workers-only`, submit at once, time to
 *       final against a target of 1 s, with where the time goes.
 * Baseline of the same run: the in-memory `checkDocument` of the same file, warm.
 * PostgreSQL: a fresh database on `DATABASE_URL` when set (dropped after), else an embedded
 * server in a temporary directory on a free port. Prints; never fails on time.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPdfReader } from '../dist/src/adapters/pdf/pdf-reader.js';
import { loadConfig } from '../dist/src/config.js';
import { openBenchServer, quantile } from './lib/bench-db.mjs';
import { createKnex } from '../dist/src/db/database.js';
import { createDeps } from '../dist/src/deps.js';
import { parisToday } from '../dist/src/domain/dates.js';
import { createLogger } from '../dist/src/logger.js';
import { startClaimLoop } from '../dist/src/pipeline/claim-loop.js';
import { checkDocument } from '../dist/src/pipeline/check-document.js';
import { submitFiles } from '../dist/src/pipeline/submit-files.js';

const QUOTES = 50;
const WARMUP = 3;
const BASELINE_RUNS = 20;
const TARGET_P50_MS = 50;
const TARGET_P95_MS = 200;
const TARGET_COLD_MS = 1000;
const FILE = 'Devis_test.pdf';

const root = fileURLToPath(new URL('../', import.meta.url));
const bytes = readFileSync(new URL(`../test/fixtures/files/${FILE}`, import.meta.url));
const logger = createLogger({ level: 'warn' });

const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value, target) => `${(value / target).toFixed(2)} × target`;

/** The service's environment with LLMs and lookups off (nothing read from the caller's keys). */
function serviceEnv(url) {
  return {
    NODE_ENV: 'production',
    APPLICATION_HOST: 'https://mdso.bench.invalid',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
    MDSO_WORKER_POLL_MS: '60000',
    MDSO_WORKER_CONCURRENCY: '2',
  };
}

/** Polls (every 2 ms, on a connection of its own) until the check is final. */
async function waitFinal(client, id, timeoutMs = 30_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query('SELECT stage FROM quote_checks WHERE id = $1', [id]);
    if (rows[0]?.stage === 'final') return performance.now();
    if (performance.now() > deadline)
      throw new Error(`check ${id} not final after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function submitOne(db, index) {
  const { checks } = await submitFiles(db, [{ filename: `bench-${index}.pdf`, bytes }], {
    profile: 'artisan',
  });
  return checks[0].id;
}

/** Mean duration of each step over the given checks, from their processing logs. */
async function stepMeans(db, ids) {
  const rows = await db('processing_logs')
    .whereIn('processable_id', ids)
    .whereRaw("tags @> '{step}'")
    .select(db.raw('tags[2] AS step'), db.raw("avg((output_result->>'duration_ms')::int) AS ms"))
    .groupBy(db.raw('tags[2]'))
    .orderBy('ms', 'desc');
  return rows
    .map((r) => `${String(r.step).replace('step/', '')} ${Number(r.ms).toFixed(1)}`)
    .join(', ');
}

async function baseline() {
  const reader = createPdfReader({ poolSize: 1 });
  try {
    const ctx = { today: parisToday(), reader, readTimeoutMs: 20_000 };
    await checkDocument({ bytes, filename: FILE }, ctx);
    const times = [];
    for (let run = 0; run < BASELINE_RUNS; run += 1) {
      const started = performance.now();
      await checkDocument({ bytes, filename: FILE }, ctx);
      times.push(performance.now() - started);
    }
    return quantile(times, 0.5);
  } finally {
    await reader.close();
  }
}

async function submitToFinal(database, baselineMs) {
  const deps = await createDeps(loadConfig(serviceEnv(database.url)), { logger, migrate: false });
  const loop = startClaimLoop(deps, { databaseUrl: database.url, concurrency: 2, pollMs: 60_000 });
  const poller = new pg.Client({ connectionString: database.url });
  await poller.connect();
  try {
    await new Promise((resolve) => setTimeout(resolve, 300)); // LISTEN is up
    const warm = [];
    for (let i = 0; i < WARMUP; i += 1) {
      const started = performance.now();
      const id = await submitOne(deps.db, `warmup-${i}`);
      warm.push((await waitFinal(poller, id)) - started);
    }
    const times = [];
    const ids = [];
    for (let i = 0; i < QUOTES; i += 1) {
      const id = await submitOne(deps.db, i);
      const committed = performance.now();
      times.push((await waitFinal(poller, id)) - committed);
      ids.push(id);
    }
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    console.log(
      `  (a) submit → final, ${QUOTES} quotes one at a time (poll 60 s: NOTIFY only), ${WARMUP} warm-up first (${warm.map((t) => t.toFixed(0)).join(', ')} ms)`,
    );
    console.log(`      p50 ${ms(p50)} (${ratio(p50, TARGET_P50_MS)} ${TARGET_P50_MS} ms)`);
    console.log(`      p95 ${ms(p95)} (${ratio(p95, TARGET_P95_MS)} ${TARGET_P95_MS} ms)`);
    console.log(`      max ${ms(Math.max(...times))}`);
    console.log(
      `      pipeline overhead: p50 is ${(p50 / baselineMs).toFixed(2)} × the in-memory check (${ms(p50 - baselineMs)} more)`,
    );
    console.log(`      mean ms per step: ${await stepMeans(deps.db, ids)}`);
  } finally {
    await poller.end();
    await loop.stop();
    await deps.close();
  }
}

async function coldStart(database) {
  const knex = createKnex(database.url);
  const poller = new pg.Client({ connectionString: database.url });
  await poller.connect();
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const started = performance.now();
  const startedAt = Date.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'mdso.js'), 'serve', '--workers-only'], {
    cwd: root,
    env: { ...env, ...serviceEnv(database.url) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let readyMs;
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    if (readyMs === undefined && output.includes('prêt')) readyMs = performance.now() - started;
  });
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const id = await submitOne(knex, 'cold');
    const submittedMs = performance.now() - started;
    const finalMs = (await waitFinal(poller, id)) - started;
    const first = await knex('processing_logs')
      .where({ processable_id: id })
      .min({ at: 'started_at' })
      .first();
    const firstStepMs = new Date(first.at).getTime() - startedAt;
    console.log(
      `  (b) first check after start: ${ms(finalMs)} from spawn to final (${ratio(finalMs, TARGET_COLD_MS)} ${TARGET_COLD_MS} ms)`,
    );
    console.log(
      `      submitted at ${ms(submittedMs)}; main process ready ("prêt") at ${readyMs === undefined ? '?' : ms(readyMs)}; first step started at ${firstStepMs} ms (claim-loop job booted); steps ${(finalMs - firstStepMs).toFixed(0)} ms: ${await stepMeans(knex, [id])}`,
    );
  } catch (err) {
    console.error(output);
    throw err;
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    await poller.end();
    await knex.destroy();
  }
}

const server = await openBenchServer(logger, 'mdso_bench_pipeline');
const database = {
  url: await server.database('a'),
  where: server.where,
  close: () => server.close(),
};
try {
  const baselineMs = await baseline();
  console.log(
    `pipeline: ${FILE}, ${database.where}, LLM and lookups off (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`,
  );
  console.log(
    `  baseline: in-memory checkDocument, warm, median of ${BASELINE_RUNS}: ${ms(baselineMs)}`,
  );
  await submitToFinal(database, baselineMs);
  await coldStart(database);
} finally {
  await database.close();
}
