/**
 * Applies one human edit of a finding (spec/domain.md §7) to a quote check or a case, with its
 * propagation to the checks of the case, atomically: the rows are locked (FOR UPDATE) while the
 * edits map is read, changed and written, so two concurrent edits never lose each other.
 * A record still being analysed is `pending`: the runner carries the stored edits over to its
 * new findings at the validate step, so no edit may land between its read and its write.
 */
import type { Knex } from 'knex';
import {
  applyFindingEdit,
  propagateCaseEdit,
  type FindingEditAction,
} from '../domain/finding-edits.js';
import type { ErrorDetail } from '../domain/finding.js';
import type { FindingEdits } from '../domain/quote-check.js';
import { isUuid } from './pg-errors.js';
import { jsonb } from './quote-check-row.js';

export type FindingEditOutcome = 'done' | 'not_found' | 'pending';

interface EditableRow {
  id: string;
  finished_at: Date | null;
  validation_error_details: ErrorDetail[] | null;
  validation_error_edits: FindingEdits | null;
}

const COLUMNS = ['id', 'finished_at', 'validation_error_details', 'validation_error_edits'];

async function lockRow(
  trx: Knex.Transaction,
  table: 'quote_checks' | 'quotes_cases',
  id: string,
): Promise<EditableRow | undefined> {
  return (await trx(table).where({ id }).forUpdate().first(COLUMNS)) as EditableRow | undefined;
}

async function writeEdits(
  trx: Knex.Transaction,
  table: 'quote_checks' | 'quotes_cases',
  id: string,
  edits: FindingEdits | null,
  now: Date,
): Promise<void> {
  await trx(table)
    .where({ id })
    .update({ validation_error_edits: jsonb(edits), validation_error_edited_at: now });
}

/**
 * Why an edit cannot apply: the record does not exist, is being analysed (first run or a
 * re-check: `pending`), or has no finding with that id.
 */
function refusal(row: EditableRow | undefined, findingId: string): FindingEditOutcome | undefined {
  if (!row) return 'not_found';
  if (row.finished_at === null) return 'pending';
  const details = row.validation_error_details ?? [];
  return details.some((d) => d.id === findingId) ? undefined : 'not_found';
}

export interface FindingEditRequest {
  findingId: string;
  action: FindingEditAction;
  /** The clock of the edit (tests); now by default. */
  now?: Date;
}

export async function editQuoteCheckFinding(
  db: Knex,
  checkId: string,
  request: FindingEditRequest,
): Promise<FindingEditOutcome> {
  if (!isUuid(checkId)) return 'not_found';
  const now = request.now ?? new Date();
  return db.transaction(async (trx) => {
    const row = await lockRow(trx, 'quote_checks', checkId);
    const refused = refusal(row, request.findingId);
    if (refused || !row) return refused ?? 'not_found';
    const edits = applyFindingEdit(
      row.validation_error_edits,
      request.findingId,
      request.action,
      now,
    );
    await writeEdits(trx, 'quote_checks', checkId, edits, now);
    return 'done';
  });
}

/**
 * An edit of a case finding, repeated on each finished check of the case holding a finding with
 * the same code (api.md §5.16). The case row is locked first, then its checks in id order.
 */
export async function editQuotesCaseFinding(
  db: Knex,
  caseId: string,
  request: FindingEditRequest,
): Promise<FindingEditOutcome> {
  if (!isUuid(caseId)) return 'not_found';
  const now = request.now ?? new Date();
  return db.transaction(async (trx) => {
    const row = await lockRow(trx, 'quotes_cases', caseId);
    const refused = refusal(row, request.findingId);
    if (refused || !row) return refused ?? 'not_found';
    const finding = (row.validation_error_details ?? []).find((d) => d.id === request.findingId);
    if (!finding) return 'not_found';
    const previousCaseComment = row.validation_error_edits?.[finding.id]?.comment ?? null;
    const edits = applyFindingEdit(row.validation_error_edits, finding.id, request.action, now);
    await writeEdits(trx, 'quotes_cases', caseId, edits, now);
    const checks = (await trx('quote_checks')
      .where({ case_id: caseId })
      .whereNotNull('finished_at')
      .orderBy('id')
      .forUpdate()
      .select(COLUMNS)) as EditableRow[];
    for (const check of checks) {
      const next = propagateCaseEdit(
        { details: check.validation_error_details ?? [], edits: check.validation_error_edits },
        { code: finding.code, action: request.action, previousCaseComment },
        now,
      );
      if (next !== undefined) await writeEdits(trx, 'quote_checks', check.id, next, now);
    }
    return 'done';
  });
}
