/**
 * `mdso ingest [--no-wait] [--today D] FILE.eml…`: stores each mail as if it had come by SMTP
 * (channel `cli`; the same mail twice is stored once), prints `<inbound id>\t<file>\t(nouveau|déjà
 * reçu)`, then processes the mails in this process (cases, quote checks, replies) and runs the
 * quote checks to their final status unless `--no-wait`.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { getInboundSummary } from '../db/inbound-emails-repo.js';
import { frenchInboundOutcome } from '../inbound/french-reason.js';
import { ingestRawEmail } from '../inbound/ingest-email.js';
import { processDueInboundEmails, type InboundDeps } from '../inbound/process-inbound-email.js';
import { processChecksUntilFinal } from '../pipeline/process-checks.js';
import { assertReadableFiles, type CommandIo } from './check.js';
import { checkTodayOption, EXIT_INTERNAL, EXIT_OK, UsageError } from './usage.js';
import { withDeps } from './with-deps.js';

/** The inbound processing deps from the service's deps (which carry the mail deps). */

/** Processes the given inbound mails until none is left waiting (retries wait their back-off). */
export async function processInboundUntilDone(
  deps: InboundDeps & { workerId: string },
  ids: readonly string[],
  options: { timeoutMs: number; pollMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const rows = (await deps
      .db('inbound_emails')
      .whereIn('id', ids)
      .whereIn('status', ['received', 'replying'])
      .select('id')) as { id: string }[];
    if (rows.length === 0 || Date.now() > deadline) return;
    const claimed = await processDueInboundEmails(deps, {
      limit: rows.length,
      ids: rows.map((r) => r.id),
    });
    if (claimed === 0) await new Promise((r) => setTimeout(r, options.pollMs ?? 100));
  }
}

/** Header fields every mail carries at least one of (RFC 5322). */
const MAIL_HEADER_RE = /^(?:from|to|subject|date|message-id|mime-version|received|return-path):/imu;

/**
 * Refuses, before anything is stored, a file that is not a mail: a PDF or an image given by
 * mistake would otherwise be stored as a mail without any part.
 */
export async function assertMailFiles(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const handle = await open(file, 'r');
    const head = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
    const text = head.subarray(0, bytesRead).toString('latin1');
    const headerBlock = text.split(/\r?\n\r?\n/u)[0] ?? '';
    const firstLine = headerBlock.split(/\r?\n/u)[0] ?? '';
    const isMail =
      /^(?:[\x21-\x39\x3b-\x7e]+:|From )/u.test(firstLine) && MAIL_HEADER_RE.test(headerBlock);
    if (!isMail) {
      throw new UsageError(
        `${file} n'est pas un e-mail (.eml) : pour vérifier un devis, utilisez « mdso check » ou « mdso submit ».`,
      );
    }
  }
}

export async function runIngest(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'no-wait': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
  });
  const today = values.today === undefined ? undefined : checkTodayOption(values.today);
  await assertReadableFiles(positionals);
  await assertMailFiles(positionals);
  return withDeps(config, today ? { today } : {}, async (deps, runner) => {
    const ids: string[] = [];
    for (const file of positionals) {
      const result = await ingestRawEmail(deps.db, {
        channel: 'cli',
        raw: createReadStream(file),
      });
      ids.push(result.id);
      io.stdout.write(`${result.id}\t${file}\t${result.duplicate ? 'déjà reçu' : 'nouveau'}\n`);
    }
    const inbound = { ...deps.inbound, workerId: runner.workerId };
    const timeoutMs = config.MDSO_TIMEOUT_FOR_PROCESSING * 60_000;
    await processInboundUntilDone(inbound, ids, { timeoutMs });
    const checks: string[] = [];
    for (const id of ids) {
      const summary = await getInboundSummary(deps.db, id);
      if (!summary) continue;
      for (const part of summary.parts) if (part.checkId) checks.push(part.checkId);
      io.stderr.write(
        `${id} : ${frenchInboundOutcome(summary.status, summary.errorCode)}${summary.caseId ? `, dossier ${summary.caseId}` : ''}\n`,
      );
    }
    if (values['no-wait'] || checks.length === 0) return EXIT_OK;
    io.stderr.write('Analyse en cours…\n');
    const { unfinished } = await processChecksUntilFinal(runner, [...new Set(checks)], {
      timeoutMs,
    });
    if (unfinished.length > 0) {
      io.stderr.write(`Analyse non terminée pour : ${unfinished.join(', ')}\n`);
      return EXIT_INTERNAL;
    }
    io.stderr.write('Analyse terminée.\n');
    return EXIT_OK;
  });
}
