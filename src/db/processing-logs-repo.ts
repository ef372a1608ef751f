/**
 * Processing logs (table `processing_logs`, spec/domain.md §3.5): one row per pipeline step run,
 * with tags `step`, `step/<name>`, `step/<name>/<outcome>` and the version, attempt and
 * duration in `output_result`; and audit rows of the public data checks (tags
 * `rge_validation` + `success`|`error`). Never quote contents: ids, versions, codes and
 * durations only.
 */
import type { Knex } from 'knex';
import { jsonb } from './quote-check-row.js';

export type StepOutcome = 'done' | 'skipped' | 'retry' | 'gave_up' | 'discarded';

export interface StepLog {
  processableType: 'QuoteCheck' | 'QuotesCase' | 'QuoteFile';
  processableId: string;
  step: string;
  outcome: StepOutcome;
  version?: string;
  startedAt: Date;
  finishedAt: Date;
  attempt: number;
  workerId: string;
  errorCode?: string;
}

export async function insertStepLog(db: Knex, log: StepLog): Promise<void> {
  await db('processing_logs').insert({
    processable_type: log.processableType,
    processable_id: log.processableId,
    tags: ['step', `step/${log.step}`, `step/${log.step}/${log.outcome}`],
    input_parameters: jsonb({ attempt: log.attempt, worker: log.workerId }),
    output_result: jsonb({
      outcome: log.outcome,
      version: log.version ?? null,
      duration_ms: log.finishedAt.getTime() - log.startedAt.getTime(),
      error_code: log.errorCode ?? null,
    }),
    started_at: log.startedAt,
    finished_at: log.finishedAt,
  });
}

export interface StepLogSummary {
  step: string;
  outcome: StepOutcome;
  version: string | null;
  durationMs: number;
}

export async function listStepLogs(db: Knex, processableId: string): Promise<StepLogSummary[]> {
  const rows = (await db('processing_logs')
    .where({ processable_id: processableId })
    .whereRaw("tags @> '{step}'")
    .orderBy('started_at')
    .select('tags', 'output_result')) as {
    tags: string[];
    output_result: { outcome: StepOutcome; version: string | null; duration_ms: number };
  }[];
  return rows.map((row) => ({
    step: (row.tags[1] ?? '').replace(/^step\//u, ''),
    outcome: row.output_result.outcome,
    version: row.output_result.version,
    durationMs: row.output_result.duration_ms,
  }));
}

/** An audit row of a call that concerns no record (the public RGE check, spec/api.md §5.5). */
export interface AuditLog {
  tags: string[];
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date;
}

export async function insertAuditLog(db: Knex, log: AuditLog): Promise<void> {
  await db('processing_logs').insert({
    tags: log.tags,
    input_parameters: jsonb(log.input),
    output_result: jsonb(log.output),
    started_at: log.startedAt,
    finished_at: log.finishedAt,
  });
}
