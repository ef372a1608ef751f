/**
 * A long-lived reading process (the PDF reader's pool, the local OCR): a compiled entry forked
 * as a child with a heap cap, messages as structured clones. A child process, not a worker
 * thread: its memory is its own (a file that makes pdfjs or tesseract allocate hundreds of
 * megabytes costs this child, never the service, is measured apart and is given back when the
 * child ends), and an out-of-memory abort or a native crash ends it alone. It has its own
 * process group (a terminal's Ctrl-C stops the service, which then lets the read finish) and
 * its entry exits when its parent is gone.
 */
import { fork, type Serializable } from 'node:child_process';

export interface IpcChildOptions<Response> {
  /** V8 heap cap of the child, in MB. */
  maxHeapMb: number;
  onMessage(message: Response): void;
  /** The child ended (crash, kill, exit), with what ended it: `SIGKILL`, `exit 134`… */
  onGone(reason: string): void;
  /** Its stdout and stderr, a chunk at a time (library warnings, a fatal error's message). */
  onOutput(text: string): void;
}

export interface IpcChild<Request extends Serializable> {
  send(request: Request): void;
  /** Stops the child at once (SIGKILL); `exited` resolves when it is gone. */
  kill(): void;
  /** While busy the child keeps the caller's process alive; idle, it lets it exit. */
  setBusy(busy: boolean): void;
  exited: Promise<void>;
}

export function spawnIpcChild<Request extends Serializable, Response>(
  path: string,
  options: IpcChildOptions<Response>,
): IpcChild<Request> {
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
  child.on('message', (message: Response) => options.onMessage(message));
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
