/**
 * PDF text extraction: ours (pdfjs + layout) against poppler's `pdftotext -layout` on a
 * generated 10-page quote, both as a fresh child process per run (median of RUNS), plus the
 * warm per-file time of our worker pool, and a warm 30-page check. Prints; never fails on time.
 * Runs on the compiled code in dist/ (bench/run.js builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPdfReader } from '../dist/src/adapters/pdf/pdf-reader.js';
import { buildQuotePdf } from './lib/quote-pdf.mjs';

const RUNS = 7;
const TIMEOUT_MS = 30_000;
const extractOnce = fileURLToPath(new URL('./lib/extract-once.mjs', import.meta.url));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value) => `${value.toFixed(1)} ms`;

/** Wall time of a fresh child process, from spawn to exit, median of RUNS. */
function timeProcess(command, args) {
  const times = [];
  let output = '';
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - started);
    if (child.error || child.status !== 0) {
      throw new Error(`${command} failed: ${child.error?.message ?? child.stderr}`);
    }
    output = child.stdout;
  }
  return { median: median(times), words: output.split(/\s+/u).filter(Boolean).length };
}

async function timeWarm(reader, bytes, runs) {
  const first = await reader.read(bytes, { timeoutMs: TIMEOUT_MS });
  if (!first.ok) throw new Error(`warm-up read failed: ${first.failure}`);
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await reader.read(bytes, { timeoutMs: TIMEOUT_MS });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`read failed: ${result.failure}`);
  }
  return median(times);
}

function hasPdftotext() {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return !probe.error;
}

const dir = mkdtempSync(join(tmpdir(), 'mdso-bench-'));
const reader = createPdfReader({ poolSize: 1 });
try {
  const onePage = join(dir, 'quote-1-page.pdf');
  writeFileSync(onePage, await buildQuotePdf(1));
  const tenPages = join(dir, 'quote-10-pages.pdf');
  const thirtyPages = join(dir, 'quote-30-pages.pdf');
  const tenBytes = await buildQuotePdf(10);
  writeFileSync(tenPages, tenBytes);
  writeFileSync(thirtyPages, await buildQuotePdf(30));

  console.log(
    `pdf-text: 10-page generated quote (${tenBytes.length} bytes), median of ${RUNS} runs`,
  );
  const bare = timeProcess(process.execPath, ['-e', '']);
  console.log(`  node start-up alone:      ${ms(bare.median)}`);
  const ours = timeProcess(process.execPath, [extractOnce, tenPages]);
  console.log(
    `  ours, fresh process:      ${ms(ours.median)} (${ms(ours.median / 10)}/page, ${ours.words} words)`,
  );
  if (hasPdftotext()) {
    const poppler = timeProcess('pdftotext', ['-layout', tenPages, '-']);
    console.log(
      `  pdftotext -layout, fresh: ${ms(poppler.median)} (${ms(poppler.median / 10)}/page, ${poppler.words} words)`,
    );
    console.log(
      `  ratio ours / pdftotext:   ${(ours.median / poppler.median).toFixed(2)} (whole process)`,
    );
    // Per page, start-up excluded for both: (time of 10 pages - time of 1 page) / 9.
    const oursOne = timeProcess(process.execPath, [extractOnce, onePage]);
    const popplerOne = timeProcess('pdftotext', ['-layout', onePage, '-']);
    const oursPerPage = (ours.median - oursOne.median) / 9;
    const popplerPerPage = (poppler.median - popplerOne.median) / 9;
    console.log(
      `  per page, start-up excluded: ours ${ms(oursPerPage)}, pdftotext ${ms(popplerPerPage)}, ` +
        `ratio ${(oursPerPage / popplerPerPage).toFixed(2)}`,
    );
  } else {
    console.log('  pdftotext -layout:        not measured (pdftotext absent)');
  }
  const warm = await timeWarm(reader, tenBytes, RUNS);
  console.log(`  ours, warm worker pool:   ${ms(warm)} per file (${ms(warm / 10)}/page)`);

  const warm30 = await timeWarm(reader, new Uint8Array(readFileSync(thirtyPages)), 5);
  const verdict = warm30 < 1000 ? 'under' : 'OVER';
  console.log(`pdf-text: warm 30-page check ${ms(warm30)} (${verdict} the 1 s budget)`);
} finally {
  await reader.close();
  rmSync(dir, { recursive: true, force: true });
}
