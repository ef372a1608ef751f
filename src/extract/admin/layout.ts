/**
 * Position helpers over document cells: column alignment and walking down a block (a client
 * block on the right, a company block on the left) while ignoring what sits beside it.
 */
import type { DocumentCell, DocumentLine } from '../document.js';

export interface PlacedCell {
  lineIndex: number;
  cell: DocumentCell;
}

function overlaps(a: DocumentCell, b: DocumentCell): boolean {
  return a.x < b.xEnd && b.x < a.xEnd;
}

/** Same column: left edges, right edges or centres within the tolerance, and overlapping. */
export function isAligned(a: DocumentCell, b: DocumentCell, tolerance: number): boolean {
  if (!overlaps(a, b)) return false;
  if (Math.abs(a.x - b.x) <= tolerance) return true;
  if (Math.abs(a.xEnd - b.xEnd) <= tolerance) return true;
  return Math.abs(a.x + a.xEnd - b.x - b.xEnd) / 2 <= tolerance;
}

export interface ColumnWalk {
  lines: DocumentLine[];
  /** Index of the anchor line; the walk starts on the next line. */
  from: number;
  anchor: DocumentCell;
  tolerance: number;
  /** Lines with nothing in the column that may be skipped in a row (default 2). */
  maxSkipped?: number;
}

/**
 * Cells below the anchor in its column, line by line. Stops at a cell that crosses the column
 * (a full-width line) or after too many lines with nothing in the column.
 */
export function* walkColumn(walk: ColumnWalk): Generator<PlacedCell> {
  const { lines, anchor, tolerance } = walk;
  const maxSkipped = walk.maxSkipped ?? 2;
  let skipped = 0;
  for (let i = walk.from + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line) break;
    const aligned = line.cells.find((c) => isAligned(c, anchor, tolerance));
    if (aligned) {
      skipped = 0;
      yield { lineIndex: i, cell: aligned };
      continue;
    }
    const crossing = line.cells.some(
      (c) => c.x < anchor.x - tolerance && c.xEnd > anchor.x + tolerance,
    );
    if (crossing) return;
    skipped += 1;
    if (skipped > maxSkipped) return;
  }
}

/** Cells above a cell in its column, nearest first, within `maxLines` lines. */
export function cellsAbove(
  lines: DocumentLine[],
  from: PlacedCell,
  tolerance: number,
  maxLines = 3,
): PlacedCell[] {
  const found: PlacedCell[] = [];
  for (let i = from.lineIndex - 1; i >= 0 && i >= from.lineIndex - maxLines; i -= 1) {
    const line = lines[i];
    if (!line) break;
    const aligned = line.cells.find((c) => isAligned(c, from.cell, tolerance));
    if (!aligned) break;
    found.push({ lineIndex: i, cell: aligned });
  }
  return found;
}

/** The cell printed just under `placed` (within two lines), overlapping it horizontally. */
export function cellBelow(lines: DocumentLine[], placed: PlacedCell): DocumentCell | undefined {
  for (let i = placed.lineIndex + 1; i <= placed.lineIndex + 2 && i < lines.length; i += 1) {
    const below = lines[i]?.cells.find((c) => overlaps(c, placed.cell));
    if (below) return below;
  }
  return undefined;
}
