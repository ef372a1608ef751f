/**
 * Tokens of a table row, read from the right: numbers, currency signs, percent signs, units and
 * empty-cell dashes form the price columns; the first other token met ends them.
 */
import type { DocumentLine } from '../document.js';
import { cleanText } from './text.js';

export type TokenKind = 'num' | 'cur' | 'pct' | 'unit' | 'dash' | 'tax' | 'word';

export interface Token {
  text: string;
  kind: TokenKind;
  /** Offset of the token in the row text. */
  start: number;
  end: number;
  /** Normalised unit, for `unit` tokens. */
  unit?: string;
}

/** A table row as one text, with the offsets where its cells start. */
export interface RowText {
  text: string;
  cellStarts: number[];
}

export function rowTextOf(line: DocumentLine): RowText {
  const cells = line.cells.map((c) => cleanText(c.text)).filter((t) => t.length > 0);
  if (cells.length === 0) return { text: cleanText(line.text), cellStarts: [0] };
  const cellStarts: number[] = [];
  let text = '';
  for (const cell of cells) {
    if (text) text += ' ';
    cellStarts.push(text.length);
    text += cell;
  }
  return { text, cellStarts };
}

const UNIT_ALIASES: [RegExp, string][] = [
  [/^(?:u|un|unit[eé]s?|pi[eè]ces?|pces?|pcs?)$/iu, 'u'],
  [/^(?:forf|forfaits?|fft|ft|ff|fg)$/iu, 'forf.'],
  [/^(?:ens|ensembles?)$/iu, 'ens.'],
  [/^(?:m²|m2|m\^2|mq)$/iu, 'm²'],
  [/^(?:ml|m\.l|mètres? linéaires?|lm)$/iu, 'ml'],
  [/^(?:m³|m3)$/iu, 'm³'],
  [/^(?:m|mètres?)$/iu, 'm'],
  [/^(?:h|hr|heures?)$/iu, 'h'],
  [/^(?:j|jours?)$/iu, 'j'],
  [/^(?:kg)$/iu, 'kg'],
  [/^(?:lots?)$/iu, 'lot'],
  [/^(?:paires?)$/iu, 'paire'],
];

/** The normalised unit a token stands for, or undefined. */
export function unitOf(raw: string): string | undefined {
  const text = raw.replace(/\.+$/u, '');
  if (!text) return undefined;
  for (const [re, unit] of UNIT_ALIASES) if (re.test(text)) return unit;
  return undefined;
}

const NUM_RE = /^[-−+]?\d+(?:[.,']\d+)*$/u;
const GLUED_RE = /^([-−+]?\d+(?:[.,]\d+)*)(€|%|m²|m2|m³|m3|ml|u|ens\.?|forf\.?|ft|h)$/iu;

function kindOf(text: string): Pick<Token, 'kind' | 'unit'> {
  if (NUM_RE.test(text)) return { kind: 'num' };
  if (/^(?:€|eur|euros?)$/iu.test(text)) return { kind: 'cur' };
  if (text === '%') return { kind: 'pct' };
  if (/^(?:ht|h\.t\.?|ttc|t\.t\.c\.?)$/iu.test(text)) return { kind: 'tax' };
  if (/^[-–—]$/u.test(text)) return { kind: 'dash' };
  const unit = unitOf(text);
  if (unit) return { kind: 'unit', unit };
  return { kind: 'word' };
}

function split(text: string, start: number): Token[] {
  const glued = GLUED_RE.exec(text);
  if (glued?.[1] && glued[2]) {
    const n = glued[1];
    return [
      { text: n, start, end: start + n.length, ...kindOf(n) },
      { text: glued[2], start: start + n.length, end: start + text.length, ...kindOf(glued[2]) },
    ];
  }
  const prefixed = /^€([-−]?\d[\d.,]*)$/u.exec(text);
  if (prefixed?.[1]) {
    return [
      { text: '€', kind: 'cur', start, end: start + 1 },
      { text: prefixed[1], kind: 'num', start: start + 1, end: start + text.length },
    ];
  }
  return [{ text, start, end: start + text.length, ...kindOf(text) }];
}

/** Splits a row text on spaces, then separates numbers from a glued `€`, `%` or unit. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/gu)) tokens.push(...split(m[0], m.index));
  // an OCR reading of `€` as `E` after an amount
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    if (t.text === 'E' && before?.kind === 'num' && /[.,]\d{2}$/u.test(before.text)) t.kind = 'cur';
  });
  return tokens;
}
