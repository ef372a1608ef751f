/**
 * State of the table walk and what happens when a priced row or a header row is met: the
 * unpriced lines read since the previous row are shared out (label, description, titles).
 */
import type { Column, TableHeader } from './header.js';
import { isBullet, isSectionTitle } from './line-kinds.js';
import {
  addDetails,
  applyTitles,
  blockLabelStart,
  labelPrefixStart,
  needsPrefix,
  NUMERO_RE,
  resolvePending,
  type PendingLine,
  type TableContext,
  type TableRow,
} from './pending.js';
import type { RowValues, TailReading } from './row-tail.js';
import { unitOf } from './tokens.js';

export interface ParsedRow extends TableRow {
  values: RowValues;
}

export interface WalkState {
  columns?: Column[];
  inZone: boolean;
  sawHeader: boolean;
  numbered: boolean;
  quantityFirst: boolean;
  rows: ParsedRow[];
  pending: PendingLine[];
  /** Lines at the top of a new page, dropped if a repeated header follows. */
  pageTop: PendingLine[];
  page: number;
  ctx: TableContext;
  /** Last line read outside the table: a title above the header, or the label of a first row. */
  outside?: PendingLine;
}

export function newState(page: number): WalkState {
  return {
    inZone: false,
    sawHeader: false,
    numbered: false,
    quantityFirst: false,
    rows: [],
    pending: [],
    pageTop: [],
    page,
    ctx: { notes: [] },
  };
}

export function flush(state: WalkState, nextFollows: boolean, nextLabelX?: number): void {
  const prev = state.rows[state.rows.length - 1];
  const resolved = resolvePending(
    state.pending.map((p) => p.text),
    prev,
    nextFollows,
    nextLabelX === undefined ? undefined : { xs: state.pending.map((p) => p.x), nextLabelX },
  );
  state.pending = [];
  applyTitles(state.ctx, resolved.titles);
  state.ctx.notes.push(...resolved.notes);
}

function splitNumero(text: string, numbered: boolean): { numero?: string; rest: string } {
  const m = NUMERO_RE.exec(text);
  if (!numbered || !m?.[1]) return { rest: text };
  return { numero: m[1].replace(/\.$/u, ''), rest: text.slice(m[0].length).trim() };
}

/** Takes from the pending lines the beginning of the row's label, and description lines above it. */
function takePrefix(
  state: WalkState,
  label: string,
  hasNumero: boolean,
): { head: string; details: string[] } {
  if (!needsPrefix(label, state.pending, state.numbered, hasNumero))
    return { head: '', details: [] };
  const block = label === '' && !state.numbered;
  const k = block
    ? blockLabelStart(state.pending)
    : labelPrefixStart(state.pending, state.numbered);
  const taken = state.pending.slice(k);
  state.pending = state.pending.slice(0, k);
  if (!block) return { head: taken.map((p) => p.text).join(' '), details: [] };
  let end = 1;
  while (end < taken.length && taken[end]!.x <= taken[0]!.x + 0.5 && !isBullet(taken[end]!.text))
    end += 1;
  return {
    head: taken
      .slice(0, end)
      .map((p) => p.text)
      .join(' '),
    details: taken.slice(end).map((p) => p.text),
  };
}

/** "2 u Fenêtre PVC …" under a "Qté | Désignation" header: the quantity printed before the label. */
function splitQuantity(text: string, values: RowValues): string {
  const m = /^(\d+(?:[.,]\d+)?)\s*(\S+)?\s+(?=\S)/u.exec(text);
  if (!m?.[1] || values.quantite !== undefined) return text;
  values.quantite = Number(m[1].replace(',', '.'));
  const unit = m[2] ? unitOf(m[2]) : undefined;
  if (unit && values.unite === undefined) values.unite = unit;
  return text.slice(unit ? m[0].length : m[1].length).trim();
}

export function startRow(
  state: WalkState,
  label: string,
  reading: TailReading,
  page: number,
  /** Left edge of the row's label cell, when known. */
  labelX?: number,
): void {
  const values = { ...reading.values };
  const own = splitNumero(label, state.numbered);
  if (state.quantityFirst) own.rest = splitQuantity(own.rest, values);
  const prefix = takePrefix(state, own.rest, own.numero !== undefined);
  const head = splitNumero(prefix.head, state.numbered);
  const numero = own.numero ?? head.numero;
  const text = `${head.rest} ${own.rest}`.trim();
  flush(state, true, labelX);
  const { section, subsection, room, notes } = state.ctx;
  const row: ParsedRow = {
    numero,
    label: text,
    details: [],
    section,
    subsection,
    room,
    notes: [...notes],
    page,
    bulletOpen: false,
    values,
  };
  addDetails(row, prefix.details);
  state.rows.push(row);
}

export function onHeader(state: WalkState, header: TableHeader): void {
  // a running page header is dropped, text spilled over from the previous page is kept
  state.pending.push(...state.pageTop.filter((l) => isBullet(l.text) || /^[a-zà-ÿ]/u.test(l.text)));
  state.pageTop = [];
  if (state.inZone) flush(state, false);
  else
    state.pending =
      state.outside && isSectionTitle(state.outside.text, true) ? [state.outside] : [];
  state.outside = undefined;
  state.columns = header.columns;
  state.numbered = header.hasNumber;
  state.quantityFirst = header.quantityFirst;
  state.inZone = true;
  state.sawHeader = true;
}
