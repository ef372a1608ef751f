/**
 * QuoteChecks (table `quote_checks`): row <-> domain mapping, creation, and the runner's
 * queries — claiming due work with FOR UPDATE SKIP LOCKED and a lease, persisting a step under
 * that lease, back-off, and the "first final result wins" finish (DESIGN.md §4).
 */
import type { Knex } from 'knex';
import type {
  Profile,
  QuoteCheck,
  RenovationType,
  Stage,
  ValidationOutput,
} from '../domain/quote-check.js';
import { jsonb, type QuoteCheckRow, toQuoteCheck, validationColumns } from './quote-check-row.js';

export interface NewQuoteCheck {
  fileId: string;
  caseId?: string | null;
  parentId?: string | null;
  profile: Profile;
  renovationType?: RenovationType;
  sourceName?: string;
  reference?: string | null;
  metadata?: Record<string, unknown> | null;
  email?: string | null;
  emailSubject?: string | null;
  applicationVersion?: string;
  /** Text given with an API upload: read instead of the file (spec/api.md §5.9). */
  fileText?: string | null;
  fileMarkdown?: string | null;
}

/** Columns a step may write (snake_case stays in db/). */
export type StepPatch = Partial<
  Pick<
    QuoteCheck,
    | 'reading'
    | 'document'
    | 'text'
    | 'anonymisedText'
    | 'naiveAttributes'
    | 'naiveVersion'
    | 'privateDataQaAttributes'
    | 'privateDataQaVersion'
    | 'qaAttributes'
    | 'qaVersion'
    | 'enrichment'
    | 'enrichmentVersion'
    | 'readAttributes'
    | 'readProvenance'
    | 'stepProblems'
    | 'validation'
    | 'validationErrorEdits'
  >
> & {
  /** Column `qa_result`: what the works-data LLM call cost (model, calls, token `usage`). */
  qaResult?: Record<string, unknown>;
};

const TABLE = 'quote_checks';

function patchToRow(patch: StepPatch): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const plain: [keyof StepPatch, string][] = [
    ['text', 'text'],
    ['anonymisedText', 'anonymised_text'],
    ['naiveVersion', 'naive_version'],
    ['privateDataQaVersion', 'private_data_qa_version'],
    ['qaVersion', 'qa_version'],
    ['enrichmentVersion', 'enrichment_version'],
  ];
  for (const [key, column] of plain) if (key in patch) row[column] = patch[key] ?? null;
  const json: [keyof StepPatch, string][] = [
    ['reading', 'reading'],
    ['document', 'document'],
    ['naiveAttributes', 'naive_attributes'],
    ['privateDataQaAttributes', 'private_data_qa_attributes'],
    ['qaAttributes', 'qa_attributes'],
    ['qaResult', 'qa_result'],
    ['enrichment', 'enrichment'],
    ['readAttributes', 'read_attributes'],
    ['readProvenance', 'read_provenance'],
    ['stepProblems', 'step_problems'],
    ['validationErrorEdits', 'validation_error_edits'],
  ];
  for (const [key, column] of json) if (key in patch) row[column] = jsonb(patch[key]);
  if ('validation' in patch) Object.assign(row, validationColumns(patch.validation ?? null));
  return row;
}

export async function createQuoteCheck(db: Knex, check: NewQuoteCheck): Promise<string> {
  const [row] = (await db(TABLE)
    .insert({
      file_id: check.fileId,
      case_id: check.caseId ?? null,
      parent_id: check.parentId ?? null,
      profile: check.profile,
      renovation_type: check.renovationType ?? 'geste',
      source_name: check.sourceName ?? 'mdso',
      reference: check.reference ?? null,
      metadata: jsonb(check.metadata ?? null),
      email: check.email ?? null,
      email_domain: check.email?.split('@')[1]?.toLowerCase() ?? null,
      email_subject: check.emailSubject ?? null,
      application_version: check.applicationVersion ?? null,
      file_text: check.fileText ?? null,
      file_markdown: check.fileMarkdown ?? null,
    })
    .returning('id')) as { id: string }[];
  if (!row) throw new Error('quote_checks: insert returned nothing');
  return row.id;
}

export async function getQuoteCheck(db: Knex, id: string): Promise<QuoteCheck | undefined> {
  const row = (await db(TABLE).where({ id }).first()) as QuoteCheckRow | undefined;
  return row ? toQuoteCheck(row) : undefined;
}

/** The checks of a case, newest first (as the API embeds them). */
export async function listCaseChecks(db: Knex, caseId: string): Promise<QuoteCheck[]> {
  const rows = (await db(TABLE)
    .where({ case_id: caseId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])) as QuoteCheckRow[];
  return rows.map(toQuoteCheck);
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  /** Claim only these checks (a CLI waiting for its own submissions). */
  ids?: readonly string[];
}

/**
 * Takes up to `limit` due checks: unfinished, past their back-off, and not leased (or whose
 * lease expired: their worker died). Rows locked by a concurrent claim are skipped.
 */
