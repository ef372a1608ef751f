/**
 * Human edits of findings (spec/domain.md §7, spec/api.md §5.16): dismiss a finding with a
 * reason, restore it, comment on it, and repeat an edit of a case finding on the checks of the
 * case. Pure: the caller gives the time and stores the result. The deletion reasons and their
 * French labels (api.md §5.8) live in finding-codes.ts, once, for the API and the result page.
 */
import { DELETION_REASONS, type DeletionReason } from './finding-codes.js';
import type { ErrorDetail } from './finding.js';
import type { FindingEdit, FindingEdits } from './quote-check.js';

export { DELETION_REASONS };
export type DeletionReasonCode = DeletionReason;

export const REASON_MAX_LENGTH = 255;
export const COMMENT_MAX_LENGTH = 1000;

export function isDeletionReasonCode(value: string): value is DeletionReasonCode {
  return Object.hasOwn(DELETION_REASONS, value);
}

/**
 * The stored reason: a code as is, a label (what the frontend sends) as its code, any other text
 * trimmed and truncated to 255 characters (upstream accepts free text); blank → none.
 */
export function normaliseDeletionReason(input: string | null | undefined): string | undefined {
  const text = input?.trim();
  if (!text) return undefined;
  if (isDeletionReasonCode(text)) return text;
  const byLabel = Object.entries(DELETION_REASONS).find(([, label]) => label === text);
  if (byLabel) return byLabel[0];
  return [...text].slice(0, REASON_MAX_LENGTH).join('');
}

/** The French wording of a stored reason: the label of a code, else the free text itself. */
export function deletionReasonLabel(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  return isDeletionReasonCode(reason) ? DELETION_REASONS[reason] : reason;
}

export type FindingEditAction =
  | { kind: 'delete'; reason?: string | null }
  | { kind: 'restore' }
  | { kind: 'comment'; comment: string | null };

function compact(edits: FindingEdits): FindingEdits | null {
  const kept = Object.entries(edits).filter(([, edit]) => Object.keys(edit).length > 0);
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

function commentOf(input: string | null): string | null {
  const text = input?.trim();
  return text ? [...text].slice(0, COMMENT_MAX_LENGTH).join('') : null;
}

/** One edit of one finding; returns the new edits map (null when empty). */
export function applyFindingEdit(
  edits: FindingEdits | null,
  findingId: string,
  action: FindingEditAction,
  now: Date,
): FindingEdits | null {
  const at = now.toISOString();
  const current: FindingEdit = { ...(edits?.[findingId] ?? {}) };
  let next: FindingEdit;
  if (action.kind === 'delete') {
    const reason = normaliseDeletionReason(action.reason);
    const { reason: _old, ...rest } = current;
    next = { ...rest, deleted: true, deleted_at: at, ...(reason ? { reason } : {}) };
  } else if (action.kind === 'restore') {
    const { deleted: _d, deleted_at: _at, reason: _r, ...rest } = current;
    next = rest;
  } else {
    next = { ...current, comment: commentOf(action.comment), commented_at: at };
  }
  return compact({ ...(edits ?? {}), [findingId]: next });
}

/**
 * The same edit for a check of the case, whose first finding with the case finding's code is
 * edited (api.md §5.16). A comment replaces the check's own only when that one is empty or is
 * still the case's previous comment (never overwrite a comment written on the check itself).
 * Returns undefined when the check has no finding with that code.
 */
export function propagateCaseEdit(
  check: { details: readonly ErrorDetail[]; edits: FindingEdits | null },
  edit: { code: string; action: FindingEditAction; previousCaseComment: string | null },
  now: Date,
): FindingEdits | null | undefined {
  const target = check.details.find((d) => d.code === edit.code);
  if (!target) return undefined;
  if (edit.action.kind === 'comment') {
    const own = check.edits?.[target.id]?.comment?.trim() ?? '';
    if (own !== '' && own !== (edit.previousCaseComment?.trim() ?? '')) return undefined;
  }
  return applyFindingEdit(check.edits, target.id, edit.action, now);
}
