/**
 * The REST API's cost (issue 10 targets), same-run ratios on the compiled code in dist/:
 *   (a) `GET /api/v1/quote_checks/{id}` of a finished check through the whole app (request
 *       filter, helmet, key check, scoped read, serializer) against a bare `node:http` handler
 *       doing the same primary-key read (the same SQL, `checkSummaryQuery`) on the same database
 *       and pool size; 32 connections, autocannon, requests/s and p99; target ≥ 0.5×.
 *   (b) upload → final of a one-page text quote through `POST /api/v1/quote_checks` against
 *       `submitFiles` (what `mdso submit` calls), both picked up by the same in-process claim
 *       loop, interleaved, p50; target API ≤ 1.2× submit.
 * LLMs and registry lookups off. Prints; never fails on time.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { createApi } from '../dist/src/api/api-router.js';
import { createApp } from '../dist/src/api/app.js';
import { loadConfig } from '../dist/src/config.js';
import { checkSummaryQuery } from '../dist/src/db/api-records-repo.js';
import { createDeps } from '../dist/src/deps.js';
import { createLogger } from '../dist/src/logger.js';
import { startClaimLoop } from '../dist/src/pipeline/claim-loop.js';
import { processChecksUntilFinal } from '../dist/src/pipeline/process-checks.js';
import { submitFiles } from '../dist/src/pipeline/submit-files.js';
import { openBenchServer, quantile } from './lib/bench-db.mjs';

const KEY = 'cle-de-bench-0123456789abcdef';
const CONNECTIONS = 32;
const DURATION_S = 5;
const ROUNDS = 4;
const UPLOADS = 30;
const QUOTE =
  'DEVIS n° 2026-118\nSARL Isolation Exemple, SIRET 123 456 789 00012\n' +
  'Client : M. Martin, 3 rue des Lilas 75011 Paris\n' +
  'Isolation des combles perdus, laine soufflée, 100 m2, R = 7 m2.K/W, 2 500,00 € HT\n' +
  'TVA 5,5 % : 137,50 €  Total TTC : 2 637,50 €\n';
const logger = createLogger({ level: 'warn' });

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** autocannon in a process of its own, so that the load does not share the server's thread. */
function load(url, headers) {
  const args = [autocannonBin, '--json', '-c', String(CONNECTIONS), '-d', String(DURATION_S)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...args, url], { maxBuffer: 1 << 24 }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout)),
    );
  });
}

async function waitFinal(client, id) {
  for (;;) {
    const { rows } = await client.query('SELECT stage FROM quote_checks WHERE id = $1', [id]);
    if (rows[0]?.stage === 'final') return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const bench = await openBenchServer(logger, 'mdso_bench_api');
try {
  const url = await bench.database('api');
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
    MDSO_API_KEY_FOR_MDSO: KEY,
    FRONTEND_APPLICATION_HOST: 'https://front.example.fr',
    API_UPLOAD_LIMIT_PER_KEY: '100000',
    API_UPLOAD_LIMIT_PER_IP: '100000',
  });
  const deps = await createDeps(config, { logger, migrate: false });
  const db = deps.db;
  const pool = db.client.pool.max;
  const api = createApi({
    db,
    logger,
    config,
    version: 'bench',
    apiKeys: config.apiKeys,
    lookups: { lookupTtlMs: 3_600_000 },
  });
  const app = createApp({ db, logger, version: 'bench', routers: [api.router] });
  const appServer = createServer(app);
  const appPort = await listen(appServer);
  const bytes = new TextEncoder().encode(QUOTE);
  const { checks } = await submitFiles(db, [{ filename: 'devis.txt', bytes }], {
    profile: 'artisan',
  });
  const id = checks[0].id;
  await processChecksUntilFinal({ ...deps, workerId: 'bench' }, [id], { timeoutMs: 60_000 });

  // (a) the bare handler: the same primary-key read, JSON out, nothing else
  const bare = createServer(async (req, res) => {
    const row = await checkSummaryQuery(db, req.url.split('/').at(-1));
    res.writeHead(row ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(row ?? {}));
  });
  const barePort = await listen(bare);
  const auth = { authorization: `Bearer ${KEY}` };
  const bareUrl = `http://127.0.0.1:${barePort}/${id}`;
  const apiUrl = `http://127.0.0.1:${appPort}/api/v1/quote_checks/${id}`;
  await load(bareUrl, {}); // warm-up of both
  await load(apiUrl, auth);
  console.log(
    `(a) GET /api/v1/quote_checks/{id}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s each, alternating, pool ${pool}:`,
  );
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    // alternate the order, so that a slow spell of the machine hits both sides alike
    const order = round % 2 === 0 ? ['bare', 'api'] : ['api', 'bare'];
    const runs = {};
    for (const side of order)
      runs[side] = await load(side === 'bare' ? bareUrl : apiUrl, side === 'bare' ? {} : auth);
    const ratio = runs.api.requests.average / runs.bare.requests.average;
    ratios.push(ratio);
    console.log(
      `    round ${round + 1}: bare ${runs.bare.requests.average.toFixed(0)} req/s (p99 ${runs.bare.latency.p99} ms) · ` +
        `API ${runs.api.requests.average.toFixed(0)} req/s (p50 ${runs.api.latency.p50} ms, p99 ${runs.api.latency.p99} ms, non-2xx ${runs.api.non2xx + runs.api.errors}) · ratio ${ratio.toFixed(2)}×`,
    );
  }
  console.log(`    median ratio API/bare: ${quantile(ratios, 0.5).toFixed(2)}× (target ≥ 0.5×)`);
  bare.close();

  // (b) upload → final, API vs submitFiles, one claim loop, interleaved
  const loop = startClaimLoop(deps, { databaseUrl: url, concurrency: 2, pollMs: 60_000 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const viaApi = [];
  const viaSubmit = [];
  for (let i = 0; i < UPLOADS + 3; i++) {
    const text = `${QUOTE}Réf. ${i}\n`;
    let start = performance.now();
    const form = new FormData();
    form.append('file', new Blob([text]), `devis-${i}.txt`);
    form.append('profile', 'artisan');
    form.append('renovation_type', 'geste');
    const res = await fetch(`http://127.0.0.1:${appPort}/api/v1/quote_checks`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const apiId = (await res.json()).id;
    const apiMs = (await waitFinal(client, apiId)) - start;
    start = performance.now();
    const submitted = await submitFiles(
      db,
      [{ filename: `cli-${i}.txt`, bytes: new TextEncoder().encode(text) }],
      { profile: 'artisan', sourceName: 'mdso' },
    );
    const cliMs = (await waitFinal(client, submitted.checks[0].id)) - start;
    if (i >= 3) {
      viaApi.push(apiMs);
      viaSubmit.push(cliMs);
    }
  }
  const apiP50 = quantile(viaApi, 0.5);
  const cliP50 = quantile(viaSubmit, 0.5);
  console.log(`(b) upload → final of a one-page text quote, ${UPLOADS} each, interleaved:`);
  console.log(
    `    submitFiles (mdso submit): p50 ${cliP50.toFixed(1)} ms, p95 ${quantile(viaSubmit, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `    POST /api/v1/quote_checks: p50 ${apiP50.toFixed(1)} ms, p95 ${quantile(viaApi, 0.95).toFixed(1)} ms`,
  );
  console.log(`    ratio API/submit p50: ${(apiP50 / cliP50).toFixed(2)}× (target ≤ 1.2×)`);
  await client.end();
  await loop.stop();
  appServer.close();
  await deps.close();
} finally {
  await bench.close();
}
