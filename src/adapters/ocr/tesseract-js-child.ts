/**
 * Child-process entry of the local OCR (tesseract-js-process.ts): tesseract.js and its French
 * model live here, so the WebAssembly memory a large image makes tesseract grow (it never
 * shrinks) is this child's, given back when the service recycles it. Loaded from `dist/`.
 *
 * Protocol (IPC messages): `{ ready: true }` once the model is loaded, then one answer per
 * request with its id and this process's resident size. It exits when its parent is gone.
 */
import { createTesseractJsEngine } from './tesseract-js.js';
import type { OcrLogger } from './ocr-engine.js';

export interface OcrChildRequest {
  id: number;
  bytes: Uint8Array;
  mime: string;
  filename: string;
}

export type OcrChildResponse =
  | { ready: true }
  | { id: number; text: string; rssBytes: number }
  | { id: number; failure: { name: string; message: string }; rssBytes: number }
  /** A log record for the service's logger (durations, error names: never text). */
  | { log: { level: keyof OcrLogger; obj: object; msg?: string } };

const send = process.send?.bind(process);
if (!send) throw new Error('tesseract-js-child.js must be started as a child process with IPC');
process.on('disconnect', () => process.exit(0));

function post(message: OcrChildResponse): void {
  if (process.connected) send?.(message);
}

function relay(level: keyof OcrLogger): (obj: object, msg?: string) => void {
  return (obj, msg) => post({ log: { level, obj, msg } });
}

const logger: OcrLogger = {
  debug: relay('debug'),
  info: relay('info'),
  warn: relay('warn'),
  error: relay('error'),
};

const engine = createTesseractJsEngine({ logger });
// Load the model now: the first image's time limit then covers its recognition only.
await engine.warm();

// One request at a time: the service sends the next one after the answer.
process.on('message', (request: OcrChildRequest) => {
  const { buffer, byteOffset, byteLength } = request.bytes;
  const bytes = new Uint8Array(buffer, byteOffset, byteLength);
  engine.recognise({ bytes, mime: request.mime, filename: request.filename }).then(
    ({ text }) => post({ id: request.id, text, rssBytes: process.memoryUsage.rss() }),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      post({
        id: request.id,
        failure: { name: e.name, message: e.message },
        rssBytes: process.memoryUsage.rss(),
      });
    },
  );
});
post({ ready: true });
