/**
 * Child-process entry of the PDF reader pool (pdf-reader.ts, ../ipc-child.ts): a long-lived
 * process that loads pdfjs once and extracts one file per request, so a slow or hostile PDF
 * never blocks nor swells the service and can be stopped by killing the process. Loaded from
 * `dist/` (compiled JS).
 *
 * Protocol (IPC messages): the child sends `{ ready: true }` once pdfjs is loaded, then answers
 * each request with its id; log records may come in between. It exits when its parent is gone.
 */
import type { PdfRenderResult } from './pdf-render.js';
import type { PdfLogger, PdfTextResult } from './pdf-text.js';

export interface PdfWorkerRequest {
  id: number;
  /** A copy (structured clone): the child owns it. */
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

const send = process.send?.bind(process);
if (!send) throw new Error('pdf-worker.js must be started as a child process with IPC');
// An orphan (the service killed) has nothing left to do.
process.on('disconnect', () => process.exit(0));

// pdfjs inflates streams with DecompressionStream (node:zlib) when it exists; its own JS inflate
// is as fast for quote-sized files (kept from the thread pool, where terminating a thread while
// a zlib handle was being set up aborted the whole process).
Reflect.deleteProperty(globalThis, 'DecompressionStream');
const { extractPdfText } = await import('./pdf-text.js');
const { renderPdfPage } = await import('./pdf-render.js');

function post(message: PdfWorkerResponse): void {
  if (process.connected) send?.(message);
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
  // A Buffer arrives as a Buffer, which pdfjs refuses: a plain view of the same bytes
  const { buffer, byteOffset, byteLength } = request.bytes;
  const bytes = new Uint8Array(buffer, byteOffset, byteLength);
  if (request.render) return renderPdfPage(bytes, { ...request.render, transferBytes: true });
  return extractPdfText(bytes, { transferBytes: true, logger });
}

process.on('message', (request: PdfWorkerRequest) => {
  handle(request).then(
    (result) => post({ id: request.id, result }),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      post({ id: request.id, bug: { name: e.name, message: e.message, stack: e.stack } });
    },
  );
});
post({ ready: true });
