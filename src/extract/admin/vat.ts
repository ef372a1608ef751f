/**
 * VAT recap: one entry per rate with its base and amount, from `TVA 5,5 % (base X) Y` lines,
 * `TVA à 10 % Y` lines and rate tables (`1 5,5 % 1 000,00 € 55,00 €`). Rows are accepted when
 * base × rate gives the amount, or when the line names the VAT.
 */
import type { TvaLine } from '../../domain/attributes.js';
import type { DocumentLine } from '../document.js';
import { parseNumber } from '../../domain/numbers.js';
import { amountBelow, moneyNumbers } from './amounts.js';
import { TABLE_HEADER_RE } from './context.js';

const RATE_RE = /(?<![\d,.])(\d{1,2}(?:[,.]\d{1,2})?)\s?%/gu;
const LABEL_ONLY_RE =
  /^\s*(?:dont\s+)?T\.?V\.?A\.?\s*(?:[àa]\s+)?\(?\d{1,2}(?:[,.]\d{1,2})?\s?%\)?\s*:?\s*$/iu;
const RATE_AT_START_RE =
  /^\s*(?:dont\s+|total\s+|montant\s+)?(?:T\.?V\.?A|taux|\d{1,2}(?:[,.]\d{1,2})?\s?%)/iu;
const VAT_WORD_RE = /\b(?:T\.?V\.?A|taxe)\b/iu;
const RECAP_HEADER_RE = /\b(?:taux|T\.?V\.?A)\b.*\b(?:base|montant|HT)\b/iu;
export const KNOWN_RATES = [2.1, 5.5, 8.5, 10, 20];

export function consistent(base: number, rate: number, amount: number): boolean {
  const expected = (base * rate) / 100;
  return Math.abs(expected - amount) <= Math.max(0.02, expected * 0.002);
}

function isRecapRow(lines: DocumentLine[], index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - 4); i -= 1) {
    const text = lines[i]?.text ?? '';
    if (RECAP_HEADER_RE.test(text) && !TABLE_HEADER_RE.test(text)) return true;
  }
  return false;
}

interface RateSlot {
  rate: number;
  /** Text between the previous rate (or the start) and this one. */
  before: string;
  /** Text between this rate and the next one (or the end). */
  after: string;
}

function rateSlots(text: string): RateSlot[] {
  const matches = [...text.matchAll(RATE_RE)];
  const slots: RateSlot[] = [];
  matches.forEach((m, i) => {
    const rate = parseNumber(m[1] ?? '');
    if (rate === undefined || !KNOWN_RATES.includes(rate)) return;
    const prev = matches[i - 1];
    const start = prev ? prev.index + prev[0].length : 0;
    const end = m.index + m[0].length;
    slots.push({
      rate,
      before: text.slice(start, m.index),
      after: text.slice(end, matches[i + 1]?.index ?? text.length),
    });
  });
  return slots;
}

function entryOfSlot(slot: RateSlot, named: boolean, recapRow: boolean): TvaLine | undefined {
  const numbers = moneyNumbers(slot.after);
  const [a, b] = numbers.map((n) => n.value);
  if ((named || recapRow) && a !== undefined && b !== undefined && consistent(a, slot.rate, b)) {
    return { taux_tva: slot.rate, prix_ht_total: a, montant_tva_total: b };
  }
  if (!named || recapRow) return undefined;
  if (a === undefined) return { taux_tva: slot.rate };
  // only separators, a currency sign or parentheses between the rate and its amount
  if (
    !/^[\s:=|()€-]*(?:sur|base)?[\s:=|()€-]*$/iu.test(slot.after.slice(0, numbers[0]?.index ?? 0))
  )
    return undefined;
  const isBase = /\b(?:base|HT)\b/iu.test(slot.before) && !VAT_WORD_RE.test(slot.before);
  return isBase
    ? { taux_tva: slot.rate, prix_ht_total: a }
    : { taux_tva: slot.rate, montant_tva_total: a };
}

function entriesOfText(text: string, recapRow: boolean): TvaLine[] {
  const named = VAT_WORD_RE.test(text);
  return rateSlots(text)
    .map((slot) => entryOfSlot(slot, named, recapRow))
    .filter((e): e is TvaLine => e !== undefined);
}

function merge(entries: TvaLine[]): TvaLine[] {
  const byRate = new Map<number, TvaLine>();
  for (const e of entries) {
    const current = byRate.get(e.taux_tva);
    if (!current) byRate.set(e.taux_tva, { ...e });
    else {
      current.prix_ht_total ??= e.prix_ht_total;
      current.montant_tva_total ??= e.montant_tva_total;
    }
  }
  return [...byRate.values()];
}

function entryOfLine(lines: DocumentLine[], index: number, recap: boolean): TvaLine[] {
  const cells = lines[index]?.cells ?? [];
  const found: TvaLine[] = [];
  cells.forEach((cell, c) => {
    const rest = cells
      .slice(c)
      .map((x) => x.text)
      .join('  ');
    const entries = RATE_AT_START_RE.test(cell.text) || c === 0 ? entriesOfText(rest, recap) : [];
    for (const entry of entries) {
      if (
        entry.montant_tva_total === undefined &&
        entry.prix_ht_total === undefined &&
        LABEL_ONLY_RE.test(cell.text)
      ) {
        const below = amountBelow(lines, index, cell);
        if (below !== undefined) entry.montant_tva_total = below;
      }
      found.push(entry);
    }
  });
  return found;
}

/** Per-rate VAT entries printed on the quote (bases not yet inferred). */
export function findVatEntries(lines: DocumentLine[]): TvaLine[] {
  const withAmounts: TvaLine[] = [];
  const ratesOnly: TvaLine[] = [];
  lines.forEach((_line, index) => {
    for (const entry of entryOfLine(lines, index, isRecapRow(lines, index))) {
      if (entry.montant_tva_total !== undefined || entry.prix_ht_total !== undefined)
        withAmounts.push(entry);
      else ratesOnly.push(entry);
    }
  });
  return merge(withAmounts.length > 0 ? withAmounts : ratesOnly);
}
