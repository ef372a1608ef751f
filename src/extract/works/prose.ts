/**
 * Quotes typed as a letter, without a table: numbered paragraphs ("1 - Isolation des combles …
 * 85 m² à 24,50 EUR le m²") whose amount sits alone at the end of the paragraph's last line.
 * Read only when no table row was found.
 */
import type { DocumentLine } from '../document.js';
import type { Tax } from './header.js';
import { isBullet, isEndLine, isSubtotalLine, stripBullet } from './line-kinds.js';
import type { RowValues } from './row-match.js';
import type { ParsedRow } from './table-state.js';
import { cleanText, fold, toNumber } from './text.js';
import { unitOf } from './tokens.js';

const AMOUNT = String.raw`\d{1,3}(?:[ \u00a0.]\d{3})*,\d{2}|\d+,\d{2}|\d{1,3}(?:[ ,]\d{3})*\.\d{2}`;
const AMOUNT_CELL_RE = new RegExp(
  String.raw`^(?<n>${AMOUNT})\s*(?:€|eur|euros?)?\s*(?:ht|h\.t\.?)?$`,
  'iu',
);
const MARKER_RE = /^(?<n>\d{1,2}(?:\.\d{1,2})?)\s*[-–).]\s+(?=\p{L})/u;
const QTY_PRICE_RE = new RegExp(
  String.raw`(?<q>\d+(?:[.,]\d+)?)\s*(?<u>m²|m2|ml|m³|m3|u|unités?|pièces?)\s+(?:à|a|x|×)\s+(?<p>${AMOUNT})\s*(?:€|eur|euros?)?`,
  'iu',
);

function amountOf(text: string): number | undefined {
  const raw = text.replace(/[\s\u00a0]/gu, '');
  if (/,\d{2}$/u.test(raw)) return toNumber(raw.replace(/\./gu, '').replace(',', '.'));
  return toNumber(raw.replace(/,/gu, ''));
}

interface Priced {
  label: string;
  amount: number;
}

function pricedLine(line: DocumentLine): Priced | undefined {
  const cells = line.cells.map((c) => cleanText(c.text)).filter((t) => t.length > 0);
  if (cells.length < 2) return undefined;
  const m = AMOUNT_CELL_RE.exec(cells[cells.length - 1] ?? '');
  const amount = m?.groups?.n ? amountOf(m.groups.n) : undefined;
  const label = cells.slice(0, -1).join(' ');
  if (amount === undefined || label.replace(/[^\p{L}]/gu, '').length < 3) return undefined;
  if (/:\s*$/u.test(label) || isSubtotalLine(label)) return undefined;
  return { label, amount };
}

function lineText(line: DocumentLine): string {
  return cleanText(line.text);
}

function valuesOf(text: string, amount: number, tax: Tax): RowValues {
  const values: RowValues = tax === 'ttc' ? { totalTtc: amount } : { totalHt: amount };
  const m = QTY_PRICE_RE.exec(text);
  const q = toNumber(m?.groups?.q?.replace(',', '.'));
  const p = m?.groups?.p ? amountOf(m.groups.p) : undefined;
  if (q !== undefined && p !== undefined && Math.abs(q * p - amount) < 0.05) {
    values.quantite = q;
    const unit = unitOf(m?.groups?.u ?? '');
    if (unit) values.unite = unit;
    if (tax === 'ttc') values.puTtc = p;
    else values.puHt = p;
  } else if (/\bforfait\b/u.test(fold(text))) {
    values.quantite = 1;
    values.unite = 'forf.';
  }
  return values;
}

/** Priced paragraphs of a quote printed without a table, in reading order. */
export function readProseRows(lines: readonly DocumentLine[], tax: Tax): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let itemFloor = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as DocumentLine;
    const cells = line.cells.map((c) => c.text);
    if (isEndLine(cells)) {
      if (rows.length > 0) break;
      itemFloor = i + 1;
      continue;
    }
    const priced = pricedLine(line);
    if (!priced) continue;
    let start = i;
    if (!MARKER_RE.test(priced.label) && !isBullet(priced.label)) {
      for (let k = i - 1; k >= Math.max(itemFloor, i - 5); k -= 1) {
        const text = lineText(lines[k] as DocumentLine);
        if (MARKER_RE.test(text) || isBullet(text)) {
          start = k;
          break;
        }
      }
    }
    itemFloor = i + 1;
    const parts = [...lines.slice(start, i).map((l) => lineText(l)), priced.label];
    const first = parts[0] ?? '';
    const marker = MARKER_RE.exec(first);
    parts[0] = marker ? first.slice(marker[0].length) : stripBullet(first);
    const label = parts.join(' ').replace(/\s+/gu, ' ').trim();
    const text = parts.join(' ');
    const row: ParsedRow = {
      label,
      details: [],
      notes: [],
      page: line.page,
      bulletOpen: false,
      values: valuesOf(text, priced.amount, tax),
    };
    if (marker?.groups?.n) row.numero = marker.groups.n;
    rows.push(row);
  }
  // a single amount alone is a total, not a list of works
  return rows.length >= 1 && rows.some((r) => r.numero !== undefined || rows.length > 1)
    ? rows
    : [];
}