export async function claimDueChecks(db: Knex, options: ClaimOptions): Promise<QuoteCheck[]> {
  const due = db(TABLE)
    .select('id')
    .whereNot('stage', 'final')
    .where((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', db.fn.now()))
    .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<', db.fn.now()))
    .orderBy('created_at')
    .limit(options.limit)
    .forUpdate()
    .skipLocked();
  if (options.ids) due.whereIn('id', options.ids);
  const rows = (await db(TABLE)
    .whereIn('id', due)
    .update({
      locked_by: options.workerId,
      locked_until: db.raw(`now() + ?::interval`, [`${options.leaseMs} milliseconds`]),
    })
    .returning('*')) as QuoteCheckRow[];
  // UPDATE … RETURNING does not keep the sub-query's order: oldest first again.
  rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return rows.map(toQuoteCheck);
}

export interface StepWrite {
  id: string;
  workerId: string;
  leaseMs: number;
  stage: Stage;
  /**
   * The stage the step ran from: the write applies only if the check is still there, so a step
   * is committed once even if two runs of the check ever overlap (a stale run is refused).
   */
  from?: Stage;
  patch: StepPatch;
}

/**
 * Persists one step's output and advances the stage, only while the lease is ours (and the
 * check is still at `from`); renews the lease and clears the back-off. Returns false when
 * another worker, or another run, took the check over.
 */
export async function writeStep(db: Knex, write: StepWrite): Promise<boolean> {
  const query = db(TABLE)
    .where({ id: write.id, locked_by: write.workerId })
    .whereNot('stage', 'final');
  if (write.from) query.where('stage', write.from);
  const updated = await query.update({
    ...patchToRow(write.patch),
    stage: write.stage,
    attempts: 0,
    next_attempt_at: null,
    last_error: null,
    locked_until: db.raw(`now() + ?::interval`, [`${write.leaseMs} milliseconds`]),
    updated_at: db.fn.now(),
  });
  return updated === 1;
}

/** A failed attempt: count it, set the back-off, release the lease. */
export async function scheduleRetry(
  db: Knex,
  options: {
    id: string;
    workerId: string;
    delayMs: number;
    error: Record<string, unknown>;
    /** The stage of the failed step (as StepWrite.from). */
    from?: Stage;
  },
): Promise<boolean> {
  const query = db(TABLE)
    .where({ id: options.id, locked_by: options.workerId })
    .whereNot('stage', 'final');
  if (options.from) query.where('stage', options.from);
  const updated = await query.update({
    attempts: db.raw('attempts + 1'),
    next_attempt_at: db.raw(`now() + ?::interval`, [`${options.delayMs} milliseconds`]),
    last_error: jsonb(options.error),
    locked_by: null,
    locked_until: null,
    updated_at: db.fn.now(),
  });
  return updated === 1;
}

export async function releaseLease(db: Knex, id: string, workerId: string): Promise<void> {
  await db(TABLE)
    .where({ id, locked_by: workerId })
    .update({ locked_by: null, locked_until: null });
}

export type FinishResult = 'finished' | 'already_final' | 'lease_lost';

/**
 * The last step: the check becomes final with its validation, unless it is already final (the
 * timeout job closed it first: the first final result wins) or another worker owns it.
 */
export async function finishCheck(
  db: Knex,
  options: { id: string; workerId: string; patch: StepPatch },
): Promise<FinishResult> {
  const updated = await db(TABLE)
    .where({ id: options.id, locked_by: options.workerId })
    .whereNot('stage', 'final')
    .whereNull('finished_at')
    .update({
      ...patchToRow(options.patch),
      stage: 'final',
      finished_at: db.fn.now(),
      locked_by: null,
      locked_until: null,
      next_attempt_at: null,
      last_error: null,
      updated_at: db.fn.now(),
    });
  if (updated === 1) return 'finished';
  const row = (await db(TABLE).where({ id: options.id }).first('stage')) as
    { stage: string } | undefined;
  return row?.stage === 'final' ? 'already_final' : 'lease_lost';
}

/**
 * Closes checks unfinished after `olderThanMinutes` (spec/domain.md §6.4), whatever their lease:
 * the first final result wins, so a worker still busy with one will discard its result.
 */
export async function closeStaleChecks(
  db: Knex,
  options: { olderThanMinutes: number; validationFor: (id: string) => ValidationOutput },
): Promise<{ id: string; caseId: string | null }[]> {
  const stale = (await db(TABLE)
    .select('id', 'case_id')
    .whereNull('finished_at')
    .where(
      'started_at',
      '<',
      db.raw(`now() - ?::interval`, [`${options.olderThanMinutes} minutes`]),
    )
    .orderBy('started_at')
    .limit(500)) as { id: string; case_id: string | null }[];
  const closed: { id: string; caseId: string | null }[] = [];
  for (const { id, case_id } of stale) {
    const updated = await db(TABLE)
      .where({ id })
      .whereNull('finished_at')
      .update({
        ...validationColumns(options.validationFor(id)),
        stage: 'final',
        finished_at: db.fn.now(),
        locked_by: null,
        locked_until: null,
        next_attempt_at: null,
        updated_at: db.fn.now(),
      });
    if (updated === 1) closed.push({ id, caseId: case_id });
  }
  return closed;
}

/**
 * Puts a finished check back at the start of the pipeline (spec/domain.md §6.5); human edits
 * stay stored and are re-attached at the end to the findings that still exist. A check already
 * in progress is left alone (one run at a time). Returns false when nothing was reset.
 */
export async function resetForRecheck(db: Knex, id: string): Promise<boolean> {
  const updated = await db(TABLE).where({ id, stage: 'final' }).update({
    stage: 'received',
    finished_at: null,
    attempts: 0,
    next_attempt_at: null,
    last_error: null,
    step_problems: null,
    locked_by: null,
    locked_until: null,
    updated_at: db.fn.now(),
  });
  return updated === 1;
}

/** When the next retry or lease expiry makes work due (for the claim loop's sleep). */
export async function nextWakeAt(db: Knex): Promise<Date | undefined> {
  const row = (await db(TABLE)
    .whereNot('stage', 'final')
    .first(db.raw('min(greatest(next_attempt_at, locked_until)) AS at'))) as
    { at: Date | null } | undefined;
  return row?.at ?? undefined;
}
