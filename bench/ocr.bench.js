/**
 * OCR of one scanned page: the corpus scan dev-08 rendered at 200 dpi by our PDF worker, then
 * recognised by the local engine (tesseract.js), median of 3 runs after one warm-up, against a
 * target of 2000 ms per page; the tesseract command line too when it is installed with French.
 * Then the phone photo dev-02-photo.png: its preparation (prepare-image.ts) and its OCR as
 * prepared, by each engine. Runs on the compiled code in dist/ (bench/run.js builds first).
 * Prints; never fails on time.
 */
import { readFileSync } from 'node:fs';
import { createPdfReader } from '../dist/src/adapters/pdf/pdf-reader.js';
import {
  createTesseractCliEngine,
  tesseractCliAvailable,
} from '../dist/src/adapters/ocr/tesseract-cli.js';
import { createTesseractJsEngine } from '../dist/src/adapters/ocr/tesseract-js.js';
import { prepareImage } from '../dist/src/adapters/ocr/prepare-image.js';

const RUNS = 3;
const TARGET_MS = 2000;
const scan = readFileSync(new URL('../test/fixtures/files/dev-08-scan.pdf', import.meta.url));
const photo = readFileSync(new URL('../test/fixtures/files/dev-02-photo.png', import.meta.url));

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

  const prepareTimes = [];
  let prepared;
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    prepared = await prepareImage(photo);
    if (run > 0) prepareTimes.push(performance.now() - started);
  }
  const photoInput = { bytes: prepared.png, mime: 'image/png', filename: 'photo.png' };

  const cliPresent = await tesseractCliAvailable();
  const engines = [['tesseract.js', createTesseractJsEngine]];
  if (cliPresent) engines.push(['tesseract (command line)', createTesseractCliEngine]);
  const photoResults = [];
  for (const [label, create] of engines) {
    const engine = create();
    try {
      report(label, await timeEngine(engine, input));
      photoResults.push([label, await timeEngine(engine, photoInput)]);
    } finally {
      await engine.close();
    }
  }
  if (!cliPresent) console.log('  tesseract (command line)   not installed with French: skipped');

  console.log(
    `ocr: dev-02 photo (1240×1663) prepared to ${prepared.width}×${prepared.height}, ` +
      `turned ${prepared.angle}°, median of ${RUNS}`,
  );
  console.log(`  prepare (main thread)      ${median(prepareTimes).toFixed(0)} ms/photo`);
  for (const [label, result] of photoResults) report(label, result);
} finally {
  await reader.close();
}
