/** `mdso check [--json] [--today D] FILE…`: judges files with no database and no network. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { createOcrEngine } from '../adapters/ocr/index.js';
import { createPdfReader } from '../adapters/pdf/pdf-reader.js';
import { createLogger } from '../logger.js';
import { checkDocument } from '../pipeline/check-document.js';
import type { CheckOutcome } from '../pipeline/check-outcome.js';
import { formatSummary } from './summary.js';
import { checkTodayOption, EXIT_INTERNAL, EXIT_OK, toJsonLine, UsageError } from './usage.js';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export function outcomeJson(file: string, outcome: CheckOutcome): Record<string, unknown> {
  return {
    file,
    status: outcome.status,
    attributes: outcome.attributes,
    provenance: outcome.provenance,
    errors: outcome.errors,
    error_details: outcome.error_details,
    ...(outcome.a_verifier ? { a_verifier: outcome.a_verifier } : {}),
    control_codes: outcome.control_codes,
    controls_count: outcome.controls_count,
    versions: outcome.versions,
  };
}

export async function assertReadableFiles(files: string[]): Promise<void> {
  if (files.length === 0) throw new UsageError('Indiquez au moins un fichier à vérifier.');
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info) throw new UsageError(`Fichier introuvable : ${file}`);
    if (!info.isFile()) throw new UsageError(`Ce n'est pas un fichier : ${file}`);
  }
}

export async function runCheck(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, today: { type: 'string' } },
  });
  const today = checkTodayOption(values.today);
  await assertReadableFiles(positionals);
  const reader = createPdfReader();
  const ocr = await createOcrEngine(config, createLogger({ level: 'warn', destination: 'stderr' }));
  const showProgress = positionals.length > 1;
  const ctx = {
    today,
    reader,
    readTimeoutMs: config.MDSO_FILE_READ_TIMEOUT_MS,
    priceRanges: config.priceRanges,
    frontendHost: config.FRONTEND_APPLICATION_HOST,
    ocr,
  };
  let failures = 0;
  try {
    for (const [index, file] of positionals.entries()) {
      if (showProgress) io.stderr.write(`[${index + 1}/${positionals.length}] ${file}\n`);
      try {
        const bytes = new Uint8Array(await readFile(file));
        const outcome = await checkDocument({ bytes, filename: basename(file) }, ctx);
        io.stdout.write(
          values.json
            ? `${toJsonLine(outcomeJson(file, outcome))}\n`
            : `${formatSummary(file, outcome)}\n\n`,
        );
      } catch (err) {
        // a bug on one file must not hide the results of the others; the exit code reports it
        failures += 1;
        if (err instanceof AppError) {
          // an expected failure (a service out of reach): its French message, no stack trace
          io.stderr.write(`${file} non vérifié : ${err.message}\n`);
          continue;
        }
        const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
        io.stderr.write(`Erreur interne pendant la vérification de ${file} :\n${detail}\n`);
      }
    }
  } finally {
    await ocr.close();
    await reader.close();
  }
  return failures > 0 ? EXIT_INTERNAL : EXIT_OK;
}
