/**
 * Local OCR with the tesseract command line, when it is installed with the French model: faster
 * than tesseract.js (native code). The image goes in on stdin, TSV (words with their boxes)
 * comes out on stdout: no temporary file. Always one thread per run (`OMP_THREAD_LIMIT=1`,
 * DESIGN.md §10): parallelism comes from running several checks, not from one page.
 */
import { execFile, spawn } from 'node:child_process';
import { UpstreamError } from '../../errors.js';
import { lineFromWords, type OcrEngine, type OcrLogger, type OcrWord } from './ocr-engine.js';

export interface TesseractCliOptions {
  /** Program to run (default `tesseract`, found on PATH). */
  command?: string;
  logger?: OcrLogger;
  /** Page segmentation mode (default 4: one column of text of varying sizes). */
  pageSegMode?: string;
}

const ADAPTER = 'tesseract';
const ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

/** True when `command --list-langs` runs and lists `fra`. */
export function tesseractCliAvailable(command = 'tesseract'): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, ['--list-langs'], { env: ENV, timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) return resolve(false);
      const langs = `${stdout}\n${stderr}`.split(/\r?\n/u).map((l) => l.trim());
      resolve(langs.includes('fra'));
    });
  });
}

/** The text of tesseract's TSV output: its lines in order, column gaps kept as spaces. */
export function textOfTsv(tsv: string): string {
  const lines = new Map<string, OcrWord[]>();
  for (const row of tsv.split(/\r?\n/u).slice(1)) {
    const cols = row.split('\t');
    if (cols[0] !== '5' || cols.length < 12) continue;
    const [, page, block, par, line, , left, top, width, height] = cols;
    const key = `${page}.${block}.${par}.${line}`;
    const words = lines.get(key) ?? [];
    words.push({
      text: cols.slice(11).join('\t'),
      left: Number(left),
      top: Number(top),
      width: Number(width),
      height: Number(height),
    });
    lines.set(key, words);
  }
  return [...lines.values()]
    .map(lineFromWords)
    .filter((l) => l.trim())
    .join('\n');
}

export function createTesseractCliEngine(options: TesseractCliOptions = {}): OcrEngine {
  const command = options.command ?? 'tesseract';
  const psm = options.pageSegMode ?? '4';
  const children = new Set<ReturnType<typeof spawn>>();

  function run(bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, ['stdin', 'stdout', '-l', 'fra', '--psm', psm, 'tsv'], {
        env: ENV,
        stdio: ['pipe', 'pipe', 'pipe'],
        signal,
        // its own process group: a terminal's Ctrl-C stops the service, which lets this page end
        detached: true,
      });
      children.add(child);
      const out: Buffer[] = [];
      let errBytes = 0;
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (errBytes += chunk.length));
      child.stdin.on('error', () => undefined);
      child.on('error', (cause) => {
        children.delete(child);
        const message =
          cause.name === 'AbortError'
            ? 'OCR local interrompu (délai dépassé)'
            : 'OCR local : tesseract ne démarre pas';
        reject(new UpstreamError(ADAPTER, message, { retryable: true, cause }));
      });
      child.on('close', (code, killed) => {
        children.delete(child);
        if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
        if (signal?.aborted) return;
        options.logger?.warn({ code, signal: killed, stderrBytes: errBytes }, 'tesseract failed');
        reject(
          new UpstreamError(ADAPTER, `OCR local : tesseract a échoué (code ${code ?? killed})`, {
            retryable: false,
          }),
        );
      });
      child.stdin.end(Buffer.from(bytes));
    });
  }

  return {
    name: ADAPTER,
    accepts: { pdf: false, images: true },
    async recognise(input, opts = {}) {
      if (!input.mime.startsWith('image/')) {
        throw new Error(`tesseract reads images only, not ${input.mime}`);
      }
      return { text: textOfTsv(await run(input.bytes, opts.signal)) };
    },
    async close() {
      for (const child of children) child.kill();
      children.clear();
    },
  };
}
