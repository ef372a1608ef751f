/**
 * French number and amount formats as they appear on real quotes:
 * `1 234,56`, `1 234,56` (no-break or narrow no-break space), `1.234,56`, `1234.56`, `1'234,56`,
 * `12,5`, `-372,00`, `1 234,56 €`, `1234.56 EUR`, `€ 1 234,56`.
 */

const SPACE_CLASS = '[ \\u00a0\\u202f\\u2009]';

/** A number token: thousands grouped by space, dot or apostrophe, decimal comma or dot. */
export const NUMBER_SOURCE = `[-−]?(?:\\d{1,3}(?:,\\d{3})+\\.\\d+|(?:\\d{1,3}(?:(?:${SPACE_CLASS}|\\.|')\\d{3})+|\\d+)(?:[,.]\\d+)?)`;

const NUMBER_RE = new RegExp(`^${NUMBER_SOURCE}$`, 'u');

/** Parses one number written the French (or English) way; undefined when it is not a number. */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim().replace(/[−–]/gu, '-');
  if (!NUMBER_RE.test(text)) return undefined;
  const negative = text.startsWith('-');
  let body = negative ? text.slice(1) : text;
  body = body.replace(/[ \u00a0\u202f\u2009']/gu, '');
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // both separators: the last one is the decimal mark
    if (lastComma > lastDot) body = body.replace(/\./gu, '').replace(',', '.');
    else body = body.replace(/,/gu, '');
  } else if (lastComma >= 0) {
    body = body.replace(',', '.');
  } else if (lastDot >= 0) {
    const dots = body.split('.').length - 1;
    const decimals = body.length - lastDot - 1;
    // `1.234` alone is ambiguous: thousands when exactly three digits follow and the integer part
    // is short, as in `1.234.567` or `12.500`; `8.5` or `4.52` are decimals.
    if (dots > 1 || (decimals === 3 && /^\d{1,3}\./u.test(body) && !/^0\./u.test(body))) {
      body = body.replace(/\./gu, '');
    }
  }
  const value = Number(body);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

export interface AmountMatch {
  value: number;
  index: number;
  end: number;
  text: string;
}

const AMOUNT_RE = new RegExp(
  `(?:(?:€|EUR)${SPACE_CLASS}?)?(${NUMBER_SOURCE})${SPACE_CLASS}?(€|EUR(?:OS?)?\\b|euros?\\b)`,
  'giu',
);
const PREFIXED_AMOUNT_RE = new RegExp(`(?:€|EUR)${SPACE_CLASS}?(${NUMBER_SOURCE})`, 'gu');

/** Every amount followed (or preceded) by a currency sign, in text order. */
export function findAmounts(text: string): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const value = parseNumber(m[1] ?? '');
    if (value !== undefined) {
      found.push({ value, index: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  for (const m of text.matchAll(PREFIXED_AMOUNT_RE)) {
    if (found.some((a) => m.index >= a.index && m.index < a.end)) continue;
    const value = parseNumber(m[1] ?? '');
    if (value !== undefined) {
      found.push({ value, index: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export interface NumberMatch {
  value: number;
  index: number;
  end: number;
  text: string;
}

const ANY_NUMBER_RE = new RegExp(`(?<![\\w.,])${NUMBER_SOURCE}(?![\\w])`, 'gu');

/** Every standalone number of a text (amounts included), in text order. */
export function findNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const m of text.matchAll(ANY_NUMBER_RE)) {
    let token = m[0];
    // a trailing decimal separator belongs to the sentence, not to the number
    token = token.replace(/[.,]$/u, '');
    const value = parseNumber(token);
    if (value !== undefined) {
      found.push({ value, index: m.index, end: m.index + token.length, text: token });
    }
  }
  return found;
}

/** Rounds to cents, avoiding binary noise (`0.1 + 0.2`). */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
