/**
 * Text helpers of the works reader. Patterns run on a "folded" copy of a text (lower case, no
 * accents) that keeps every character at the same index as in the original, so a match found on
 * the folded copy can be cut out of the original with its capitals and accents.
 */
import { parseNumber } from '../../domain/numbers.js';

/** Normalises spaces, apostrophes and dashes; collapses whitespace. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2009\u2007\t]/gu, ' ')
    .replace(/[’`´]/gu, "'")
    .replace(/[‐‑]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

const foldCache = new Map<string, string>();

const FOLD_SAME: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '`': "'",
  '´': "'",
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '‐': '-',
  '‑': '-',
};

function foldChar(c: string): string {
  const cached = foldCache.get(c);
  if (cached !== undefined) return cached;
  const same = FOLD_SAME[c];
  if (same !== undefined) return same;
  const lower = c.toLowerCase();
  const stripped = lower.normalize('NFD').replace(/\p{M}/gu, '');
  const result = stripped.length === 1 ? stripped : lower.length === 1 ? lower : c;
  foldCache.set(c, result);
  return result;
}

/** Lower case without accents, plain apostrophes and spaces, one output character per input UTF-16 unit. */
export function fold(text: string): string {
  let out = '';
  for (const c of text) {
    if (c.length === 1) out += foldChar(c);
    else out += c;
  }
  return out;
}

/** A text with its folded twin: match on `folded`, cut values out of `raw`. */
export interface Source {
  raw: string;
  folded: string;
}

export function toSource(raw: string): Source {
  return { raw, folded: fold(raw) };
}

/** Parses a number printed the French or English way (`7,00`, `1 234,5`, `12.5`). */
export function toNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().replace(/^\+/u, '');
  const direct = parseNumber(text);
  if (direct !== undefined) return direct;
  return parseNumber(text.replace(/\s+/gu, ''));
}

/** The number captured by group `n` (or the first group) of the first match on the folded text. */
export function numberAfter(source: Source, re: RegExp): number | undefined {
  const m = re.exec(source.folded);
  if (!m) return undefined;
  const group = m.groups?.n ?? m[1];
  return toNumber(group);
}

/** The original text of a named group (or group 1) of the first match on the folded text. */
export function textOf(source: Source, re: RegExp, group = 'v'): string | undefined {
  const withIndices = re.hasIndices ? re : new RegExp(re.source, `${re.flags}d`);
  const m = withIndices.exec(source.folded);
  if (!m || !m.indices) return undefined;
  const span = m.indices.groups?.[group] ?? m.indices[1];
  if (!span) return undefined;
  return source.raw.slice(span[0], span[1]).trim();
}

/** Removes punctuation left at either end of a captured value. */
export function trimValue(value: string): string {
  let v = value.trim().replace(/^[\s:=,;.–—-]+/u, '');
  v = v.replace(/[\s,;:–—-]+$/u, '');
  v = v.replace(/\.$/u, '');
  if (v.endsWith(')') && !v.includes('(')) v = v.slice(0, -1).trim();
  if (v.startsWith('(') && !v.includes(')')) v = v.slice(1).trim();
  return v.trim();
}

/** True when parentheses are balanced in the text. */
export function isBalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
  }
  return depth <= 0;
}
