/**
 * `mdso recheck ID [--no-wait] [--today D]`: runs a finished check again (every check of a case
 * when ID is a case); human edits stay on the findings that still exist.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { findRecord } from '../db/records-repo.js';
import { resetForRecheck } from '../db/quote-checks-repo.js';
import { reopenQuotesCase } from '../db/quotes-cases-repo.js';
import { processChecksUntilFinal } from '../pipeline/process-checks.js';
import type { CommandIo } from './check.js';
import { checkTodayOption, EXIT_INTERNAL, EXIT_OK, NotFoundError, UsageError } from './usage.js';
import { withDeps } from './with-deps.js';

export async function runRecheck(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'no-wait': { type: 'boolean', default: false }, today: { type: 'string' } },
  });
  const [id, extra] = positionals;
  if (!id || extra) throw new UsageError('recheck attend un identifiant de devis ou de dossier.');
  const today = values.today === undefined ? undefined : checkTodayOption(values.today);
  return withDeps(config, today ? { today } : {}, async (deps, runner) => {
    const record = await findRecord(deps.db, id);
    if (!record) throw new NotFoundError(`Aucun devis ni dossier avec l’identifiant ${id}.`);
    const ids =
      record.kind === 'check' ? [record.check.id] : record.checks.map(({ check }) => check.id);
    const reset: string[] = [];
    for (const checkId of ids) {
      if (await resetForRecheck(deps.db, checkId)) reset.push(checkId);
      else io.stderr.write(`${checkId} : analyse déjà en cours, rien à relancer.\n`);
    }
    const caseId = record.kind === 'case' ? record.quotesCase.id : record.check.caseId;
    if (caseId && reset.length > 0) await reopenQuotesCase(deps.db, caseId);
    for (const checkId of reset) io.stdout.write(`${checkId}\trelancé\n`);
    if (values['no-wait'] || reset.length === 0) return EXIT_OK;
    const { unfinished } = await processChecksUntilFinal(runner, reset, {
      timeoutMs: config.MDSO_TIMEOUT_FOR_PROCESSING * 60_000,
    });
    return unfinished.length > 0 ? EXIT_INTERNAL : EXIT_OK;
  });
}
