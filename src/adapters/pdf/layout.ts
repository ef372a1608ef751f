/**
 * Rebuilds reading-order lines from positioned text fragments (pdfjs text items or OCR words).
 * Pure: no pdfjs import here, so the same code serves every source of positioned glyph runs.
 */

export interface Fragment {
  text: string;
  /** Left edge, in PDF units (points). */
  x: number;
  /** Baseline, in PDF units, growing upwards as in PDF user space. */
  y: number;
  width: number;
  /** Font size (glyph height) in PDF units. */
  height: number;
}

export interface LayoutCell {
  text: string;
  x: number;
  xEnd: number;
}

export interface LayoutLine {
  y: number;
  cells: LayoutCell[];
  /** The line as text, with runs of spaces standing for horizontal gaps. */
  text: string;
}

/** A gap wider than this many average character widths starts a new cell (a table column). */
const CELL_GAP_CHARS = 0.9;

function averageCharWidth(fragments: Fragment[]): number {
  let chars = 0;
  let width = 0;
  for (const f of fragments) {
    const n = f.text.length;
    if (n > 0 && f.width > 0) {
      chars += n;
      width += f.width;
    }
  }
  return chars > 0 ? width / chars : 5;
}

/**
 * Groups fragments whose baselines are within half a glyph height into one line, sorted top to
 * bottom, then left to right; consecutive fragments separated by a wide gap become separate cells.
 */
export function buildLines(fragments: Fragment[]): LayoutLine[] {
  const items = fragments.filter((f) => f.text.length > 0);
  if (items.length === 0) return [];
  const charWidth = averageCharWidth(items);
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Fragment[][] = [];
  let current: Fragment[] = [];
  let currentY = Number.NaN;
  for (const f of sorted) {
    const tolerance = Math.max(1.5, (f.height || 10) * 0.45);
    if (current.length > 0 && Math.abs(currentY - f.y) <= tolerance) {
      current.push(f);
    } else {
      if (current.length > 0) groups.push(current);
      current = [f];
      currentY = f.y;
    }
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const cells: LayoutCell[] = [];
    let text = '';
    let cell: LayoutCell | null = null;
    for (const f of group) {
      const piece = f.text;
      if (cell === null) {
        cell = { text: piece, x: f.x, xEnd: f.x + f.width };
        text = ' '.repeat(Math.max(0, Math.round(f.x / charWidth / 2))) + piece;
        continue;
      }
      const gap = f.x - cell.xEnd;
      if (gap > charWidth * CELL_GAP_CHARS) {
        cells.push(cell);
        const spaces = Math.max(3, Math.round(gap / charWidth));
        text += ' '.repeat(Math.min(spaces, 40)) + piece;
        cell = { text: piece, x: f.x, xEnd: f.x + f.width };
      } else {
        const joiner =
          gap > charWidth * 0.25 && !cell.text.endsWith(' ') && !piece.startsWith(' ') ? ' ' : '';
        cell.text += joiner + piece;
        text += joiner + piece;
        cell.xEnd = Math.max(cell.xEnd, f.x + f.width);
      }
    }
    if (cell) cells.push(cell);
    const y = group.reduce((s, f) => s + f.y, 0) / group.length;
    return {
      y,
      cells: cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() })).filter((c) => c.text),
      text: text.replace(/\s+$/u, ''),
    };
  });
}
