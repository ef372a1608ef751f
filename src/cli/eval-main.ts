/**
 * `npm run eval -- DIR [--json] [--today YYYY-MM-DD] [--timeout-ms N]`: runs the engine end to end
 * on every document of DIR (laid out like the corpus) and prints the accuracy report.
 * Exit code: 0 when the report was produced (whatever the scores), 2 on bad usage, 1 on an
 * internal error of the evaluation itself.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createOcrEngine } from '../adapters/ocr/index.js';
import { loadConfig } from '../config.js';
import { formatReport } from '../eval/format-report.js';
import { createLogger } from '../logger.js';
import { runEval } from '../eval/run-eval.js';
import { checkFile, closeCheckFile } from '../pipeline/check-file.js';
import { checkTodayOption, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from './usage.js';

const EVAL_USAGE = `Usage: npm run eval -- DIR [--json] [--today YYYY-MM-DD] [--timeout-ms N]

  DIR           folder of <id>_<slug>.pdf (or .txt) files with their <id>_<slug>.truth.json
  --json        print the figures as JSON instead of tables
  --today       reference date for the rules (default: the current date)
  --timeout-ms  time limit for reading one file (default: the engine's)
`;

export interface EvalIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

async function parse(
  argv: string[],
): Promise<{ dir: string; json: boolean; today: string; timeoutMs?: number }> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  const [dir, ...rest] = positionals;
  if (!dir || rest.length > 0) throw new UsageError('Give exactly one folder.');
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`Not a folder: ${dir}`);
  const timeout = values['timeout-ms'];
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new UsageError(`--timeout-ms expects a positive integer, got ${timeout}`);
  }
  return { dir, json: values.json, today: checkTodayOption(values.today), timeoutMs };
}

export async function evalMain(argv: string[], io: EvalIo = process): Promise<number> {
  let options: Awaited<ReturnType<typeof parse>>;
  try {
    options = await parse(argv);
  } catch (err) {
    const usage = err instanceof UsageError || (err instanceof TypeError && 'code' in err);
    if (!usage) throw err;
    if (err.message) io.stderr.write(`${err.message}\n\n`);
    io.stderr.write(EVAL_USAGE);
    return EXIT_USAGE;
  }
  // scans and photos are read with the service's own OCR engine (the same choice as `mdso check`)
  const ocr = await createOcrEngine(
    loadConfig(),
    createLogger({ level: 'warn', destination: 'stderr' }),
  );
  try {
    const report = await runEval({
      dir: options.dir,
      today: options.today,
      check: (input) =>
        checkFile(input, { today: options.today, readTimeoutMs: options.timeoutMs, ocr }),
      onDocument: (file, index, total) => io.stderr.write(`[${index + 1}/${total}] ${file}\n`),
    });
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return EXIT_OK;
  } catch (err) {
    io.stderr.write(
      `Internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT_INTERNAL;
  } finally {
    await ocr.close();
    await closeCheckFile();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await evalMain(process.argv.slice(2));
}
