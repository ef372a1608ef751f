/**
 * « 96 M2 × 27,50 € HT », « 85 m² à 24,50 EUR le m² », « 1 Forfait x 120,00 € »: a quantity, a
 * unit and a unit price written as an expression in a line's text rather than in columns. Kept
 * only when quantity × price gives the line's amount, so that a dimension (« 80 x 125 ») or a
 * price per other unit never passes for the line's quantity. One reader for the prose quotes and
 * for the description lines under a table row.
 */
import { fold, toNumber } from './text.js';
import { unitOf } from './tokens.js';

const AMOUNT = String.raw`\d{1,3}(?:[ \u00a0\u202f.]\d{3})*,\d{2}|\d+,\d{2}|\d{1,3}(?:[ ,]\d{3})*\.\d{2}|\d+`;
const UNIT = String.raw`m²|m2|ml|m³|m3|u|unités?|pièces?|pces?|forfaits?|forf\.?|ens\.?|ensembles?|lots?|h|heures?|j|jours?`;
const QTY_PRICE_RE = new RegExp(
  String.raw`(?<![\d,.])(?<q>\d+(?:[.,]\d+)?)\s*(?<u>${UNIT})\s+(?:à|a|x|×|\*)\s+(?<p>${AMOUNT})\s*(?:€|eur|euros?)?(?:\s*(?<t>ht|h\.t\.?|ttc|t\.t\.c\.?))?`,
  'giu',
);

/** An amount as printed (« 1 140,00 € », « 895.00 EUR », « 2 450,00 € HT »), or undefined. */
export function amountOf(text: string): number | undefined {
  const raw = text.replace(/€|\beur(?:os?)?\b|\b(?:ht|ttc)\b|[\s\u00a0\u202f]/giu, '');
  if (/,\d{2}$/u.test(raw)) return toNumber(raw.replace(/\./gu, '').replace(',', '.'));
  return toNumber(raw.replace(/,/gu, ''));
}

export interface QuantityPrice {
  quantite: number;
  unite?: string;
  price: number;
  /** The tax the expression names, if any (« € HT »). */
  tax?: 'ht' | 'ttc';
  /** The expression as printed. */
  printed: string;
}

/** The first quantity × price expression of `text` whose product is `amount` (± 5 cents). */
export function quantityTimesPrice(text: string, amount: number): QuantityPrice | undefined {
  for (const m of text.matchAll(QTY_PRICE_RE)) {
    const q = toNumber(m.groups?.q?.replace(',', '.'));
    const p = m.groups?.p ? amountOf(m.groups.p) : undefined;
    if (q === undefined || p === undefined || Math.abs(q * p - amount) >= 0.05) continue;
    const found: QuantityPrice = { quantite: q, price: p, printed: m[0] };
    const unit = unitOf(m.groups?.u ?? '');
    if (unit) found.unite = unit;
    const t = m.groups?.t ? fold(m.groups.t).replace(/\./gu, '') : undefined;
    if (t) found.tax = t === 'ttc' ? 'ttc' : 'ht';
    return found;
  }
  return undefined;
}

/** True when `text` holds nothing but such an expression (and separators): a price line. */
export function isQuantityPriceOnly(text: string, amount: number): boolean {
  const found = quantityTimesPrice(text, amount);
  return found !== undefined && !/\p{L}{2}/u.test(text.replace(found.printed, ''));
}
