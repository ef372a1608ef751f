/**
 * Completes the VAT entries when the quote prints only part of them: the base of a rate from the
 * sum of its priced lines or from the HT total, and the amount from a `Total TVA` line. A value is
 * inferred only when the printed figures confirm it.
 */
import type { TvaLine } from '../../domain/attributes.js';
import type { DocumentLine } from '../document.js';
import { parseNumber, roundCents } from '../../domain/numbers.js';
import { findLabelledAmounts, moneyNumbers } from './amounts.js';
import { consistent, KNOWN_RATES } from './vat.js';

const ROW_RATE_RE = /(?<![\d,.])(\d{1,2}(?:[,.]\d{1,2})?)\s?%/gu;
const NOT_A_ROW_RE = /\b(?:T\.?V\.?A|total|acompte|prime|remise|net|reste|montant)\b/iu;

/** Sum of the last amount of each priced line, per VAT rate printed on the line. */
export function lineSumsByRate(lines: DocumentLine[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const line of lines) {
    if (NOT_A_ROW_RE.test(line.text)) continue;
    const rates = [...line.text.matchAll(ROW_RATE_RE)];
    const rateMatch = rates[0];
    if (rates.length !== 1 || !rateMatch) continue;
    const rate = parseNumber(rateMatch[1] ?? '');
    if (rate === undefined || !KNOWN_RATES.includes(rate)) continue;
    const end = rateMatch.index + rateMatch[0].length;
    const after = moneyNumbers(line.text.slice(end));
    const before = moneyNumbers(line.text.slice(0, rateMatch.index));
    const amount = (after[after.length - 1] ?? before[before.length - 1])?.value;
    if (amount !== undefined) sums.set(rate, roundCents((sums.get(rate) ?? 0) + amount));
  }
  return sums;
}

const VAT_TOTAL_RE =
  /(?<![\p{L}])(?:total\s+(?:de\s+la\s+)?T\.?V\.?A\.?|montant\s+(?:total\s+)?(?:de\s+la\s+)?T\.?V\.?A\.?)(?![\p{L}])(?!\s*\d{1,2}(?:[,.]\d{1,2})?\s?%)|^T\.?V\.?A\.?\s*:?(?=\s*[\d\s.,\u00a0\u202f]+(?:€|EUR)?\s*$)/iu;

/** The VAT total printed on its own line (`Total TVA 782,03 €`). */
export function findVatTotal(lines: DocumentLine[]): number | undefined {
  const hits = findLabelledAmounts(lines, VAT_TOTAL_RE);
  return hits[hits.length - 1]?.value;
}

export interface VatContext {
  prixTotalHt?: number;
  prixTotalTtc?: number;
  vatTotal?: number;
  lineSums: Map<number, number>;
}

function inferBases(entries: TvaLine[], ctx: VatContext): void {
  for (const e of entries) {
    const sum = ctx.lineSums.get(e.taux_tva);
    if (e.prix_ht_total === undefined && e.montant_tva_total !== undefined && sum !== undefined) {
      if (consistent(sum, e.taux_tva, e.montant_tva_total)) e.prix_ht_total = sum;
    }
  }
  const ht = ctx.prixTotalHt;
  const [only] = entries;
  if (ht === undefined || !only) return;
  if (entries.length === 1 && only.prix_ht_total === undefined) {
    const amount =
      only.montant_tva_total ??
      (ctx.prixTotalTtc !== undefined ? ctx.prixTotalTtc - ht : undefined);
    if (amount !== undefined && consistent(ht, only.taux_tva, amount)) only.prix_ht_total = ht;
    return;
  }
  const missing = entries.filter((e) => e.prix_ht_total === undefined);
  if (missing.length === 0 || entries.some((e) => e.montant_tva_total === undefined)) return;
  const guesses = entries.map(
    (e) => e.prix_ht_total ?? roundCents(((e.montant_tva_total ?? 0) * 100) / e.taux_tva),
  );
  if (Math.abs(guesses.reduce((a, b) => a + b, 0) - ht) <= 0.05) {
    entries.forEach((e, i) => (e.prix_ht_total = guesses[i]));
  }
}

function inferAmount(entries: TvaLine[], ctx: VatContext): void {
  const [only] = entries;
  if (
    entries.length !== 1 ||
    !only ||
    only.montant_tva_total !== undefined ||
    ctx.vatTotal === undefined
  )
    return;
  if (
    only.prix_ht_total === undefined ||
    consistent(only.prix_ht_total, only.taux_tva, ctx.vatTotal)
  ) {
    only.montant_tva_total = ctx.vatTotal;
  }
}

function entryFromTotals(ctx: VatContext): TvaLine | undefined {
  const { prixTotalHt: ht, prixTotalTtc: ttc, vatTotal } = ctx;
  if (ht === undefined || ttc === undefined || vatTotal === undefined || ht <= 0) return undefined;
  if (Math.abs(roundCents(ht + vatTotal) - ttc) > 0.02) return undefined;
  const rate = KNOWN_RATES.find((r) => consistent(ht, r, vatTotal));
  return rate === undefined
    ? undefined
    : { taux_tva: rate, prix_ht_total: ht, montant_tva_total: vatTotal };
}

/** Fills what the printed figures imply; returns new entries. */
export function completeVatEntries(entries: TvaLine[], ctx: VatContext): TvaLine[] {
  const out = entries.map((e) => ({ ...e }));
  if (out.length === 0) {
    const derived = entryFromTotals(ctx);
    return derived ? [derived] : [];
  }
  inferAmount(out, ctx);
  inferBases(out, ctx);
  return out;
}
