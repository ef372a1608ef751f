/**
 * Worker-thread entry of the PDF reader pool (pdf-reader.ts): a long-lived thread that loads
 * pdfjs once and extracts one file per request, so a slow or hostile PDF never blocks the main
 * thread and can be stopped by terminating the thread. Loaded from `dist/` (compiled JS).
 *
 * Protocol: the worker posts `{ ready: true }` once pdfjs is loaded, then answers each request
 * with its id; log records may come in between.
 */
import { parentPort } from 'node:worker_threads';
import type { PdfRenderResult } from './pdf-render.js';
import type { PdfLogger, PdfTextResult } from './pdf-text.js';

export interface PdfWorkerRequest {
  id: number;
  /** Transferred to the worker: the sender must not reuse it. */
  bytes: Uint8Array;
  /** Render this page to a grayscale PNG instead of extracting the text layer. */
  render?: { page: number; dpi: number };
}

export type PdfLogLevel = keyof PdfLogger;

export type PdfWorkerResponse =
  | { ready: true }
  | { id: number; result: PdfTextResult | PdfRenderResult }
  /** A log record for the main thread's logger (ids, pages, error names: never text). */
  | { log: { level: PdfLogLevel; obj: object; msg?: string } }
  /** A bug in our code (not a bad file): the reader rejects the request with it. */
  | { id: number; bug: { name: string; message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('pdf-worker.js must be started as a worker thread');

// pdfjs inflates streams with DecompressionStream (node:zlib) when it exists. Terminating a
// worker while a zlib handle is being set up aborts the whole process (node_zlib.cc "close
// before init"), and timeouts terminate workers: make pdfjs use its own JS inflate instead,
// which is as fast for quote-sized files.
Reflect.deleteProperty(globalThis, 'DecompressionStream');
const { extractPdfText } = await import('./pdf-text.js');
const { renderPdfPage } = await import('./pdf-render.js');

function post(message: PdfWorkerResponse): void {
  port?.postMessage(message);
}

function relay(level: PdfLogLevel): (obj: object, msg?: string) => void {
  return (obj, msg) => post({ log: { level, obj, msg } });
}

const logger: PdfLogger = {
  debug: relay('debug'),
  info: relay('info'),
  warn: relay('warn'),
  error: relay('error'),
};

function handle(request: PdfWorkerRequest): Promise<PdfTextResult | PdfRenderResult> {
  if (request.render) {
    return renderPdfPage(request.bytes, { ...request.render, transferBytes: true });
  }
  return extractPdfText(request.bytes, { transferBytes: true, logger });
}

port.on('message', (request: PdfWorkerRequest) => {
  handle(request).then(
    (result) => post({ id: request.id, result }),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      post({ id: request.id, bug: { name: e.name, message: e.message, stack: e.stack } });
    },
  );
});
post({ ready: true });
