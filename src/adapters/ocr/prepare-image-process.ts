/**
 * Image preparation (prepare-image.ts) in a child process, one per image: the native decoder
 * may crash on a damaged file, and a crash must end that image's reading with a finding, never
 * the service. The child has a time limit and its own process group (a terminal's Ctrl-C stops
 * the service, which then lets the child finish). About 0.1 s of start-up, against seconds of
 * OCR per image.
 *
 * The child runs the compiled `dist/src/adapters/ocr/prepare-image-child.js`, found from the
 * package root, so the same code works from `dist/` and under jest (the `pretest` script builds).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import type { PrepareRequest, PrepareResponse } from './prepare-image-child.js';
import type { PreparedImage } from './prepare-image.js';

export type IsolatedPrepareResult =
  /** `prepared` null: the decoder refused the file (damaged, or a format it does not read). */
  | { ok: true; prepared: PreparedImage | null }
  | { ok: false; failure: 'crashed' | 'timeout'; detail: string };

export interface PrepareInChildOptions {
  timeoutMs: number;
  /** Compiled child entry; defaults to `dist/src/adapters/ocr/prepare-image-child.js`. */
  childPath?: string;
}

export function defaultPrepareChildPath(): string {
  return join(packageRoot(), 'dist', 'src', 'adapters', 'ocr', 'prepare-image-child.js');
}

export function prepareImageInChild(
  bytes: Uint8Array,
  options: PrepareInChildOptions,
): Promise<IsolatedPrepareResult> {
  const childPath = options.childPath ?? defaultPrepareChildPath();
  if (!existsSync(childPath)) {
    return Promise.reject(new Error(`image preparation not built: ${childPath} is missing`));
  }
  return new Promise((resolve) => {
    const child = fork(childPath, [], {
      serialization: 'advanced',
      // gc between decoding and preparing (prepare-image.ts); no inherited flags (jest's)
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      detached: true,
    });
    let settled = false;
    const settle = (result: IsolatedPrepareResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ ok: false, failure: 'timeout', detail: `${options.timeoutMs} ms` });
    }, options.timeoutMs);
    child.once('message', (message: PrepareResponse) => {
      settle({ ok: true, prepared: message.prepared });
    });
    child.once('error', (err) => settle({ ok: false, failure: 'crashed', detail: err.name }));
    // 'close' comes after the IPC channel is drained: a reply sent before exiting is seen first
    child.once('close', (code, signal) => {
      settle({ ok: false, failure: 'crashed', detail: signal ?? `exit ${code}` });
    });
    const request: PrepareRequest = { bytes };
    child.send(request);
  });
}
