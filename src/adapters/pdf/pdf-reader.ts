/**
 * PDF text extraction out of the caller's process: a small pool of long-lived child processes
 * (ipc-child.ts; pdfjs loaded once per child, reused across files), one file per child at a
 * time, each request with a time limit. On expiry the child is killed (a fresh one starts with
 * the next request) and the request answers `timeout`: a file can never hang the caller, and
 * what pdfjs allocates for it is never the caller's memory.
 *
 * Before a file reaches a worker, its streams are decoded only to count bytes (pdf-streams.ts):
 * a decompression bomb is answered `decompression_bomb` without pdfjs ever inflating it.
 *
 * The worker runs the compiled `dist/src/adapters/pdf/pdf-worker.js`, found from the package
 * root, so the same code works from `dist/` and under jest (the `pretest` script builds).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { spawnIpcChild, type IpcChild } from '../ipc-child.js';
import type { PdfRenderResult } from './pdf-render.js';
import { inspectPdfStreams, type StreamInspection } from './pdf-streams.js';
import type { PdfFailureKind, PdfLogger, PdfTextResult } from './pdf-text.js';
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-worker.js';

export type { PdfLogger, PdfTextResult } from './pdf-text.js';
export type { PdfRenderResult } from './pdf-render.js';

/** Failures of the pool itself: time limit, worker gone, or a bomb refused before reading. */
type PoolFailure = {
  ok: false;
  failure: 'timeout' | 'worker_crashed' | 'decompression_bomb';
  errorName: string;
};

export type PdfReadFailureKind = PdfFailureKind | PoolFailure['failure'];

export type PdfReadResult = PdfTextResult | PoolFailure;

export type PdfPageImageResult = PdfRenderResult | PoolFailure;

export interface PdfReader {
  /** Extracts the text layer; `bytes` is copied, never detached. Rejects only on bugs. */
  read(bytes: Uint8Array, options: { timeoutMs: number }): Promise<PdfReadResult>;
  /** Renders one page (1-based) to a grayscale PNG, for OCR. Same pool, limits and copy rule. */
  renderPage(
    bytes: Uint8Array,
    options: { page: number; dpi: number; timeoutMs: number },
  ): Promise<PdfPageImageResult>;
  /** Starts one worker now (it loads pdfjs), so that the first file does not wait for it. */
  warm(): void;
  /** Terminates the workers; pending requests reject. Idempotent. */
  close(): Promise<void>;
}

export interface PdfReaderOptions {
  /** Child processes, each reading one file at a time (default 1). */
  poolSize?: number;
  logger?: PdfLogger;
  /** V8 heap cap per child (default 256 MB): a runaway file crashes its child only. */
  maxHeapMb?: number;
  /** Compiled worker file; defaults to `dist/src/adapters/pdf/pdf-worker.js` under the root. */
  workerPath?: string;
}

type JobResult = PdfReadResult | PdfPageImageResult;

type PdfChild = IpcChild<PdfWorkerRequest>;

interface Job {
  id: number;
  bytes: Uint8Array;
  render?: { page: number; dpi: number };
  timeoutMs: number;
  resolve: (result: JobResult) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  index: number;
  worker: PdfChild | null;
  /** The worker has loaded pdfjs: a request's time limit covers reading only. */
  ready: boolean;
  job: Job | null;
}

/** Allowance for a fresh worker to load pdfjs before a request's own time limit starts. */
const STARTUP_LIMIT_MS = 15_000;

export function defaultWorkerPath(): string {
  return join(packageRoot(), 'dist', 'src', 'adapters', 'pdf', 'pdf-worker.js');
}

