/** The priced table: header row repeated on every page, section rows, wrapped designations. */
import type { ColumnKey } from '../layouts/index.js';
import type { QuoteLine, QuoteModel } from '../model.js';
import { MARGIN, PAGE_WIDTH, type PdfCanvas } from './pdf-canvas.js';
import { cell, headerCell } from './texts.js';

const WIDTHS: Record<Exclude<ColumnKey, 'designation'>, number> = {
  num: 30,
  qty: 34,
  unit: 36,
  qtyunit: 56,
  pu: 68,
  total: 72,
  tva: 42,
};

interface Column {
  key: ColumnKey;
  x: number;
  width: number;
}

function columns(m: QuoteModel): Column[] {
  const fixed = m.layout.columns.reduce((s, k) => s + (k === 'designation' ? 0 : WIDTHS[k]), 0);
  const designation = PAGE_WIDTH - 2 * MARGIN - fixed;
  let x = MARGIN;
  return m.layout.columns.map((key) => {
    const width = key === 'designation' ? designation : WIDTHS[key];
    const column = { key, x, width };
    x += width;
    return column;
  });
}

function drawHeaderRow(c: PdfCanvas, m: QuoteModel, cols: Column[]): void {
  c.ensure(40);
  c.shade(MARGIN, c.y + 10, PAGE_WIDTH - 2 * MARGIN, 15);
  for (const col of cols) {
    const left = col.key === 'designation' || col.key === 'num';
    c.text(headerCell(m, col.key), left ? col.x + 2 : col.x + col.width - 3, c.y, {
      size: 8,
      bold: true,
      align: left ? 'left' : 'right',
    });
  }
  c.y -= 16;
}

function drawLine(
  c: PdfCanvas,
  m: QuoteModel,
  cols: Column[],
  line: QuoteLine,
  redrawHeader: () => void,
): void {
  const design = cols.find((col) => col.key === 'designation') as Column;
  const wrapped = c.wrap(line.designation, design.width - 6, 8.5);
  const details = line.details.flatMap((d) => c.wrap(`– ${d}`, design.width - 12, 7.5));
  const height = wrapped.length * 11 + details.length * 9.5 + 4;
  if (c.ensure(Math.min(height, 120))) redrawHeader();
  for (const col of cols) {
    if (col.key === 'designation') continue;
    const left = col.key === 'num';
    c.text(cell(m, line, col.key), left ? col.x + 2 : col.x + col.width - 3, c.y, {
      size: 8.5,
      align: left ? 'left' : 'right',
    });
  }
  for (const part of wrapped) {
    c.text(part, design.x + 3, c.y, { size: 8.5 });
    c.y -= 11;
  }
  for (const part of details) {
    if (c.ensure(10)) redrawHeader();
    c.text(part, design.x + 9, c.y, { size: 7.5, muted: true });
    c.y -= 9.5;
  }
  c.y -= 4;
}

/** Draws every line; `splitAt` forces a page break before that line (table over two pages). */
export function drawTable(c: PdfCanvas, m: QuoteModel, splitAt: number | null): void {
  const cols = columns(m);
  const redraw = (): void => drawHeaderRow(c, m, cols);
  redraw();
  let section: string | null = null;
  m.lines.forEach((line, i) => {
    if (i === splitAt) {
      c.text('Suite page suivante', PAGE_WIDTH - MARGIN, c.y - 4, {
        size: 7,
        muted: true,
        align: 'right',
      });
      c.newPage();
      redraw();
    }
    if (m.layout.sections && line.section !== section) {
      section = line.section;
      if (c.ensure(40)) redraw();
      c.text(section ?? '', (cols.find((col) => col.key === 'designation')?.x ?? MARGIN) + 3, c.y, {
        size: 9,
        bold: true,
      });
      c.y -= 13;
    }
    drawLine(c, m, cols, line, redraw);
  });
  c.hline(MARGIN, PAGE_WIDTH - MARGIN, c.y + 6);
  c.y -= 6;
}
