/**
 * Named regression tests for what the fuzz suite found in file reading (issue 9, item 5), each
 * with the smallest input found, generated or derived from a fixture, through the real reader
 * (PDF child processes, the image preparation child). Bounds are generous limits, not speed
 * targets: before the fixes these inputs took minutes, gigabytes, or the whole process down.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTesseractJsEngine } from '../../src/adapters/ocr/tesseract-js.js';
import type { OcrEngine } from '../../src/adapters/ocr/ocr-engine.js';
import { createPdfReader, type PdfReader } from '../../src/adapters/pdf/pdf-reader.js';
import { ocrDocument } from '../../src/reading/ocr-document.js';
import { readDocument } from '../../src/reading/read-document.js';
import { HOSTILE_IMAGES } from './hostile-images.js';
import { HOSTILE_PDFS } from './hostile-pdfs.js';
import { onePagePdf, streamObject } from './pdf-assembler.js';
import { watchPeakRss } from './peak-rss.js';

const bin = fileURLToPath(new URL('../../bin/mdso.js', import.meta.url));

const fixture = (path: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)));
const hostile = (name: string): Promise<Buffer> | Buffer => {
  const file = [...HOSTILE_PDFS, ...HOSTILE_IMAGES].find((f) => f.name === name);
  if (!file) throw new Error(`no hostile file ${name}`);
  return file.build();
};
/** A fixture with one byte set: the smallest damage found to crash the image decoder. */
const withByte = (bytes: Buffer, at: number, value: number): Buffer => {
  const out = Buffer.from(bytes);
  out[at] = value;
  return out;
};

let reader: PdfReader;
let engine: OcrEngine;

beforeAll(() => {
  reader = createPdfReader();
  engine = createTesseractJsEngine();
});

afterAll(async () => {
  await reader.close();
  await engine.close();
});

async function read(bytes: Uint8Array, filename: string, timeoutMs = 20_000) {
  const first = await readDocument(bytes, { filename, reader, timeoutMs });
  return ocrDocument(bytes, first, { filename, engine, reader, renderTimeoutMs: timeoutMs });
}

describe('decompression bombs are refused before pdfjs inflates them (was: ~1 GB, 9 s)', () => {
  it.each([
    'flate-bomb-200mb',
    'flate-bomb-double-filter',
    'flate-bomb-image-without-text',
    'flate-bomb-font-file',
    'flate-bomb-split-over-pages',
    'flate-bomb-wrong-length',
    'lzw-bomb',
  ])('%s', async (name) => {
    const outcome = await read(await hostile(name), `${name}.pdf`);
    expect(outcome).toMatchObject({ ok: false, code: 'file_reading_error' });
    expect(outcome.ok ? '' : outcome.problem).toMatch(/n’a pas été ouvert .* décompressé/u);
  });
});

describe('image decoder crashes end in a finding, not in a dead process', () => {
  it('a PNG whose IHDR length is damaged (was: segmentation fault in @napi-rs/canvas)', async () => {
    const png = withByte(fixture('files/Devis_test.png'), 10, 0x02);
    expect(await read(png, 'devis.png')).toMatchObject({ ok: false, reason: 'corrupt_image' });
  });

  it('a JPEG with one damaged table byte (was: segmentation fault)', async () => {
    const jpeg = withByte(fixture('fuzz/devis.jpg'), 496, 0x40);
    expect(await read(jpeg, 'devis.jpg')).toMatchObject({ ok: false, reason: 'corrupt_image' });
  });

  it.each([
    ['png-absurd-dimensions', 'image_too_large'], // was: Skia abort (SIGILL)
    ['jpeg-absurd-dimensions', 'image_too_large'], // was: segmentation fault
    ['png-decompression-bomb', 'image_too_large'], // was: 1.1 GB
    ['png-header-only', 'truncated_image'], // was: segmentation fault
  ])('%s', async (name, reason) => {
    const outcome = await read(await hostile(name), `${name}.png`);
    expect(outcome).toMatchObject({ ok: false, code: 'file_reading_error', reason });
    expect(outcome.ok ? '' : outcome.problem).toMatch(/^L’image « .+ » est/u);
  });

  it('a truncated photo of a quote (was: half a quote judged « aucun oubli détecté »)', async () => {
    const photo = fixture('fuzz/devis.jpg');
    const outcome = await read(photo.subarray(0, 15_000), 'devis.jpg');
    expect(outcome).toMatchObject({ ok: false, reason: 'truncated_image' });
  });
});

describe('no hang past the per-file limit', () => {
  it('a page of absurd size (/UserUnit 75000) is read (was: quadratic regex, timeout)', async () => {
    const outcome = await read(await hostile('huge-user-unit'), 'devis.pdf');
    expect(outcome).toMatchObject({ ok: true, pageCount: 1 });
  });

  it('500 000 nested graphics states end with the time limit’s finding', async () => {
    const outcome = await read(await hostile('deep-graphics-state-nesting'), 'devis.pdf', 2_000);
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout', code: 'file_reading_error' });
  });

  it('3 000 pages of text are refused as no quote (was: 13 s and 330 MB)', async () => {
    const outcome = await read(await hostile('thousands-of-pages'), 'devis.pdf');
    expect(outcome).toMatchObject({ ok: false, reason: 'too_much_text' });
  });

  it('a 1.3 MB text file is refused as no quote (was: minutes of extraction, 770 MB)', async () => {
    const text = Buffer.from('Isolation des combles 80 m² 2 400,00 €\n'.repeat(34_000), 'utf8');
    expect(await read(text, 'devis.txt')).toMatchObject({ ok: false, reason: 'too_much_text' });
  });

  it('a text layer holding NUL characters is read without them (PostgreSQL refused it)', async () => {
    const content = streamObject(
      Buffer.from('BT /F1 11 Tf 50 780 Td (DEVIS\\000 N 12 isolation) Tj ET'),
    );
    const outcome = await read(onePagePdf({ content }), 'devis.pdf');
    expect(outcome.ok && outcome.doc.text.includes('\u0000')).toBe(false);
  });
});

describe('memory of `mdso check` and the processes it starts', () => {
  it('stays under 400 MB on the 200 MB bomb, a huge page and a 30 000 px wide photo', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mdso-fuzz-'));
    const wide = Buffer.from(fixture('fuzz/devis.jpg'));
    wide.writeUInt16BE(30_000, wide.indexOf(Buffer.from([0xff, 0xc0])) + 7); // SOF width
    const files = {
      'bombe.pdf': await hostile('flate-bomb-200mb'),
      'page-geante.pdf': await hostile('huge-media-box-without-text'),
      'photo-large.jpg': wide,
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    const child = spawn(
      process.execPath,
      [bin, 'check', '--json', ...Object.keys(files).map((f) => join(dir, f))],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const watcher = watchPeakRss(child.pid!, 20);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const peak = watcher.stop();
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { errors: string[] });
    expect(results.map((r) => r.errors[0])).toEqual([
      'file_reading_error',
      'empty_file_error',
      expect.any(String),
    ]);
    expect(peak.processKb).toBeLessThanOrEqual(400 * 1024);
    expect(peak.childKb).toBeLessThanOrEqual(400 * 1024);
  }, 120_000);
});
