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
import { amountOf, isQuantityPriceOnly, quantityTimesPrice } from './qty-price.js';
import { cleanText, fold } from './text.js';

const AMOUNT = String.raw`\d{1,3}(?:[ \u00a0.]\d{3})*,\d{2}|\d+,\d{2}|\d{1,3}(?:[ ,]\d{3})*\.\d{2}`;
const AMOUNT_CELL_RE = new RegExp(
  String.raw`^(?<n>${AMOUNT})\s*(?:€|eur|euros?)?\s*(?:ht|h\.t\.?)?$`,
  'iu',
);
/** Lines a numbered paragraph may span above its priced line. */
const PARAGRAPH_MAX_LINES = 8;
const MARKER_RE = /^(?<n>\d{1,2}(?:\.\d{1,2})?)\s*[-–).]\s+(?=\p{L})/u;

interface Priced {
  label: string;
  amount: number;
  /** The label is only « 1 u × 2 190,00 € »: the price line of a paragraph above it. */
  priceOnly: boolean;
}

function pricedLine(line: DocumentLine): Priced | undefined {
  const cells = line.cells.map((c) => cleanText(c.text)).filter((t) => t.length > 0);
  if (cells.length < 2) return undefined;
  const m = AMOUNT_CELL_RE.exec(cells[cells.length - 1] ?? '');
  const amount = m?.groups?.n ? amountOf(m.groups.n) : undefined;
  const label = cells.slice(0, -1).join(' ');
  if (amount === undefined) return undefined;
  const priceOnly = isQuantityPriceOnly(label, amount);
  if (label.replace(/[^\p{L}]/gu, '').length < 3 && !priceOnly) return undefined;
  if (/:\s*$/u.test(label) || isSubtotalLine(label)) return undefined;
  return { label, amount, priceOnly };
}

function lineText(line: DocumentLine): string {
  return cleanText(line.text);
}

/** « 1 - Isolation … », or a first cell holding only the item's number: « 1 | Chauffe-eau … ». */
function markedText(line: DocumentLine): string {
  const cells = line.cells.map((c) => cleanText(c.text)).filter((t) => t.length > 0);
  const [first, second] = cells;
  if (first && second && /^\d{1,2}(?:\.\d{1,2})?$/u.test(first) && /^\p{L}/u.test(second)) {
    return `${first} - ${cells.slice(1).join(' ')}`;
  }
  return lineText(line);
}

function valuesOf(text: string, amount: number, tax: Tax): RowValues {
  const values: RowValues = tax === 'ttc' ? { totalTtc: amount } : { totalHt: amount };
  const found = quantityTimesPrice(text, amount);
  if (found) {
    values.quantite = found.quantite;
    if (found.unite) values.unite = found.unite;
    if (tax === 'ttc') values.puTtc = found.price;
    else values.puHt = found.price;
  } else if (/\bforfait\b/u.test(fold(text))) {
    values.quantite = 1;
    values.unite = 'forf.';
  }
  return values;
}

/** Priced paragraphs of a quote printed without a table, in reading order. */
export function readProseRows(lines: readonly DocumentLine[], tax: Tax): ParsedRow[] {
  const rows: ParsedRow[] = [];
  /** Per row: the index of its priced line and of its first line. */
  const spans: { priced: number; start: number }[] = [];
  let itemFloor = 0;
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as DocumentLine;
    const cells = line.cells.map((c) => c.text);
    // « TVA 5,5 % · HT » under an item states its rate; the totals print amounts
    if (isEndLine(cells) && /\d[.,]\d{2}(?!\d)/u.test(line.text)) {
      if (rows.length > 0) {
        end = i;
        break;
      }
      itemFloor = i + 1;
      continue;
    }
    const priced = pricedLine(line);
    if (!priced) continue;
    let start = i;
    if (!MARKER_RE.test(priced.label) && !isBullet(priced.label)) {
      for (let k = i - 1; k >= Math.max(itemFloor, i - PARAGRAPH_MAX_LINES); k -= 1) {
        const text = markedText(lines[k] as DocumentLine);
        if (MARKER_RE.test(text) || isBullet(text)) {
          start = k;
          break;
        }
      }
    }
    itemFloor = i + 1;
    // a price line of its own (« 1 u × 2 190,00 € ») prices the paragraph, it is not its label
    const priceOnly = start < i && priced.priceOnly;
    const parts = [
      ...lines.slice(start, i).map((l, k) => (k === 0 ? markedText(l) : lineText(l))),
      ...(priceOnly ? [] : [priced.label]),
    ];
    const first = parts[0] ?? '';
    const marker = MARKER_RE.exec(first);
    parts[0] = marker ? first.slice(marker[0].length) : stripBullet(first);
    const label = parts.join(' ').replace(/\s+/gu, ' ').trim();
    const text = priceOnly ? `${parts.join(' ')} ${priced.label}` : parts.join(' ');
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
    spans.push({ priced: i, start });
  }
  // the lines after a priced line, up to the next paragraph, describe it
  rows.forEach((row, k) => {
    const to = spans[k + 1]?.start ?? end;
    row.details = lines
      .slice((spans[k]?.priced ?? to) + 1, to)
      .map(lineText)
      .filter((text) => text.length > 0 && !isSubtotalLine(text));
  });
  // a single amount alone is a total, not a list of works
  return rows.length >= 1 && rows.some((r) => r.numero !== undefined || rows.length > 1)
    ? rows
    : [];
}
