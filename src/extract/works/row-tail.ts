/**
 * Reads the price columns at the end of a table row. The values are matched to the header's
 * columns in order (a cell may be empty); among the possible readings, the one where quantity ×
 * unit price gives the line total wins, then the one that starts on a cell boundary.
 */
import type { Column } from './header.js';
import { evidenceOf, matchColumns, valuesOf, type Evidence, type RowValues } from './row-match.js';
import { valueReadings } from './row-values.js';
import { tokenize, type RowText, type Token } from './tokens.js';

export type { Evidence, RowValues } from './row-match.js';

export interface TailReading {
  /** Offset in the row text where the label ends. */
  labelEnd: number;
  values: RowValues;
  score: number;
  /** How much the values look like prices: count of amounts, currency signs, arithmetic. */
  evidence: Evidence;
}

export interface TailOptions {
  columns: Column[];
  /** VAT codes of the legend ("1", "2", "A"…). */
  codes: ReadonlySet<string>;
}

/** Columns assumed when a table has no header row. */
export const DEFAULT_COLUMNS: Column[] = [
  { kind: 'qty' },
  { kind: 'unit' },
  { kind: 'pu' },
  { kind: 'remise' },
  { kind: 'tva' },
  { kind: 'total' },
  { kind: 'tva' },
];

function tailStartIndex(tokens: Token[], codes: ReadonlySet<string>): number {
  let start = tokens.length;
  while (start > 0 && tokens.length - start < 14) {
    const t = tokens[start - 1] as Token;
    if (t.kind === 'word' && !codes.has(t.text)) break;
    start -= 1;
  }
  return start;
}

/** Best reading of the price columns of a row, or undefined when it has none. */
export function readRowTail(row: RowText, opts: TailOptions): TailReading | undefined {
  const tokens = tokenize(row.text);
  const first = tailStartIndex(tokens, opts.codes);
  let best: TailReading | undefined;
  for (let s = first; s < tokens.length; s += 1) {
    const t = tokens[s] as Token;
    if (t.kind === 'cur' || t.kind === 'pct' || t.kind === 'tax') continue;
    const onCell = row.cellStarts.includes(t.start) ? 1 : 0;
    for (const reading of valueReadings(tokens.slice(s), opts.codes, row.cellStarts)) {
      // every value needs a column (a unit may share the quantity's)
      if (reading.length > opts.columns.length + 1) continue;
      const match = matchColumns(reading, opts.columns, opts.codes);
      if (!match) continue;
      const score = match.score + onCell + reading.length * 0.1;
      if (!best || score > best.score) {
        const values = valuesOf(match.slots, opts.codes);
        best = { labelEnd: t.start, values, score, evidence: evidenceOf(match.slots, values) };
      }
    }
  }
  return best;
}
