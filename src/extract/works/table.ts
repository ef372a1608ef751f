/**
 * Walks the lines of a quote and rebuilds its table of priced lines: header rows (repeated on
 * each page or not), priced rows with their wrapped labels and description lines, section
 * titles, sub-totals and the total that ends the table. Without a header, rows are recognised
 * by their price columns alone.
 */
import type { DocumentCell, DocumentLine } from '../document.js';
import {
  headerQualifier,
  parseHeader,
  qualifyColumns,
  type TableHeader,
  type Tax,
} from './header.js';
import { isBullet, isEndLine, isPageFurniture, isSubtotalLine } from './line-kinds.js';
import { needsPrefix, NUMERO_RE, type PendingLine } from './pending.js';
import { isRepeated } from './region.js';
import { DEFAULT_COLUMNS, readRowTail, type TailReading } from './row-tail.js';
import {
  flush,
  newState,
  onHeader,
  startRow,
  type ParsedRow,
  type WalkState,
} from './table-state.js';
import { rowTextOf } from './tokens.js';

export type { ParsedRow } from './table-state.js';

export interface TableOptions {
  codes: ReadonlySet<string>;
  repeated: ReadonlySet<string>;
  /** HT or TTC for price columns printed without a qualifier. */
  tax: Tax;
}

function isPriced(reading: TailReading | undefined, text: string): reading is TailReading {
  if (!reading) return false;
  const e = reading.evidence;
  if (e.amounts === 0) return false;
  if (isBullet(text)) return e.consistent;
  if (e.consistent || e.currency) return true;
  return e.formatted && (e.quantity || e.amounts >= 2);
}

/**
 * A header printed on two or three text lines ("TVA" above and "%" below the row of the other
 * headings): the short cells of the lines just above and below that sit between the header's
 * own cells join it, in their place from left to right.
 */
function stackedHeaderText(lines: readonly DocumentLine[], i: number): string | undefined {
  const line = lines[i] as DocumentLine;
  if (line.cells.length < 3) return undefined;
  const left = (line.cells[0] as DocumentCell).x;
  const right = (line.cells[line.cells.length - 1] as DocumentCell).xEnd;
  const cells = [...line.cells];
  // the middle of the new cell inside a cell already there (plain-text cells carry padding)
  const overlaps = (a: DocumentCell, b: DocumentCell) => {
    const middle = (b.x + b.xEnd) / 2;
    return a.x <= middle && middle <= a.xEnd;
  };
  for (const j of [i - 1, i + 1]) {
    const next = lines[j];
    if (!next || next.page !== line.page || next.cells.length === 0 || next.cells.length > 3) {
      continue;
    }
    const fits = next.cells.every(
      (c) =>
        c.text.trim().length <= 12 &&
        c.x > left &&
        // a last column's heading may stand alone above the row (« Montant HT » over « (€) »)
        c.x <= right + (right - left) * 0.25 &&
        !cells.some((o) => overlaps(o, c)),
    );
    if (fits) cells.push(...next.cells);
  }
  if (cells.length === line.cells.length) return undefined;
  return rowTextOf({ ...line, cells: cells.sort((a, b) => a.x - b.x) }).text;
}

function readHeader(
  lines: readonly DocumentLine[],
  i: number,
  tax: Tax,
): { header: TableHeader; skip: number } | undefined {
  const line = lines[i] as DocumentLine;
  const own = parseHeader(rowTextOf(line).text);
  if (!own) return undefined;
  const stackedText = stackedHeaderText(lines, i);
  const stacked = stackedText === undefined ? undefined : parseHeader(stackedText);
  const header = stacked && stacked.columns.length >= own.columns.length ? stacked : own;
  const next = lines[i + 1];
  const qualifier =
    next && next.page === line.page ? headerQualifier(rowTextOf(next).text) : undefined;
  const fallback = qualifier && qualifier !== 'none' ? qualifier : tax;
  return { header: qualifyColumns(header, fallback), skip: qualifier ? 1 : 0 };
}

