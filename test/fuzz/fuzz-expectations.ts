/**
 * What every fuzz input must end with, checked in the database the service wrote: a received
 * mail with a final status; a quote check final, with at least one finding, every finding's
 * text French and free of leaked internals, no step that failed or gave up, and no more time
 * spent than the per-file limit allows. Returns the problems found, each naming its input.
 */
import type { Knex } from 'knex';
import { listStepLogs } from '../../src/db/processing-logs-repo.js';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import type { QuoteCheck } from '../../src/domain/quote-check.js';
import { FILE_READ_TIMEOUT_MS } from './fuzz-service.js';

/** Finding codes of a file that could not be read: their `problem` says why, in French. */
const READING_CODES = new Set([
  'file_reading_error',
  'empty_file_error',
  'unsupported_file_format',
]);
const FRENCH = /[àâçéèêëîïôûùüœ]|\b(?:le|la|les|du|des|un|une|est|pas|fichier|devis)\b/iu;
const LEAK = /\bundefined\b|\bNaN\b|\[object|\bnull\b|Error\b|Exception|\bat \S+\.js|\bstack\b/u;
/**
 * Generous bound on the processing time of one check (its steps, queueing excluded): the PDF
 * read is limited to FILE_READ_TIMEOUT_MS (plus a fresh worker's start-up allowance) and an
 * image's preparation too, then OCR and the checks take seconds.
 */
export const MAX_CHECK_PROCESSING_MS = 3 * FILE_READ_TIMEOUT_MS;

export interface CheckSummary {
  id: string;
  status: 'valid' | 'invalid' | 'pending';
  codes: string[];
  processingMs: number;
}

function textProblems(check: QuoteCheck): string[] {
  const problems: string[] = [];
  for (const detail of check.validation?.errorDetails ?? []) {
    const texts = [detail.title, detail.problem, detail.solution].filter((t): t is string => !!t);
    if (!FRENCH.test(detail.title))
      problems.push(`${detail.code}: title not French (${detail.title})`);
    if (READING_CODES.has(detail.code) && !(detail.problem && FRENCH.test(detail.problem))) {
      problems.push(`${detail.code}: no French problem text`);
    }
    for (const text of texts) {
      if (LEAK.test(text))
        problems.push(`${detail.code}: internal text shown (${text.slice(0, 120)})`);
    }
  }
  return problems;
}

/** The problems of one quote check (empty: as it should be), and a summary. */
export async function inspectCheck(
  db: Knex,
  id: string,
): Promise<{ problems: string[]; summary: CheckSummary }> {
  const check = await getQuoteCheck(db, id);
  const logs = await listStepLogs(db, id);
  const processingMs = logs.reduce((n, l) => n + l.durationMs, 0);
  const details = check?.validation?.errorDetails ?? [];
  const summary: CheckSummary = {
    id,
    status: !check?.finishedAt ? 'pending' : details.length > 0 ? 'invalid' : 'valid',
    codes: details.map((d) => d.code),
    processingMs,
  };
  if (!check) return { problems: ['check missing'], summary };
  const problems: string[] = [];
  if (check.stage !== 'final' || !check.finishedAt)
    problems.push(`not final (stage ${check.stage})`);
  if (details.length === 0) problems.push('no finding: the report would say nothing is wrong');
  problems.push(...textProblems(check));
  for (const log of logs) {
    if (log.outcome === 'gave_up' || log.outcome === 'retry') {
      problems.push(`step ${log.step} ${log.outcome}`);
    }
  }
  if (processingMs > MAX_CHECK_PROCESSING_MS) problems.push(`processing took ${processingMs} ms`);
  return { problems, summary };
}

/** Final statuses of a received mail; `failed` means processing crashed or the mail was lost. */
const FINAL_INBOUND = new Set(['processed', 'ignored', 'duplicate']);

export async function inspectInbound(
  db: Knex,
  id: string,
): Promise<{ problems: string[]; checkIds: string[]; status: string }> {
  const row = (await db('inbound_emails').where({ id }).first('status', 'error_code', 'parts')) as
    | { status: string; error_code: string | null; parts: { check_id?: string }[] | null }
    | undefined;
  if (!row) return { problems: ['mail not stored'], checkIds: [], status: 'missing' };
  const problems = FINAL_INBOUND.has(row.status)
    ? []
    : [`mail status ${row.status}${row.error_code ? ` (${row.error_code})` : ''}`];
  const checkIds = (row.parts ?? []).flatMap((p) => (p.check_id ? [p.check_id] : []));
  return { problems, checkIds, status: row.status };
}

/** One line per input with problems, for a failure message that names seed and input. */
export function describeFailures(seed: string, failures: Map<string, string[]>): string {
  const lines = [...failures].map(([input, problems]) => `  ${input}: ${problems.join('; ')}`);
  return `${failures.size} input(s) failed (MDSO_FUZZ_SEED=${seed}):\n${lines.slice(0, 60).join('\n')}`;
}
