import { packageRoot } from '../../../src/package-root.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createPdfReader,
  defaultWorkerPath,
  type PdfReader,
} from '../../../src/adapters/pdf/pdf-reader.js';
import { fixture } from './build-pdf.js';

const LONG_TIMEOUT_MS = 20_000;

describe('createPdfReader', () => {
  let reader: PdfReader;

  beforeAll(() => {
    reader = createPdfReader({ poolSize: 2 });
  });

  afterAll(async () => {
    await reader.close();
  });

  it('finds the compiled worker from the package root', () => {
    expect(existsSync(join(packageRoot(), 'package.json'))).toBe(true);
    expect(defaultWorkerPath()).toMatch(/dist[/\\]src[/\\]adapters[/\\]pdf[/\\]pdf-worker\.js$/u);
  });

  it('reads files in child processes without detaching the caller’s bytes', async () => {
    const bytes = fixture('Devis_multi_pages.pdf');
    const result = await reader.read(bytes, { timeoutMs: LONG_TIMEOUT_MS });
    expect(result).toMatchObject({ ok: true, pageCount: 2 });
    expect(bytes.byteLength).toBe(12399);
  });

  it('serves concurrent requests and answers each with its own file', async () => {
    const names = ['Devis_test.pdf', 'dev-02.pdf', 'Devis_multi_pages.pdf'];
    const results = await Promise.all(
      names.map((n) => reader.read(fixture(n), { timeoutMs: LONG_TIMEOUT_MS })),
    );
    expect(results.map((r) => (r.ok ? r.pageCount : r.failure))).toEqual([1, 2, 2]);
  });

  it('answers a timeout, terminates the worker and stays usable', async () => {
    const slow = fixture('dev-13-29-pages.pdf');
    const [timedOut, other] = await Promise.all([
      reader.read(slow, { timeoutMs: 1 }),
      reader.read(slow, { timeoutMs: 1 }),
    ]);
    expect(timedOut).toEqual({ ok: false, failure: 'timeout', errorName: 'Timeout' });
    expect(other).toMatchObject({ ok: false, failure: 'timeout' });
    const after = await reader.read(fixture('Devis_test.pdf'), { timeoutMs: LONG_TIMEOUT_MS });
    expect(after).toMatchObject({ ok: true, pageCount: 1 });
  });

  // its speed is a benchmark's business (`npm run bench -- pdf`: warm 30-page check), not a test's
  it('reads a 29-page file, again and again, in a warm worker', async () => {
    const bytes = fixture('dev-13-29-pages.pdf');
    for (let run = 0; run < 3; run += 1) {
      const result = await reader.read(bytes, { timeoutMs: LONG_TIMEOUT_MS });
      expect(result).toMatchObject({ ok: true, pageCount: 29 });
    }
  });

  it('answers worker_crashed when a child runs out of memory (V8 aborts it)', async () => {
    const starved = createPdfReader({ maxHeapMb: 4 });
    try {
      const result = await starved.read(fixture('Devis_test.pdf'), { timeoutMs: LONG_TIMEOUT_MS });
      expect(result).toEqual({
        ok: false,
        failure: 'worker_crashed',
        errorName: 'SIGABRT',
      });
    } finally {
      await starved.close();
    }
  });

  it('rejects reads after close', async () => {
    const closing = createPdfReader();
    await closing.read(fixture('Devis_test.pdf'), { timeoutMs: LONG_TIMEOUT_MS });
    await closing.close();
    await closing.close();
    await expect(
      closing.read(fixture('Devis_test.pdf'), { timeoutMs: LONG_TIMEOUT_MS }),
    ).rejects.toThrow(/closed/u);
  });

  it('refuses to start without a built worker', () => {
    expect(() => createPdfReader({ workerPath: '/nonexistent/pdf-worker.js' })).toThrow(
      /npm run build/u,
    );
  });
});
