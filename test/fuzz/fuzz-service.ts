/**
 * The real service for the fuzz suite: `mdso serve` as its own process on a test database, with
 * its SMTP listener and HTTP server (Brevo webhook) on 127.0.0.1, a fake Brevo API serving the
 * webhook's attachments, the outbox transport in a temporary folder, no registry. Its peak
 * memory and that of its children are watched the whole time; its error log lines are kept.
 * Needs the build (`npm test` builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransport, type Transporter } from 'nodemailer';
import { startFakeHttp, type FakeHttp } from '../support/fake-http.js';
import { freePort } from '../support/free-port.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { DOMAIN } from './mail-variations.js';
import { watchPeakRss, type PeakRss } from './peak-rss.js';

const bin = fileURLToPath(new URL('../../bin/mdso.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export const WEBHOOK_TOKEN = 'jeton-fuzz';
/** The per-file read limit the service runs with: the default of src/config.ts. */
export const FILE_READ_TIMEOUT_MS = 20_000;

export interface FuzzService {
  database: TestDatabase;
  /** Bytes served at `GET /v3/inbound/attachments/<token>` by the fake Brevo API. */
  attachments: Map<string, Buffer>;
  sendSmtp(raw: Buffer, from: string): Promise<{ code: number; response: string }>;
  postWebhook(body: unknown): Promise<{ status: number; text: string }>;
  /** Waits until no received mail and no quote check is left to process. */
  waitIdle(timeoutMs: number): Promise<{ inbound: string[]; checks: string[] }>;
  /** Log lines of level error or fatal (a human must act). */
  errorLogs: string[];
  peak(): PeakRss;
  /** Stops the service (SIGTERM), drops the database; returns the peaks and the exit code. */
  stop(): Promise<{ peak: PeakRss; exitCode: number | null }>;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${seen}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${seen}`)));
  });
}

function keepErrorLines(child: ChildProcess, into: string[]): void {
  let pending = '';
  const onData = (chunk: Buffer): void => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const level = /"level":(\d+)/u.exec(line)?.[1];
      if (level && Number(level) >= 50) into.push(line.slice(0, 2000));
      else if (!level && /Error|fatal|Segmentation|abort/iu.test(line))
        into.push(line.slice(0, 2000));
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
}

export async function startFuzzService(args: string[] = []): Promise<FuzzService> {
  const database = await createTestDatabase();
  const attachments = new Map<string, Buffer>();
  const brevo: FakeHttp = await startFakeHttp({
    'GET /v3/inbound/attachments/': (req) => {
      const body = attachments.get(req.path.split('/').pop() ?? '');
      return body
        ? { body, headers: { 'content-type': 'application/octet-stream' } }
        : { status: 404, body: { code: 'not_found' } };
    },
  });
  const outbox = await mkdtemp(join(tmpdir(), 'mdso-fuzz-outbox-'));
  const [httpPort, smtpPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['MDSO_FUZZ_LOG_LEVEL'] ?? 'warn',
    DATABASE_URL: database.url,
    PORT: String(httpPort),
    SMTP_PORT: String(smtpPort),
    INBOUND_MAIL_DOMAIN: DOMAIN,
    INBOUND_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    MDSO_INBOUND_DAILY_QUOTA: '100000',
    BREVO_API_KEY: 'cle-fuzz',
    BREVO_API_BASE_URL: `${brevo.url}/v3`,
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: outbox,
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
    MDSO_FILE_READ_TIMEOUT_MS: String(FILE_READ_TIMEOUT_MS),
    MDSO_RETRY_BASE_MS: '200',
    MDSO_WORKER_POLL_MS: '2000',
  };
  // MDSO_FUZZ_NODE_ARGS="--trace-gc …": node flags for the service, to study a failure
  const nodeArgs = (process.env['MDSO_FUZZ_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve', ...args], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  const errorLogs: string[] = [];
  keepErrorLines(child, errorLogs);
  // MDSO_FUZZ_LOG=<file>: the service's whole output, to study a failure
  const logFile = process.env['MDSO_FUZZ_LOG'];
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  try {
    await waitForOutput(child, /prêt/u, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    await brevo.close();
    await database.drop();
    throw err;
  }
  const watcher = watchPeakRss(child.pid!);
  const smtp: Transporter = createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const webhookUrl = `http://127.0.0.1:${httpPort}/api/v1/quote_checks/from_brevo_email`;
  const db = database.knex;
  let stopping: Promise<{ peak: PeakRss; exitCode: number | null }> | undefined;

  return {
    database,
    attachments,
    errorLogs,
    async sendSmtp(raw, from) {
      try {
        const info = await smtp.sendMail({ envelope: { from, to: [`devis@${DOMAIN}`] }, raw });
        const response = String(info.response ?? '');
        return { code: Number(response.slice(0, 3)), response };
      } catch (err) {
        const e = err as { responseCode?: number; message: string };
        return { code: e.responseCode ?? 0, response: e.message };
      }
    },
    async postWebhook(body) {
      const res = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_TOKEN}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    async waitIdle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const inbound = (await db('inbound_emails')
          .whereIn('status', ['received', 'replying'])
          .pluck('id')) as string[];
        const checks = (await db('quote_checks')
          .whereNot('stage', 'final')
          .pluck('id')) as string[];
        if ((inbound.length === 0 && checks.length === 0) || Date.now() > deadline)
          return { inbound, checks };
        if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode})`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    peak: () => watcher.peek(),
    stop() {
      stopping ??= stopService();
      return stopping;
    },
  };

  async function stopService(): Promise<{ peak: PeakRss; exitCode: number | null }> {
    smtp.close();
    const peak = watcher.stop();
    const exited = new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', resolve);
    });
    child.kill('SIGTERM');
    const exitCode = await Promise.race([
      exited,
      new Promise<null>((r) => setTimeout(() => r(null), 30_000)),
    ]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await brevo.close();
    await database.drop();
    await rm(outbox, { recursive: true, force: true });
    return { peak, exitCode };
  }
}
