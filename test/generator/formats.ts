/** How numbers, amounts, dates, phone numbers and identifiers are printed (one style per quote). */
import type { Rng } from './prng.js';
import { FRENCH_MONTHS } from '../../src/domain/dates.js';

/** `1 234,56 €`, `1.234,56` (currency in the header), `1234.56 EUR`. */
export type AmountStyle = 'space_comma_euro' | 'dot_comma' | 'plain_dot_eur';
/** `06/10/26`, `6 oct. 2026`, `06-10-2026`, `16 octobre 2026`, `06/10/2026`. */
export type DateStyle = 'short_year' | 'abbrev_month' | 'dashes' | 'long_month' | 'slashes';

export interface PrintStyle {
  amount: AmountStyle;
  date: DateStyle;
  /** Unit of area as printed: `m²`, `m2` or `M2`. */
  area: string;
  phone: 'pairs' | 'dots' | 'international' | 'compact';
  siretGrouped: boolean;
}

export function randomStyle(rng: Rng): PrintStyle {
  return {
    amount: rng.pick(['space_comma_euro', 'dot_comma', 'plain_dot_eur'] as const),
    date: rng.pick(['short_year', 'abbrev_month', 'dashes', 'long_month', 'slashes'] as const),
    area: rng.pick(['m²', 'm²', 'm2', 'M2']),
    phone: rng.pick(['pairs', 'pairs', 'dots', 'international', 'compact'] as const),
    siretGrouped: rng.chance(0.6),
  };
}

function group(int: string, separator: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/gu, separator);
}

/** An amount with two decimals in the quote's style (with its currency unless `bare`). */
export function amount(value: number, style: AmountStyle, bare = false): string {
  const negative = value < 0;
  const [int = '0', dec = '00'] = Math.abs(value).toFixed(2).split('.');
  let text: string;
  if (style === 'space_comma_euro') text = `${group(int, ' ')},${dec}${bare ? '' : ' €'}`;
  else if (style === 'dot_comma') text = `${group(int, '.')},${dec}`;
  else text = `${int}.${dec}${bare ? '' : ' EUR'}`;
  return negative ? `- ${text}` : text;
}

/** A technical decimal the French way: `4,6`, `7`, `0,42`; `digits` forces the decimals. */
export function decimal(value: number, digits?: number): string {
  const text = digits === undefined ? String(Number(value.toFixed(4))) : value.toFixed(digits);
  return text.replace('.', ',');
}

export function quantity(value: number): string {
  return Number.isInteger(value) ? String(value) : decimal(value);
}

const MONTHS_ABBREV = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

export function date(iso: string, style: DateStyle): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  const month = Number(m) - 1;
  switch (style) {
    case 'short_year':
      return `${d}/${m}/${y.slice(2)}`;
    case 'abbrev_month':
      return `${Number(d)} ${MONTHS_ABBREV[month]} ${y}`;
    case 'dashes':
      return `${d}-${m}-${y}`;
    case 'long_month':
      return `${Number(d) === 1 ? '1er' : Number(d)} ${FRENCH_MONTHS[month]} ${y}`;
    default:
      return `${d}/${m}/${y}`;
  }
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function phone(digits: string, style: PrintStyle['phone']): string {
  const pairs = digits.match(/\d{2}/gu) ?? [];
  if (style === 'dots') return pairs.join('.');
  if (style === 'compact') return digits;
  if (style === 'international') return `+33 ${digits.slice(1, 2)} ${pairs.slice(1).join(' ')}`;
  return pairs.join(' ');
}

export function sirenGrouped(digits: string): string {
  return digits.replace(/^(\d{3})(\d{3})(\d{3})/u, '$1 $2 $3');
}

export function siretPrinted(digits: string, grouped: boolean): string {
  if (!grouped) return digits;
  return `${sirenGrouped(digits.slice(0, 9))} ${digits.slice(9)}`.trim();
}

/** Money rounding to the cent. */
export function cents(value: number): number {
  return Math.round(value * 100 + Number.EPSILON * 100) / 100;
}
