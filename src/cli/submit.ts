/**
 * `mdso submit FILE… [--case ID] [--profile P] [--json] [--no-wait] [--today D]`: stores the
 * files as QuoteChecks (a case when several), prints `<check id>\t<file>` per line and
 * `case <id>`, then runs them to their final status unless `--no-wait` (a running service may
 * take some: they are claimed like by any worker).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { PROFILES, type Profile } from '../domain/quote-check.js';
import { NotFoundError } from '../errors.js';
import { processChecksUntilFinal } from '../pipeline/process-checks.js';
import { submitFiles } from '../pipeline/submit-files.js';
import { assertReadableFiles, type CommandIo } from './check.js';
import { checkTodayOption, EXIT_INTERNAL, EXIT_OK, toJsonLine, UsageError } from './usage.js';
import { withDeps } from './with-deps.js';

function profileOption(value: string | undefined): Profile {
  const profile = value ?? 'conseiller';
  if (!(PROFILES as readonly string[]).includes(profile)) {
    throw new UsageError(
      `--profile attend l’un de : ${PROFILES.join(', ')} (reçu « ${profile} »).`,
    );
  }
  return profile as Profile;
}

export async function runSubmit(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      case: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-wait': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
  });
  const profile = profileOption(values.profile);
  const today = values.today === undefined ? undefined : checkTodayOption(values.today);
  await assertReadableFiles(positionals);
  const files = await Promise.all(
    positionals.map(async (file) => ({
      filename: basename(file),
      bytes: new Uint8Array(await readFile(file)),
    })),
  );
  return withDeps(config, today ? { today } : {}, async (deps, runner) => {
    let submission;
    try {
      submission = await submitFiles(deps.db, files, {
        profile,
        sourceName: 'mdso',
        ...(values.case ? { caseId: values.case } : {}),
      });
    } catch (err) {
      if (err instanceof NotFoundError) throw new UsageError(err.message);
      throw err;
    }
    if (values.json) {
      io.stdout.write(
        `${toJsonLine({
          case_id: submission.caseId,
          quote_checks: submission.checks.map((c, i) => ({ id: c.id, file: positionals[i] })),
        })}\n`,
      );
    } else {
      submission.checks.forEach((c, i) => io.stdout.write(`${c.id}\t${positionals[i]}\n`));
      if (submission.caseId) io.stdout.write(`dossier ${submission.caseId}\n`);
    }
    if (values['no-wait']) return EXIT_OK;
    io.stderr.write('Analyse en cours…\n');
    const { unfinished } = await processChecksUntilFinal(
      runner,
      submission.checks.map((c) => c.id),
      { timeoutMs: config.MDSO_TIMEOUT_FOR_PROCESSING * 60_000 },
    );
    if (unfinished.length > 0) {
      io.stderr.write(`Analyse non terminée pour : ${unfinished.join(', ')}\n`);
      return EXIT_INTERNAL;
    }
    io.stderr.write(
      `Analyse terminée : mdso show ${submission.caseId ?? submission.checks[0]?.id ?? ''}\n`,
    );
    return EXIT_OK;
  });
}
