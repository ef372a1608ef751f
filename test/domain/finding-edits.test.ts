import { describe, expect, it } from '@jest/globals';
import {
  applyFindingEdit,
  DELETION_REASONS,
  deletionReasonLabel,
  normaliseDeletionReason,
  propagateCaseEdit,
} from '../../src/domain/finding-edits.js';
import { finding } from '../support/seed-results.js';

const T1 = new Date('2026-12-01T10:00:00Z');
const T2 = new Date('2026-12-02T11:00:00Z');

describe('deletion reasons', () => {
  it.each([
    ['information_present', 'information_present'],
    [DELETION_REASONS.not_used, 'not_used'],
    ['  Le devis est bon  ', 'Le devis est bon'],
    ['', undefined],
    [null, undefined],
  ])('%p is stored as %p', (input, stored) => {
    expect(normaliseDeletionReason(input)).toBe(stored);
  });

  it('truncates free text to 255 characters, never splitting a character', () => {
    const stored = normaliseDeletionReason('é'.repeat(300));
    expect(stored).toBe('é'.repeat(255));
  });

  it('gives a code its French label and free text as it is', () => {
    expect(deletionReasonLabel('not_used')).toBe(DELETION_REASONS.not_used);
    expect(deletionReasonLabel('autre chose')).toBe('autre chose');
  });
});

describe('applyFindingEdit', () => {
  it('deletes with a reason, restores keeping the comment, compacts empty entries', () => {
    let edits = applyFindingEdit(null, 'c-1', { kind: 'comment', comment: 'vu' }, T1);
    edits = applyFindingEdit(edits, 'c-1', { kind: 'delete', reason: 'not_used' }, T2);
    expect(edits).toEqual({
      'c-1': {
        comment: 'vu',
        commented_at: T1.toISOString(),
        deleted: true,
        deleted_at: T2.toISOString(),
        reason: 'not_used',
      },
    });
    edits = applyFindingEdit(edits, 'c-1', { kind: 'restore' }, T2);
    expect(edits).toEqual({ 'c-1': { comment: 'vu', commented_at: T1.toISOString() } });
    const deleted = applyFindingEdit(null, 'c-2', { kind: 'delete' }, T1);
    expect(deleted).toEqual({ 'c-2': { deleted: true, deleted_at: T1.toISOString() } });
    expect(applyFindingEdit(deleted, 'c-2', { kind: 'restore' }, T2)).toBeNull();
    expect(applyFindingEdit(null, 'c-3', { kind: 'restore' }, T2)).toBeNull();
  });

  it('a new deletion without reason drops the old reason', () => {
    const first = applyFindingEdit(null, 'c-1', { kind: 'delete', reason: 'not_used' }, T1);
    expect(applyFindingEdit(first, 'c-1', { kind: 'delete' }, T2)).toEqual({
      'c-1': { deleted: true, deleted_at: T2.toISOString() },
    });
  });

  it('clears a blank comment but records when, and truncates at 1000 characters', () => {
    expect(applyFindingEdit(null, 'c-1', { kind: 'comment', comment: '   ' }, T1)).toEqual({
      'c-1': { comment: null, commented_at: T1.toISOString() },
    });
    const long = applyFindingEdit(null, 'c-1', { kind: 'comment', comment: 'x'.repeat(1200) }, T1);
    expect(long?.['c-1']?.comment).toHaveLength(1000);
  });

  it('leaves the other findings alone and never changes its input', () => {
    const before = { 'c-9': { deleted: true } };
    const after = applyFindingEdit(before, 'c-1', { kind: 'delete' }, T1);
    expect(after?.['c-9']).toEqual({ deleted: true });
    expect(before).toEqual({ 'c-9': { deleted: true } });
  });
});

describe('propagateCaseEdit', () => {
  const details = [finding('k-1', 'a'), finding('k-2', 'b'), finding('k-3', 'b')];

  it('edits the first finding with the same code, none when the code is absent', () => {
    const edit = { code: 'b', action: { kind: 'delete' as const }, previousCaseComment: null };
    expect(propagateCaseEdit({ details, edits: null }, edit, T1)).toEqual({
      'k-2': { deleted: true, deleted_at: T1.toISOString() },
    });
    expect(
      propagateCaseEdit({ details, edits: null }, { ...edit, code: 'zzz' }, T1),
    ).toBeUndefined();
  });

  it('overwrites a comment only when empty or still the case previous one', () => {
    const comment = (previous: string | null, own?: string) =>
      propagateCaseEdit(
        { details, edits: own ? { 'k-1': { comment: own } } : null },
        {
          code: 'a',
          action: { kind: 'comment', comment: 'nouveau' },
          previousCaseComment: previous,
        },
        T1,
      )?.['k-1']?.comment;
    expect(comment(null)).toBe('nouveau');
    expect(comment('ancien', 'ancien')).toBe('nouveau');
    expect(comment('ancien', 'écrit sur le devis')).toBeUndefined();
  });
});
