/**
 * Totals whose decimal comma OCR lost (« Total hors taxe 767000 € » for 7 670,00 €): a report
 * that prints a total a hundred times too large is wrong in plain sight. A whole total that is
 * a hundred times what the quote's lines add up to is read as that sum; the VAT amounts and the
 * total with tax are then checked the same way against the repaired total. Only whole numbers
 * are touched, and only when the hundredth matches to the cent: a total that merely differs
 * from the lines (a discount, a line not read) is left as printed.
 */
import type { QuoteAttributes } from '../domain/attributes.js';

const CENT = 0.011;

/** `value` a hundred times `expected`, printed without its decimal comma. */
function lostComma(value: number | undefined, expected: number): boolean {
  return (
    value !== undefined &&
    Number.isInteger(value) &&
    Math.abs(value - expected) > CENT &&
    Math.abs(value / 100 - expected) <= CENT
  );
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function repairLostDecimals(
  attributes: QuoteAttributes,
  lines: readonly { prix_ht?: number }[],
): void {
  const priced = lines.filter((l) => l.prix_ht !== undefined);
  if (priced.length === 0) return;
  const sum = round(priced.reduce((s, l) => s + (l.prix_ht ?? 0), 0));
  if (lostComma(attributes.prix_total_ht, sum)) attributes.prix_total_ht = sum;
  const ht = attributes.prix_total_ht;
  if (ht === undefined || Math.abs(ht - sum) > CENT) return;
  let vat = 0;
  for (const entry of attributes.tva ?? []) {
    if (lostComma(entry.prix_ht_total, ht)) entry.prix_ht_total = ht;
    const base = entry.prix_ht_total ?? (attributes.tva?.length === 1 ? ht : undefined);
    if (base !== undefined && entry.taux_tva !== undefined) {
      const expected = round((base * entry.taux_tva) / 100);
      if (lostComma(entry.montant_tva_total, expected)) entry.montant_tva_total = expected;
    }
    vat += entry.montant_tva_total ?? 0;
  }
  if (vat > 0 && lostComma(attributes.prix_total_ttc, round(ht + vat))) {
    attributes.prix_total_ttc = round(ht + vat);
  }
}
