/**
 * Reading the amount printed with a label: after it in the same cell, in a cell to its right, or
 * in the cell below it (totals printed as a small table).
 */
import type { DocumentCell, DocumentLine } from '../document.js';
import { findNumbers, type NumberMatch } from '../../domain/numbers.js';

export interface LabelHit {
  value: number;
  lineIndex: number;
  /** The label as matched. */
  label: string;
}

/** Numbers of a text that are not percentages, quantities with units or years. */
export function moneyNumbers(text: string): NumberMatch[] {
  return findNumbers(text).filter((n) => {
    const after = text.slice(n.end, n.end + 4);
    if (/^\s*%/u.test(after)) return false;
    return !/^\s*(?:m²|m2|m³|ml|kw|kg|mm|cm|u\b|h\b|x\b|ans?\b|jours|mois)/iu.test(after);
  });
}

function overlaps(a: DocumentCell, b: DocumentCell): boolean {
  return a.x < b.xEnd && b.x < a.xEnd;
}

/** The amount printed in the cell just below `cell` (within two lines). */
export function amountBelow(
  lines: DocumentLine[],
  lineIndex: number,
  cell: DocumentCell,
): number | undefined {
  for (let i = lineIndex + 1; i <= lineIndex + 2 && i < lines.length; i += 1) {
    const below = lines[i]?.cells.find((c) => overlaps(c, cell));
    const n = below ? moneyNumbers(below.text)[0] : undefined;
    if (n && /^[\s\d.,€EUR\u00a0\u202f-]+$/iu.test(below?.text ?? '')) return n.value;
  }
  return undefined;
}

/** Every amount printed with a label matching `label` (a regex without the `g` flag). */
export function findLabelledAmounts(lines: DocumentLine[], label: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  const global = new RegExp(
    label.source,
    label.flags.includes('g') ? label.flags : `${label.flags}g`,
  );
  lines.forEach((line, lineIndex) => {
    line.cells.forEach((cell, cellIndex) => {
      for (const m of cell.text.matchAll(global)) {
        const rest = cell.text.slice(m.index + m[0].length);
        const inCell = /^[\s:=|()€]*(?:EUR|euros?)?[\s:=|()€]*[-−]?\s*\d/iu.test(rest)
          ? moneyNumbers(rest)[0]
          : undefined;
        const right = line.cells
          .slice(cellIndex + 1)
          .map((c) => moneyNumbers(c.text)[0])
          .find(Boolean);
        const onlyLabel = /^[\s:=|()€]*(?:EUR|euros?)?[\s:=|()€]*$/iu.test(rest);
        const value =
          inCell?.value ??
          (onlyLabel ? (right?.value ?? amountBelow(lines, lineIndex, cell)) : undefined);
        if (value !== undefined) hits.push({ value, lineIndex, label: m[0] });
      }
    });
  });
  return hits;
}
