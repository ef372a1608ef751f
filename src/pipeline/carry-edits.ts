/**
 * Human edits survive a re-check when their finding still exists (DESIGN.md §5): an edit stays
 * on the new finding with the same id and code, else moves to the first new finding with the
 * same code not already edited; edits whose code is gone are dropped.
 */
import type { ErrorDetail } from '../domain/finding.js';
import type { FindingEdits } from '../domain/quote-check.js';

export function carryEdits(
  edits: FindingEdits | null,
  previous: readonly ErrorDetail[],
  next: readonly ErrorDetail[],
): FindingEdits | null {
  if (!edits) return null;
  const carried: FindingEdits = {};
  const used = new Set<string>();
  const codeOf = new Map(previous.map((d) => [d.id, d.code]));
  for (const [id, edit] of Object.entries(edits)) {
    const code = codeOf.get(id);
    if (code === undefined) continue;
    const sameId = next.find((d) => d.id === id && d.code === code && !used.has(d.id));
    const target =
      sameId ?? next.find((d) => d.code === code && !used.has(d.id) && !(d.id in edits));
    if (!target) continue;
    used.add(target.id);
    carried[target.id] = edit;
  }
  return Object.keys(carried).length > 0 ? carried : null;
}
