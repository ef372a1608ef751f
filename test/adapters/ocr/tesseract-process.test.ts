/**
 * The local OCR in its own child process (tesseract-js-process.ts): the text is the in-process
 * engine's, the child is recycled when large and stopped when idle, and a time limit or a crash
 * kills it without losing the next image. Real child processes, watched through /proc.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTesseractProcessEngine } from '../../../src/adapters/ocr/tesseract-js-process.js';
import { UpstreamError } from '../../../src/errors.js';
import { fixture } from '../pdf/build-pdf.js';

const photo = { bytes: fixture('Devis_test.png'), mime: 'image/png', filename: 'Devis_test.png' };
const long = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(60_000) });

/** This process's children running the OCR entry. */
function ocrChildren(): number[] {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').split(/\s+/u).filter(Boolean),
  );
  return pids.map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tesseract-js-child');
    } catch {
      return false;
    }
  });
}

function recorder(): {
  reasons: string[];
  logger: Parameters<typeof createTesseractProcessEngine>[0];
} {
  const reasons: string[] = [];
  const note = (obj: object, msg?: string): void => {
    if (msg === 'ocr child stopped') reasons.push((obj as { reason: string }).reason);
  };
  return { reasons, logger: { logger: { debug: note, info: note, warn: note, error: note } } };
}

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(20);
}

describe('tesseract.js in a child process', () => {
  const { reasons, logger } = recorder();
  const engine = createTesseractProcessEngine(logger);
  afterAll(() => engine.close());

  it('reads the image in a child of its own, kept for the next image', async () => {
    const first = await engine.recognise(photo, long());
    expect(first.text).toMatch(/SIRET\s+12345678900000/u);
    const [child] = ocrChildren();
    expect(child).toBeDefined();
    expect((await engine.recognise(photo, long())).text).toBe(first.text);
    expect(ocrChildren()).toEqual([child]);
  });

  it('kills the child at the time limit with a retryable error, and reads the next image', async () => {
    const [before] = ocrChildren();
    const err = await engine.recognise(photo, { signal: AbortSignal.timeout(30) }).catch((e) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).retryable).toBe(true);
    await waitFor(() => !ocrChildren().includes(before!));
    expect(ocrChildren()).not.toContain(before);
    expect((await engine.recognise(photo, long())).text).toContain('DUPOND');
    expect(reasons).toContain('failed');
  });

  it('answers a crash of the child with a retryable error, and reads the next image', async () => {
    await engine.recognise(photo, long());
    const [child] = ocrChildren();
    const reading = engine.recognise(photo, long()).catch((e) => e);
    await sleep(20);
    process.kill(child!, 'SIGKILL');
    const err = await reading;
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).message).toContain('SIGKILL');
    expect((await engine.recognise(photo, long())).text).toContain('DUPOND');
  });

  it('refuses PDFs and, once closed, everything; its child is gone', async () => {
    const pdf = { bytes: new Uint8Array(4), mime: 'application/pdf', filename: 'a.pdf' };
    await expect(engine.recognise(pdf)).rejects.toThrow('images only');
    await engine.close();
    expect(ocrChildren()).toEqual([]);
    await expect(engine.recognise(photo)).rejects.toThrow('closed');
  });
});

describe('recycling the OCR child', () => {
  it('replaces a child larger than the bound after its image', async () => {
    const { reasons, logger } = recorder();
    const engine = createTesseractProcessEngine({ ...logger, recycleRssMb: 1 });
    try {
      await engine.recognise(photo, long());
      expect(reasons).toEqual(['recycled']);
      await waitFor(() => ocrChildren().length === 0);
      expect(ocrChildren()).toEqual([]);
      expect((await engine.recognise(photo, long())).text).toContain('DUPOND');
      expect(reasons).toEqual(['recycled', 'recycled']);
    } finally {
      await engine.close();
    }
  });

  it('stops an idle child, and starts one again for the next image', async () => {
    const { reasons, logger } = recorder();
    const engine = createTesseractProcessEngine({ ...logger, idleMs: 100 });
    try {
      await engine.recognise(photo, long());
      expect(ocrChildren()).toHaveLength(1);
      await waitFor(() => ocrChildren().length === 0);
      expect(reasons).toEqual(['idle']);
      expect((await engine.recognise(photo, long())).text).toContain('DUPOND');
    } finally {
      await engine.close();
    }
  });
});
