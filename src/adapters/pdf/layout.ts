/**
 * Rebuilds reading-order lines from positioned text fragments (pdfjs text items or OCR words).
 * Pure: no pdfjs import here, so the same code serves every source of positioned glyph runs.
 *
 * Fragments are grouped into rows by baseline. Runs of rows sharing a vertical gutter (an
 * x-range no fragment crosses) form a region; a region whose two sides are independent text
 * blocks (baselines that do not line up or a different line spacing, and neither side looking
 * like table columns) is read one block after the other: the whole left block, then the whole
 * right block. Every other region (tables, label/value pairs) keeps its rows, one line per
 * row with one cell per column.
 */
import {
  findRegions,
  groupRows,
  liftCentredRows,
  splitAtGutter,
  type Row,
} from './layout-regions.js';

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

/** A gap wider than this fraction of the font size starts a new cell (a table column). */
const CELL_GAP_EM = 0.6;
/** In justified text (every gap word-sized) only gaps wider than this start a cell. */
const JUSTIFIED_CELL_GAP_EM = 1.2;
/**
 * Most spaces standing for a line's left margin: a page of absurd size (/UserUnit 75000) would
 * otherwise indent its lines by hundreds of thousands of spaces.
 */
const MAX_INDENT = 200;
/** Gutters narrower than this many average character widths are word gaps, not columns. */
const GUTTER_CHARS = 2.5;

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
 * Lays out one page: fragments in, reading-order lines out. Whitespace-only fragments (pdfjs
 * emits them to fill gaps) carry no text and would bridge gutters, so they are ignored.
 */
export function buildLines(fragments: Fragment[]): LayoutLine[] {
  const items = fragments.filter((f) => f.text.trim().length > 0);
  if (items.length === 0) return [];
  const charWidth = averageCharWidth(items);
  return layoutBlock(items, charWidth);
}

function layoutBlock(items: Fragment[], charWidth: number): LayoutLine[] {
  const minGutter = charWidth * GUTTER_CHARS;
  const lines: LayoutLine[] = [];
  for (const region of findRegions(liftCentredRows(groupRows(items)), minGutter)) {
    const regionItems = region.rows.flatMap((r) => r.items);
    if (region.gutter) {
      const { left, right } = splitAtGutter(regionItems, region.gutter);
      lines.push(...layoutBlock(left, charWidth), ...layoutBlock(right, charWidth));
    } else {
      for (const row of region.rows) lines.push(rowToLine(row, charWidth));
    }
  }
  return lines;
}

function emOf(a: Fragment, b: Fragment): number {
  return Math.min(a.height || b.height, b.height || a.height) || 10;
}

/** Justified prose stretches word gaps past a table's smallest column gap: all gaps look alike. */
function isJustified(items: Fragment[]): boolean {
  let gaps = 0;
  let wordSized = 0;
  for (let i = 1; i < items.length; i += 1) {
    const a = items[i - 1]!;
    const b = items[i]!;
    const em = (b.x - (a.x + a.width)) / emOf(a, b);
    gaps += 1;
    if (em > 0.1 && em <= 1) wordSized += 1;
  }
  return gaps >= 3 && wordSized >= gaps * 0.8;
}

function rowToLine(row: Row, charWidth: number): LayoutLine {
  const cellGapEm = isJustified(row.items) ? JUSTIFIED_CELL_GAP_EM : CELL_GAP_EM;
  const cells: LayoutCell[] = [];
  let text = '';
  let cell: LayoutCell | null = null;
  let cellHeight = 0;
  for (const f of row.items) {
    const piece = f.text;
    if (cell === null) {
      cell = { text: piece, x: f.x, xEnd: f.x + f.width };
      cellHeight = f.height;
      text = ' '.repeat(Math.min(MAX_INDENT, Math.max(0, Math.round(f.x / charWidth / 2)))) + piece;
      continue;
    }
    const gap = f.x - cell.xEnd;
    const em = Math.min(cellHeight || f.height, f.height || cellHeight) || charWidth * 2;
    if (gap > em * cellGapEm) {
      cells.push(cell);
      const spaces = Math.max(3, Math.round(gap / charWidth));
      text += ' '.repeat(Math.min(spaces, 40)) + piece;
      cell = { text: piece, x: f.x, xEnd: f.x + f.width };
      cellHeight = f.height;
    } else {
      const joiner =
        gap > charWidth * 0.25 && !cell.text.endsWith(' ') && !piece.startsWith(' ') ? ' ' : '';
      cell.text += joiner + piece;
      text += joiner + piece;
      cell.xEnd = Math.max(cell.xEnd, f.x + f.width);
    }
  }
  if (cell) cells.push(cell);
  return {
    y: row.y,
    cells: cells
      .map((c) => ({ ...c, text: c.text.replace(/\s+/gu, ' ').trim() }))
      .filter((c) => c.text),
    // trimEnd, not /\s+$/: that regex is quadratic on a long run of spaces inside the line
    text: text.trimEnd(),
  };
}
