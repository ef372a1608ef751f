/**
 * The analytics export (issue 11), on the compiled code in dist/ (bench/run.js builds first):
 * 100,000 quote checks with their findings, feedbacks, human edits, 1.1 million processing
 * logs and the mail tables, exported by `mdso export-metabase` in a process of its own (this
 * file run with `--child`), which reports its duration and peak RSS (getrusage maxrss).
 * Targets: under 60 s, peak RSS ≤ 200 MB. Anchors measured in the same run, on the same rows:
 *   - the export's own anonymising queries, `COPY (SELECT …) TO STDOUT` into a sink (the source
 *     side alone: what loading into the target adds is the difference);
 *   - `COPY (SELECT * FROM <table>) TO STDOUT` of the whole source rows into a sink.
 * PostgreSQL: fresh databases on `DATABASE_URL`'s server when set (dropped after), else an
 * embedded server in a temporary directory. Prints; never fails on time.
 * `EXPORT_BENCH_CHECKS=20000 node bench/export.bench.js` runs a smaller set.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { analyticsSelectSql, analyticsTables } from '../dist/src/db/analytics-tables.js';
import { createKnex } from '../dist/src/db/database.js';
import { createLogger } from '../dist/src/logger.js';
import { openBenchServer } from './lib/bench-db.mjs';
import { seedExportSource } from './lib/export-seed.mjs';

const CHECKS = Number(process.env.EXPORT_BENCH_CHECKS ?? 100_000);
const TARGET_S = 60;
const TARGET_RSS_MB = 200;
const MB = 1024 * 1024;

/** What each exported table reads from the source, as whole rows. */
const SOURCE_TABLES = {
  quote_checks: 'SELECT * FROM quote_checks',
  quotes_cases: 'SELECT * FROM quotes_cases',
  quote_check_feedbacks: 'SELECT * FROM quote_check_feedbacks',
  quote_error_edits: 'SELECT * FROM quote_checks WHERE validation_error_edits IS NOT NULL',
  processing_logs: 'SELECT * FROM processing_logs',
  inbound_emails: 'SELECT * FROM inbound_emails',
  outbound_emails: 'SELECT * FROM outbound_emails',
};

/** Copies each query's rows out of the source into a sink; rows and milliseconds. */
async function copyOut(url, queries) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  const started = performance.now();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const sql of queries) {
      const out = client.query(copyTo(`COPY (${sql}) TO STDOUT`));
      await pipeline(out, new Writable({ write: (_chunk, _enc, done) => done() }));
      rows += out.rowCount;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return { rows, ms: performance.now() - started };
}

function exportInChild(sourceUrl, targetUrl) {
  const child = fork(fileURLToPath(import.meta.url), ['--child'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      APPLICATION_HOST: 'https://mdso.bench.invalid',
      LOG_LEVEL: 'warn',
      DATABASE_URL: sourceUrl,
      METABASE_DATA_DB_URL: targetUrl,
      ENABLE_METABASE_EXPORT: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('message', (message) => resolve({ ...message, output }));
    child.on('exit', (code) => reject(new Error(`export child exited (${code}): ${output}`)));
  });
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const perS = (rows, ms) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

async function runBench() {
  const logger = createLogger({ level: 'warn' });
  const server = await openBenchServer(logger, 'mdso_bench_export');
  try {
    const sourceUrl = await server.database('source');
    const targetUrl = await server.database('target', { migrate: false });
    const seedStarted = performance.now();
    const knex = createKnex(sourceUrl);
    await seedExportSource(knex, CHECKS);
    await knex.destroy();
    const tables = analyticsTables({ saltHex: '0'.repeat(32) });
    console.log(
      `export: ${CHECKS.toLocaleString('en')} quote checks seeded in ${s(performance.now() - seedStarted)}, ${server.where} (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})`,
    );
    const raw = await copyOut(sourceUrl, Object.values(SOURCE_TABLES));
    const selects = await copyOut(sourceUrl, tables.map(analyticsSelectSql));
    const first = await exportInChild(sourceUrl, targetUrl);
    const second = await exportInChild(sourceUrl, targetUrl); // replaces a published export
    if (first.code !== 0 || second.code !== 0) throw new Error(`export failed: ${second.output}`);
    const rows = selects.rows;
    for (const [label, run] of [
      ['first export (empty target)', first],
      ['second export (replaces it)', second],
    ]) {
      const rss = run.maxRssBytes / MB;
      console.log(
        `  ${label}: ${rows.toLocaleString('en')} rows in ${s(run.ms)}, ${perS(rows, run.ms)} (${(run.ms / 1000 / TARGET_S).toFixed(2)} × target ${TARGET_S} s); peak RSS ${rss.toFixed(0)} MB (${(rss / TARGET_RSS_MB).toFixed(2)} × target ${TARGET_RSS_MB} MB)`,
      );
    }
    console.log(
      `  anchor, the export's anonymising SELECTs, COPY TO STDOUT into a sink: ${s(selects.ms)}, ${perS(rows, selects.ms)}; export / anchor = ${(second.ms / selects.ms).toFixed(2)}`,
    );
    console.log(
      `  anchor, COPY (SELECT * FROM …) TO STDOUT of the same source rows: ${s(raw.ms)}, ${perS(raw.rows, raw.ms)}; export / anchor = ${(second.ms / raw.ms).toFixed(2)}`,
    );
    console.log(
      second.output
        .split('\n')
        .filter(Boolean)
        .map((line) => `    ${line}`)
        .join('\n'),
    );
  } finally {
    await server.close();
  }
}

if (process.argv.includes('--child')) {
  // the export as an operator runs it: the real command, in a process of its own
  const { main } = await import('../dist/src/cli/main.js');
  const started = performance.now();
  const code = await main(['export-metabase']);
  const ms = performance.now() - started;
  process.send({ code, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
  process.disconnect();
} else {
  await runBench();
}
