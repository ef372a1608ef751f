/**
 * One PDF reading process of the pool (pdf-reader.ts): the compiled pdf-worker.js forked as a
 * child with a heap cap, messages as structured clones. A child process, not a worker thread:
 * its memory is its own (a file that makes pdfjs allocate hundreds of megabytes costs this
 * child, never the service, and is measured apart), and an out-of-memory abort or a native crash
 * ends it alone. It has its own process group (a terminal's Ctrl-C stops the service, which then
 * lets the read finish) and exits when its parent is gone.
 */
import { fork } from 'node:child_process';
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-worker.js';

export interface PdfChildOptions {
  /** V8 heap cap of the child, in MB. */
  maxHeapMb: number;
  onMessage(message: PdfWorkerResponse): void;
  /** The child ended (crash, kill, exit), with what ended it: `SIGKILL`, `exit 134`… */
  onGone(reason: string): void;
  /** Its stdout and stderr, a chunk at a time (pdfjs warnings, a fatal error's message). */
  onOutput(text: string): void;
}

export interface PdfChild {
  send(request: PdfWorkerRequest): void;
  /** Stops the child at once (SIGKILL); `exited` resolves when it is gone. */
  kill(): void;
  /** While busy the child keeps the caller's process alive; idle, it lets it exit. */
  setBusy(busy: boolean): void;
  exited: Promise<void>;
}

export function spawnPdfChild(path: string, options: PdfChildOptions): PdfChild {
  const child = fork(path, [], {
    serialization: 'advanced',
    // No inherited flags (jest's, a debugger's); young generation small: a child reads one file.
    execArgv: [`--max-old-space-size=${options.maxHeapMb}`, '--max-semi-space-size=4'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => options.onOutput(chunk.toString('utf8').slice(0, 300)));
  }
  let gone = false;
  const report = (reason: string): void => {
    if (gone) return;
    gone = true;
    options.onGone(reason);
  };
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      report(signal ?? `exit ${code}`);
      resolve();
    });
  });
  // Failing to start, or a message to a child that just died (its exit follows).
  child.on('error', (err: NodeJS.ErrnoException) => {
    if (!child.connected) report(err.code ?? err.name);
  });
  child.on('message', (message: PdfWorkerResponse) => options.onMessage(message));
  return {
    send(request) {
      if (child.connected) child.send(request);
    },
    kill() {
      if (gone) return;
      // referenced until it is gone: a caller awaiting `exited` keeps its process alive
      child.ref();
      child.kill('SIGKILL');
    },
    setBusy(busy) {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
    exited,
  };
}
