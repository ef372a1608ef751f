/**
 * VAT of the lines when it is not printed as a rate on each row: a legend of codes
 * ("Code 1 = 5,5 %", or a small "Code | Taux TVA | Base HT" table) the rows refer to, or a single
 * rate stated for the whole quote ("TVA 5,5 % incluse").
 */
import type { DocumentLine } from '../document.js';
import { fold, toNumber } from './text.js';

const KNOWN_RATES = new Set([0, 2.1, 5.5, 7, 8.5, 10, 13, 19.6, 20]);
const RATE = String.raw`(\d{1,2}(?:[.,]\d{1,2})?)\s*%`;
const LEGEND_ROW_RE = new RegExp(
  String.raw`^\(?([a-z]?\d{1,2}|[a-z])\)?\s*(?:[:=–-]\s*)?(?:tva\s*)?(?:a\s*|au\s+taux\s+(?:de\s+)?)?${RATE}`,
  'u',
);
const INLINE_LEGEND_RE = new RegExp(
  String.raw`(?:^|[\s(;,])(?:code\s*)?\(?([a-z]?\d{1,2}|[a-z])\)?\s*[=:]\s*(?:tva\s*)?(?:a\s*)?${RATE}`,
  'gu',
);

function addRate(
  legend: Map<string, number>,
  code: string | undefined,
  rate: string | undefined,
): void {
  const value = toNumber(rate);
  if (code === undefined || value === undefined || !KNOWN_RATES.has(value)) return;
  if (!legend.has(code.toUpperCase())) legend.set(code.toUpperCase(), value);
}

function cellTexts(line: DocumentLine): string[] {
  return line.cells.length > 0 ? line.cells.map((c) => c.text) : [line.text];
}

/** VAT codes and their rates, from a legend table or inline definitions. */
export function findVatLegend(lines: readonly DocumentLine[]): Map<string, number> {
  const legend = new Map<string, number>();
  lines.forEach((line, index) => {
    const folded = fold(line.text);
    if (/\bcode\b/u.test(folded) && /\b(?:tva|taux)\b/u.test(folded)) {
      for (const next of lines.slice(index + 1, index + 8)) {
        const m = LEGEND_ROW_RE.exec(fold(cellTexts(next).join(' ')).trim());
        if (m) addRate(legend, m[1], m[2]);
      }
    }
    if (/\b(?:tva|taux)\b/u.test(folded)) {
      for (const m of folded.matchAll(INLINE_LEGEND_RE)) addRate(legend, m[1], m[2]);
    }
  });
  return legend;
}

/** Distinct VAT rates stated for the quote (totals, "TVA 5,5 % incluse"). */
export function statedVatRates(lines: readonly DocumentLine[]): number[] {
  const rates = new Set<number>();
  let recapRows = 0;
  for (const line of lines) {
    const folded = fold(line.text);
    // "Taux TVA | Base HT | Montant TVA" then rows that start with the rate
    const leading = recapRows > 0 ? new RegExp(String.raw`^\s*${RATE}`, 'u').exec(folded) : null;
    recapRows = Math.max(0, recapRows - 1);
    const leadingRate = toNumber(leading?.[1]);
    if (leadingRate !== undefined && KNOWN_RATES.has(leadingRate)) rates.add(leadingRate);
    if (
      /\btaux\b/u.test(folded) &&
      /\bbase\b|\bmontant\b/u.test(folded) &&
      !new RegExp(RATE, 'u').test(folded)
    )
      recapRows = 4;
    if (
      !/\bt\.?v\.?a\.?\b|\btaux\b/u.test(folded) ||
      /intracom|n°\s*tva|numero de tva/u.test(folded)
    )
      continue;
    for (const m of folded.matchAll(new RegExp(RATE, 'gu'))) {
      const value = toNumber(m[1]);
      if (value !== undefined && KNOWN_RATES.has(value)) rates.add(value);
    }
  }
  return [...rates];
}
