/**
 * A transposed price table, as spreadsheets print joinery quotes: one column per item (« F1 –
 * Séjour », « F2 – Cuisine », « P1 – Entrée ») and one row per attribute (« Type d'ouvrage »,
 * « Marque », « Uw (W/m².K) », « Quantité », « Total HT »). Found by content, not by wording:
 * a line whose cells after the first are all item marks (2 or more), then the lines whose first
 * cell is a label standing left of the item columns and whose other cells each fall under one
 * of them; the first line that does not fit ends it. Each column becomes a row of the table
 * reader's shape — its label from the designation row, its other rows as « label : value »
 * description lines (read by the same value readers as any description), its quantity and price
 * from the rows that name them — and only a matrix that prices its items is read.
 */
import type { DocumentCell, DocumentLine } from '../../domain/quote-document.js';
import type { ParsedRow } from './table-state.js';
import { amountOf } from './qty-price.js';
import { fold, toNumber } from './text.js';

const ITEM_MARK_RE =
  /^(?:[A-Z]{1,3}\s?[-.]?\s?\d{1,3}|(?:fen[eê]tre|menuiserie|ouverture|baie|porte|volet|option|variante|poste|article|lot)\s*(?:n°\s*)?\d{1,3})(?![\d,.])/iu;
const DESIGNATION_ROW_RE =
  /^(?:type(?:\s+d['’]ouvrage|\s+de\s+menuiserie)?|d[ée]signation|ouvrage|produit|article|menuiserie|description|nature)\b/u;
const QUANTITY_ROW_RE = /^(?:quantit[ée]s?|qt[ée]s?|nombre|nb)\b/u;
const HEADER_WORD_RE = /^(?:quantite|qte|p\.?\s?u\.?|prix|total|montant|unite|tva)\b/u;
const EMPTY_RE = /^[-–—/]*$|^n\.?\s?[ac]\.?$/iu;
const UNIT_IN_LABEL_RE =
  /^(?<name>.+?)\s*\((?<unit>[^()]*(?:\/|²|°|%|\b(?:mm|cm|kw|w|l|db)\b)[^()]*)\)\s*$/iu;

interface Column {
  mark: string;
  centre: number;
}

const centre = (cell: DocumentCell): number => (cell.x + cell.xEnd) / 2;

function headerColumns(line: DocumentLine): Column[] | undefined {
  const items = line.cells.slice(1);
  if (items.length < 2 || !items.every((c) => ITEM_MARK_RE.test(c.text.trim()))) return undefined;
  return items.map((c) => ({ mark: c.text.trim(), centre: centre(c) }));
}

/** The value cells of a matrix line by column, or undefined when the line is not one. */
function matrixValues(
  line: DocumentLine,
  columns: readonly Column[],
  labelLimit: number,
): { label: string; values: (string | undefined)[] } | undefined {
  const [first, ...rest] = line.cells;
  if (!first || rest.length === 0 || first.xEnd > labelLimit || !/\p{L}/u.test(first.text)) {
    return undefined;
  }
  const values: (string | undefined)[] = columns.map(() => undefined);
  for (const cell of rest) {
    const c = centre(cell);
    let best = 0;
    columns.forEach((col, i) => {
      if (Math.abs(col.centre - c) < Math.abs((columns[best]?.centre ?? 0) - c)) best = i;
    });
    if (c <= labelLimit || values[best] !== undefined) return undefined;
    values[best] = cell.text.trim();
  }
  // « Quantité | P.U. HT | Total HT » under the items: the header of the next table
  if (rest.every((cell) => HEADER_WORD_RE.test(fold(cell.text.trim())))) return undefined;
  return { label: first.text.trim(), values };
}

/** « Uw (W/m².K) » and « 1,2 » → « Uw : 1,2 W/m².K »: the unit after the value, as printed. */
function describe(label: string, value: string): string {
  const m = UNIT_IN_LABEL_RE.exec(label);
  if (m?.groups && toNumber(value) !== undefined) {
    return `${m.groups.name} : ${value} ${m.groups.unit}`;
  }
  return `${label} : ${value}`;
}

function columnRow(
  column: Column,
  index: number,
  rows: readonly { label: string; values: (string | undefined)[] }[],
  page: number,
): ParsedRow | undefined {
  const cells = rows
    .map((r) => ({ label: r.label, folded: fold(r.label), value: r.values[index] }))
    .filter((r): r is { label: string; folded: string; value: string } =>
      Boolean(r.value && !EMPTY_RE.test(r.value)),
    );
  const priced = cells.filter((r) => /\bht\b/u.test(r.folded) && amountOf(r.value) !== undefined);
  const total =
    priced.filter((r) => /\btotal\b|\bmontant\b/u.test(r.folded)).at(-1) ?? priced.at(-1);
  const totalHt = total ? amountOf(total.value) : undefined;
  if (totalHt === undefined) return undefined;
  const [, code, room] = /^(\S+)\s*(?:[-–—:]\s*(.+))?$/u.exec(column.mark) ?? [];
  const designation = cells.find((r) => DESIGNATION_ROW_RE.test(r.folded));
  const quantity = cells.find((r) => QUANTITY_ROW_RE.test(r.folded));
  const quantite = quantity ? toNumber(quantity.value.replace(/[^\d,.]/gu, '')) : undefined;
  const label = designation ? `${designation.value}${room ? ` – ${room}` : ''}` : column.mark;
  const row: ParsedRow = {
    label,
    details: cells.filter((r) => r !== designation).map((r) => describe(r.label, r.value)),
    notes: [],
    page,
    bulletOpen: false,
    values: { totalHt, ...(quantite ? { quantite, puHt: totalHt / quantite } : {}) },
  };
  if (code) row.numero = code;
  if (room) row.room = room;
  return row;
}

export interface MatrixReading {
  rows: ParsedRow[];
  /** Indexes of the lines the matrices took, to keep them from the table reader. */
  used: Set<number>;
  /** A matrix prices the installation on a row of its own (« Pose – P.U. HT »). */
  separatesInstallation: boolean;
}

const LABOUR_ROW_RE = /^(?:pose|main[- ]d['’](?:œ|oe)uvre|installation|m\.?\s?o\.?)\b/u;

/** The items of every transposed price table of the quote, one row each. */
export function readMatrices(lines: readonly DocumentLine[]): MatrixReading {
  const reading: MatrixReading = { rows: [], used: new Set(), separatesInstallation: false };
  for (let i = 0; i < lines.length; i += 1) {
    const header = lines[i];
    const columns = header ? headerColumns(header) : undefined;
    if (!header || !columns) continue;
    // a label ends before the first item column begins
    const labelLimit = header.cells[1]?.x ?? 0;
    const rows: { label: string; values: (string | undefined)[] }[] = [];
    let end = i + 1;
    for (; end < lines.length; end += 1) {
      const row = lines[end] ? matrixValues(lines[end]!, columns, labelLimit) : undefined;
      if (!row) break;
      rows.push(row);
    }
    const items = columns
      .map((column, index) => columnRow(column, index, rows, header.page))
      .filter((row): row is ParsedRow => row !== undefined);
    if (rows.length < 3 || items.length < 2) continue;
    reading.rows.push(...items);
    reading.separatesInstallation ||= rows.some(
      (r) =>
        LABOUR_ROW_RE.test(fold(r.label)) && r.values.some((v) => v && amountOf(v) !== undefined),
    );
    for (let k = i; k < end; k += 1) reading.used.add(k);
    i = end - 1;
  }
  return reading;
}