export function createPdfReader(options: PdfReaderOptions = {}): PdfReader {
  const workerPath = options.workerPath ?? defaultWorkerPath();
  if (!existsSync(workerPath)) {
    throw new Error(`PDF worker not built: ${workerPath} is missing (run \`npm run build\`)`);
  }
  const logger = options.logger;
  const poolSize = Math.max(1, Math.floor(options.poolSize ?? 1));
  const slots: Slot[] = Array.from({ length: poolSize }, (_, index) => ({
    index,
    worker: null,
    ready: false,
    job: null,
  }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  // The pages of one file are rendered one request each: its streams are counted once.
  const inspections = new WeakMap<Uint8Array, Promise<StreamInspection>>();

  function finish(slot: Slot, outcome: JobResult | Error): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    slot.job = null;
    slot.worker?.setBusy(false);
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    dispatch();
  }

  function onMessage(slot: Slot, worker: PdfChild, msg: PdfWorkerResponse): void {
    if ('log' in msg) {
      logger?.[msg.log.level]({ ...msg.log.obj, worker: slot.index }, msg.log.msg);
      return;
    }
    if (slot.worker !== worker) return;
    if ('ready' in msg) {
      slot.ready = true;
      if (slot.job) startTimer(slot, slot.job, slot.job.timeoutMs);
      return;
    }
    if (slot.job?.id !== msg.id) return;
    if ('bug' in msg) {
      const err = new Error(`pdf worker: ${msg.bug.name}: ${msg.bug.message}`);
      err.stack = msg.bug.stack ?? err.stack;
      finish(slot, err);
    } else {
      finish(slot, msg.result);
    }
  }

  function onGone(slot: Slot, worker: PdfChild, errorName: string): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    if (slot.job && !closed) {
      logger?.warn({ worker: slot.index, errorName }, 'pdf worker stopped during a read');
      finish(slot, { ok: false, failure: 'worker_crashed', errorName });
    }
  }

  function spawn(slot: Slot): PdfChild {
    const worker: PdfChild = spawnIpcChild<PdfWorkerRequest, PdfWorkerResponse>(workerPath, {
      maxHeapMb: options.maxHeapMb ?? 256,
      onMessage: (msg) => onMessage(slot, worker, msg),
      onGone: (reason) => onGone(slot, worker, reason),
      onOutput: (output) => logger?.debug({ worker: slot.index, output }, 'pdf worker output'),
    });
    logger?.debug({ worker: slot.index }, 'pdf worker started');
    return worker;
  }

  function startTimer(slot: Slot, job: Job, ms: number): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => onTimeout(slot, job), ms);
  }

  function onTimeout(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    const worker = slot.worker;
    slot.worker = null;
    worker?.kill();
    logger?.warn({ worker: slot.index, timeoutMs: job.timeoutMs }, 'pdf read timed out');
    finish(slot, { ok: false, failure: 'timeout', errorName: 'Timeout' });
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (closed || queue.length === 0) return;
      if (slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      if (!slot.worker) {
        slot.worker = spawn(slot);
        slot.ready = false;
      }
      slot.worker.setBusy(true);
      startTimer(slot, job, slot.ready ? job.timeoutMs : job.timeoutMs + STARTUP_LIMIT_MS);
      const request: PdfWorkerRequest = { id: job.id, bytes: job.bytes };
      if (job.render) request.render = job.render;
      slot.worker.send(request);
    }
  }

  function inspect(bytes: Uint8Array, timeoutMs: number): Promise<StreamInspection> {
    let inspection = inspections.get(bytes);
    if (!inspection) {
      inspection = inspectPdfStreams(bytes, { deadlineMs: timeoutMs });
      inspections.set(bytes, inspection);
    }
    return inspection;
  }

  async function enqueue(
    bytes: Uint8Array,
    timeoutMs: number,
    render?: Job['render'],
  ): Promise<JobResult> {
    if (closed) throw new Error('PDF reader is closed');
    const inspection = await inspect(bytes, timeoutMs);
    if (!inspection.ok) {
      const { reason, streams, decodedBytes } = inspection;
      logger?.warn({ reason, streams, decodedBytes, sizeBytes: bytes.length }, 'pdf refused');
      return reason === 'timeout'
        ? { ok: false, failure: 'timeout', errorName: 'Timeout' }
        : { ok: false, failure: 'decompression_bomb', errorName: 'DecompressionBomb' };
    }
    if (closed) throw new Error('PDF reader is closed');
    return new Promise<JobResult>((resolve, reject) => {
      // Sent as a copy (structured clone): the caller's bytes stay untouched.
      const job: Job = { id: nextId++, bytes, timeoutMs, resolve, reject };
      if (render) job.render = render;
      queue.push(job);
      dispatch();
    });
  }

  return {
    read(bytes, { timeoutMs }) {
      return enqueue(bytes, timeoutMs) as Promise<PdfReadResult>;
    },
    renderPage(bytes, { page, dpi, timeoutMs }) {
      return enqueue(bytes, timeoutMs, { page, dpi }) as Promise<PdfPageImageResult>;
    },
    warm() {
      const slot = slots[0];
      if (closed || !slot || slot.worker) return;
      slot.worker = spawn(slot);
      slot.ready = false;
      slot.worker.setBusy(false);
    },
    async close() {
      closed = true;
      const stopped = new Error('PDF reader closed before the read finished');
      for (const job of queue.splice(0)) job.reject(stopped);
      const terminations: Promise<void>[] = [];
      for (const slot of slots) {
        if (slot.job) {
          clearTimeout(slot.job.timer);
          slot.job.reject(stopped);
          slot.job = null;
        }
        if (slot.worker) {
          slot.worker.kill();
          terminations.push(slot.worker.exited);
        }
        slot.worker = null;
      }
      await Promise.all(terminations);
    },
  };
}
