/**
 * OCR of one scanned page: the corpus scan dev-08 rendered at 200 dpi by our PDF worker, then
 * recognised by the local engine (tesseract.js), median of 3 runs after one warm-up, against a
 * target of 2000 ms per page; the tesseract command line too when it is installed with French.
 * Runs on the compiled code in dist/ (bench/run.js builds first). Prints; never fails on time.
 */
import { readFileSync } from 'node:fs';
import { createPdfReader } from '../dist/src/adapters/pdf/pdf-reader.js';
import {
  createTesseractCliEngine,
  tesseractCliAvailable,
} from '../dist/src/adapters/ocr/tesseract-cli.js';
import { createTesseractJsEngine } from '../dist/src/adapters/ocr/tesseract-js.js';

const RUNS = 3;
const TARGET_MS = 2000;
const scan = readFileSync(new URL('../test/fixtures/files/dev-08-scan.pdf', import.meta.url));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

async function timeEngine(engine, input) {
  await engine.recognise(input);
  const times = [];
  let chars = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    chars = (await engine.recognise(input)).text.length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), chars };
}

function report(label, { ms, chars }) {
  const ratio = (ms / TARGET_MS).toFixed(2);
  console.log(`  ${label.padEnd(26)} ${ms.toFixed(0)} ms/page (${ratio} × target, ${chars} chars)`);
}

const reader = createPdfReader();
try {
  const renderTimes = [];
  let image;
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    image = await reader.renderPage(scan, { page: 1, dpi: 200, timeoutMs: 30_000 });
    if (run > 0) renderTimes.push(performance.now() - started);
    if (!image.ok) throw new Error(`render failed: ${image.failure}`);
  }
  console.log(
    `ocr: dev-08 scan, page 1 at 200 dpi (${image.width}×${image.height}, ${image.png.length} bytes PNG), median of ${RUNS}`,
  );
  console.log(`  render (pdf worker)        ${median(renderTimes).toFixed(0)} ms/page`);
  const input = { bytes: image.png, mime: 'image/png', filename: 'page-1.png' };

  const js = createTesseractJsEngine();
  try {
    report('tesseract.js', await timeEngine(js, input));
  } finally {
    await js.close();
  }
  if (await tesseractCliAvailable()) {
    const cli = createTesseractCliEngine();
    try {
      report('tesseract (command line)', await timeEngine(cli, input));
    } finally {
      await cli.close();
    }
  } else {
    console.log('  tesseract (command line)   not installed with French: skipped');
  }
} finally {
  await reader.close();
}
