/**
 * Local OCR out of the service's process: tesseract.js runs in one long-lived child process
 * (tesseract-js-child.ts over ipc-child.ts). Its WebAssembly memory grows with the largest
 * image it has read and never shrinks; in the service it stayed for good (the fuzz suite saw
 * the service pass 480 MB). Here it is given back: the child is recycled when it reports a
 * resident size above `recycleRssMb` after an image, and stopped when idle for `idleMs` (the
 * next image starts a fresh one, about half a second to load the model). A time limit now really
 * stops a recognition: the child is killed.
 *
 * Images are recognised one after the other, as by the in-process engine.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UpstreamError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import { spawnIpcChild, type IpcChild } from '../ipc-child.js';
import type { OcrEngine, OcrLogger, OcrResult } from './ocr-engine.js';
import type { OcrChildRequest, OcrChildResponse } from './tesseract-js-child.js';

export interface TesseractProcessOptions {
  logger?: OcrLogger;
  /** A child above this resident size after an image is replaced (default 300 MB). */
  recycleRssMb?: number;
  /** An idle child is stopped after this long (default 60 s). */
  idleMs?: number;
  /** Compiled child entry; defaults to `dist/src/adapters/ocr/tesseract-js-child.js`. */
  childPath?: string;
}

const ADAPTER = 'tesseract.js';
/** Allowance for a fresh child to load the model, on top of the image's own time limit. */
const STARTUP_LIMIT_MS = 30_000;

export function defaultOcrChildPath(): string {
  return join(packageRoot(), 'dist', 'src', 'adapters', 'ocr', 'tesseract-js-child.js');
}

type Answer = { text: string; rssBytes: number } | { error: Error };

interface Child {
  process: IpcChild<OcrChildRequest>;
  ready: Promise<void>;
  /** The request waiting for its answer, if any. */
  pending: { id: number; settle(answer: Answer): void } | null;
}

function failed(message: string, cause?: unknown): UpstreamError {
  return new UpstreamError(ADAPTER, message, { retryable: true, cause });
}

export function createTesseractProcessEngine(options: TesseractProcessOptions = {}): OcrEngine {
  const { logger } = options;
  const childPath = options.childPath ?? defaultOcrChildPath();
  if (!existsSync(childPath)) {
    throw new Error(`OCR child not built: ${childPath} is missing (run \`npm run build\`)`);
  }
  const recycleRssBytes = (options.recycleRssMb ?? 300) * 1024 * 1024;
  const idleMs = options.idleMs ?? 60_000;
  let child: Child | null = null;
  let idleTimer: NodeJS.Timeout | undefined;
  let turn: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let closed = false;

  function stopChild(reason: string): Promise<void> {
    const current = child;
    child = null;
    clearTimeout(idleTimer);
    if (!current) return Promise.resolve();
    logger?.debug({ reason }, 'ocr child stopped');
    current.process.kill();
    return current.process.exited;
  }

  function spawn(): Child {
    let markReady: () => void = () => undefined;
    let markFailed: (err: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => undefined);
    const created: Child = {
      ready,
      pending: null,
      process: spawnIpcChild<OcrChildRequest, OcrChildResponse>(childPath, {
        maxHeapMb: 256,
        onMessage(msg) {
          if ('log' in msg) logger?.[msg.log.level](msg.log.obj, msg.log.msg);
          else if ('ready' in msg) markReady();
          else if (created.pending?.id === msg.id) {
            const { settle } = created.pending;
            created.pending = null;
            if ('failure' in msg) {
              const err = new Error(`tesseract.js: ${msg.failure.message}`);
              err.name = msg.failure.name;
              settle({ error: err });
            } else settle({ text: msg.text, rssBytes: msg.rssBytes });
          }
        },
        onGone(reason) {
          if (child === created) child = null;
          markFailed(failed(`OCR local arrêté (${reason})`));
          created.pending?.settle({
            error: failed(`OCR local arrêté pendant la lecture (${reason})`),
          });
          created.pending = null;
        },
        onOutput: (output) => logger?.debug({ output }, 'ocr child output'),
      }),
    };
    logger?.debug({}, 'ocr child started');
    return created;
  }

  async function recogniseInChild(
    bytes: Uint8Array,
    mime: string,
    filename: string,
    signal?: AbortSignal,
  ): Promise<OcrResult> {
    if (signal?.aborted) throw failed('OCR local interrompu (délai dépassé)', signal.reason);
    clearTimeout(idleTimer);
    child ??= spawn();
    const current = child;
    current.process.setBusy(true);
    let onAbort: (() => void) | undefined;
    try {
      const answer = await new Promise<Answer>((resolve) => {
        const startup = setTimeout(
          () => resolve({ error: failed('OCR local : le modèle ne s’est pas chargé à temps') }),
          STARTUP_LIMIT_MS,
        );
        onAbort = () =>
          resolve({ error: failed('OCR local interrompu (délai dépassé)', signal?.reason) });
        signal?.addEventListener('abort', onAbort, { once: true });
        current.ready.then(
          () => {
            clearTimeout(startup);
            const id = nextId++;
            current.pending = { id, settle: resolve };
            current.process.send({ id, bytes, mime, filename });
          },
          (err: Error) => {
            clearTimeout(startup);
            resolve({ error: err });
          },
        );
      });
      if ('error' in answer) {
        // Timed out, crashed or failed: the child is dropped with whatever it was doing.
        if (child === current) await stopChild('failed');
        throw answer.error;
      }
      if (answer.rssBytes > recycleRssBytes) {
        logger?.debug({ rssMb: Math.round(answer.rssBytes / 2 ** 20) }, 'ocr child too large');
        await stopChild('recycled');
      }
      return { text: answer.text };
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (child === current) {
        current.process.setBusy(false);
        idleTimer = setTimeout(() => void stopChild('idle'), idleMs);
        idleTimer.unref();
      }
    }
  }

  return {
    name: ADAPTER,
    accepts: { pdf: false, images: true },
    recognise(input, opts = {}) {
      if (closed) return Promise.reject(new Error('OCR engine is closed'));
      if (!input.mime.startsWith('image/')) {
        return Promise.reject(new Error(`tesseract.js reads images only, not ${input.mime}`));
      }
      const run = turn.then(() =>
        recogniseInChild(input.bytes, input.mime, input.filename, opts.signal),
      );
      turn = run.catch(() => undefined);
      return run;
    },
    async close() {
      closed = true;
      await stopChild('closed');
    },
  };
}