/** Outside a table, a row strong enough to start one (no header, or a table resumed after totals). */
function enterZone(state: WalkState, reading: TailReading | undefined, label: string): boolean {
  if (!reading || /:\s*$/u.test(label)) return false;
  const letters = label.replace(/[^\p{L}]/gu, '').length;
  if (letters < 3 && !(letters === 0 && state.outside)) return false;
  const e = reading.evidence;
  const strong = e.consistent || (!state.sawHeader && e.quantity && e.unit && e.formatted);
  if (!strong) return false;
  state.inZone = true;
  state.pending =
    state.outside && needsPrefix(label, [state.outside], false, false) ? [state.outside] : [];
  state.outside = undefined;
  state.pageTop = [];
  if (!state.columns) state.columns = DEFAULT_COLUMNS;
  return true;
}

/** Left edge of a line; plain-text cells may start on the indentation, so the spaces count too. */
function lineX(line: DocumentLine): number {
  const indent = line.text.length - line.text.trimStart().length;
  return Math.max(line.cells[0]?.x ?? 0, indent);
}

/**
 * Left edge of the cell where a row's label starts, after a line number or article code, on the
 * same scale as `lineX` (plain-text cells start on their padding: the text's column counts).
 */
function labelCellX(line: DocumentLine): number | undefined {
  const cell = line.cells.find(
    (c) => !NUMERO_RE.test(`${c.text} `) && !ARTICLE_CODE_RE.test(c.text),
  );
  return cell ? Math.max(cell.x, line.text.indexOf(cell.text)) : undefined;
}

/**
 * An article code alone in the first cell of a numbered table ("PAC-AE11 | Pompe à chaleur…"):
 * capitals and digits joined by a hyphen, dot or slash. It is a catalogue reference, not a line
 * number, and not part of the label.
 */
const ARTICLE_CODE_RE = /^[A-Z][A-Z0-9]*(?:[-./][A-Z0-9]+)+$/u;

function withoutArticleCode(label: string, line: DocumentLine, numbered: boolean): string {
  const first = line.cells[0]?.text;
  if (!numbered || line.cells.length < 2 || !first || !ARTICLE_CODE_RE.test(first)) return label;
  if (NUMERO_RE.test(`${first} `) || !label.startsWith(first)) return label;
  return label.slice(first.length).trim();
}

function onLine(state: WalkState, line: DocumentLine, opts: TableOptions): void {
  const row = rowTextOf(line);
  const cells = line.cells.length > 0 ? line.cells.map((c) => c.text) : [row.text];
  if (isEndLine(cells)) {
    if (state.inZone) flush(state, false);
    state.inZone = false;
    state.outside = undefined;
    return;
  }
  if (isSubtotalLine(row.text)) return;
  const pendingLine: PendingLine = { text: row.text, x: lineX(line) };
  const reading = readRowTail(row, {
    columns: state.columns ?? DEFAULT_COLUMNS,
    codes: opts.codes,
  });
  const label = withoutArticleCode(
    reading ? row.text.slice(0, reading.labelEnd).trim() : row.text,
    line,
    state.numbered,
  );
  if (!state.inZone && !enterZone(state, reading, label)) {
    state.outside = pendingLine;
    return;
  }
  if (
    isPriced(reading, row.text) &&
    (label !== '' || state.pending.length > 0 || state.pageTop.length > 0)
  ) {
    state.pending.push(...state.pageTop);
    state.pageTop = [];
    startRow(state, label, reading, line.page, labelCellX(line));
    return;
  }
  if (isPageFurniture(row.text) || isRepeated(row.text, opts.repeated)) return;
  const lastRow = state.rows[state.rows.length - 1];
  if (lastRow && line.page !== lastRow.page) state.pageTop.push(pendingLine);
  else state.pending.push(pendingLine);
}

/** Priced rows of the quote, in reading order. */
export function readTable(lines: readonly DocumentLine[], opts: TableOptions): ParsedRow[] {
  const state = newState(lines[0]?.page ?? 1);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as DocumentLine;
    if (!rowTextOf(line).text) continue;
    if (line.page !== state.page) {
      state.page = line.page;
      state.pageTop = [];
    }
    const header = readHeader(lines, i, opts.tax);
    if (header) {
      onHeader(state, header.header);
      i += header.skip;
    } else onLine(state, line, opts);
  }
  if (state.inZone) {
    state.pending.push(...state.pageTop);
    flush(state, false);
  }
  return state.rows;
}
