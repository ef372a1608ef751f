/**
 * Local OCR with tesseract.js (WebAssembly, no system package) and the French model of the
 * `@tesseract.js-data/fra` package, read from node_modules: nothing is downloaded, nothing is
 * cached on disk (DESIGN.md §10, "OCR without set-up"). One worker thread, created on the first
 * call and kept for the next ones; images are recognised one after the other. The service runs
 * it in a child process of its own (tesseract-js-process.ts); tests and tools may use it here.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import Tesseract from 'tesseract.js';
import { UpstreamError } from '../../errors.js';
import { lineFromWords, type OcrEngine, type OcrLogger, type OcrWord } from './ocr-engine.js';

export interface TesseractJsOptions {
  logger?: OcrLogger;
  /** Page segmentation mode (default 4: one column of text of varying sizes). */
  pageSegMode?: string;
}

const ADAPTER = 'tesseract.js';

/** Directory holding `fra.traineddata.gz` in the installed `@tesseract.js-data/fra`. */
export function frenchModelDir(): string {
  const pkg = createRequire(import.meta.url).resolve('@tesseract.js-data/fra/package.json');
  return join(dirname(pkg), '4.0.0');
}

function wordsOfLine(line: Tesseract.Line): OcrWord[] {
  return line.words.map((w) => ({
    text: w.text,
    left: w.bbox.x0,
    top: w.bbox.y0,
    width: w.bbox.x1 - w.bbox.x0,
    height: w.bbox.y1 - w.bbox.y0,
  }));
}

/** The page's lines in tesseract's reading order, column gaps kept as runs of spaces. */
export function textOfBlocks(blocks: Tesseract.Block[] | null): string {
  const lines: string[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) lines.push(lineFromWords(wordsOfLine(line)));
    }
  }
  return lines.filter((l) => l.trim()).join('\n');
}

function abortError(signal: AbortSignal): UpstreamError {
  return new UpstreamError(ADAPTER, 'OCR local interrompu (délai dépassé)', {
    retryable: true,
    cause: signal.reason,
  });
}

/** The in-process engine, which can also load its model ahead of the first image. */
export interface TesseractJsEngine extends OcrEngine {
  warm(): Promise<void>;
}

export function createTesseractJsEngine(options: TesseractJsOptions = {}): TesseractJsEngine {
  const { logger } = options;
  let worker: Promise<Tesseract.Worker> | null = null;
  let closed = false;

  function start(): Promise<Tesseract.Worker> {
    const started = performance.now();
    const created = Tesseract.createWorker('fra', Tesseract.OEM.LSTM_ONLY, {
      langPath: frenchModelDir(),
      gzip: true,
      cacheMethod: 'none',
      cachePath: join(tmpdir(), 'mdso-tesseract'),
      errorHandler: (err: unknown) => logger?.warn({ err }, 'tesseract.js worker error'),
    }).then(async (w) => {
      await w.setParameters({
        tessedit_pageseg_mode: (options.pageSegMode ?? '4') as Tesseract.PSM,
        preserve_interword_spaces: '1',
        // Tesseract's notes ("Estimating resolution as …") would go to stdout.
        debug_file: '/dev/null',
      });
      logger?.debug({ durationMs: Math.round(performance.now() - started) }, 'ocr worker ready');
      return w;
    });
    created.catch(() => {
      if (worker === created) worker = null;
    });
    return created;
  }

  async function stop(): Promise<void> {
    const current = worker;
    worker = null;
    if (current) await (await current.catch(() => null))?.terminate();
  }

  return {
    name: ADAPTER,
    accepts: { pdf: false, images: true },
    async recognise(input, opts = {}) {
      if (closed) throw new Error('OCR engine is closed');
      if (!input.mime.startsWith('image/')) {
        throw new Error(`tesseract.js reads images only, not ${input.mime}`);
      }
      const { signal } = opts;
      if (signal?.aborted) throw abortError(signal);
      worker ??= start();
      const current = worker;
      const w = await current;
      const job = w.recognize(Buffer.from(input.bytes), {}, { text: false, blocks: true });
      if (!signal) return { text: textOfBlocks((await job).data.blocks) };
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          // A running recognition cannot be cancelled: drop the worker, the next call starts one.
          if (worker === current) void stop();
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const result = await Promise.race([job, aborted]);
        return { text: textOfBlocks(result.data.blocks) };
      } finally {
        if (onAbort) signal.removeEventListener('abort', onAbort);
        job.catch(() => undefined);
      }
    },
    async warm() {
      worker ??= start();
      await worker;
    },
    async close() {
      closed = true;
      await stop();
    },
  };
}
