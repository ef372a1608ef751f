/**
 * Layout-independent key → value reading, driven by the label lexicon of domain/mention-signs.ts
 * (the same phrasings the evidence check looks for). The value of a label is looked for where
 * quotes print it: after it in the same cell, in the next cell of the line (a two-column
 * "label | value" block), or under it on the next line (a heading over its value).
 */
import { foldText } from '../../domain/fold.js';
import { labelSurroundings } from '../../domain/mention-signs.js';

import type { DocumentCell, DocumentLine } from '../document.js';

/** Reads a value at the start of a text (within `maxGap` characters); undefined when none. */
export type ValueReader<T> = (text: string) => T | undefined;

/**
 * What may stand between a label and its cell's end when the value is elsewhere: punctuation and
 * a few words without digits (": ", "du", "sur site du", "prévue le").
 */
const NOTHING_LEFT = /^[\s:.–—-]*(?:[a-z']{1,12}[\s:.–—-]*){0,4}$/u;

function overlaps(a: DocumentCell, b: DocumentCell, tolerance: number): boolean {
  return b.x < a.xEnd + tolerance && a.x < b.xEnd + tolerance;
}

/**
 * The first value found after one of the labels, reading the lines in order. `skip` refuses a
 * label whose surroundings speak of something else (an RGE label "valable jusqu'au …").
 */
export function valueAfterLabel<T>(
  lines: readonly DocumentLine[],
  labels: RegExp,
  read: ValueReader<T>,
  options: { tolerance: number; skip?: RegExp } = { tolerance: 2 },
): T | undefined {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    for (let j = 0; j < line.cells.length; j += 1) {
      const cell = line.cells[j]!;
      const folded = foldText(cell.text);
      for (const m of folded.matchAll(labels)) {
        if (options.skip?.test(labelSurroundings(folded, m.index, m[0].length))) continue;
        const rest = cell.text.slice(m.index + m[0].length);
        const inCell = read(rest);
        if (inCell !== undefined) return inCell;
        if (!NOTHING_LEFT.test(foldText(rest))) continue;
        const next = line.cells[j + 1];
        const inNext = next ? read(next.text) : undefined;
        if (inNext !== undefined) return inNext;
        // under the label: the first cell in its column on the next two lines of the page
        for (const below of lines.slice(i + 1, i + 3)) {
          if (below.page !== line.page) break;
          const cellBelow = below.cells.find((c) => overlaps(cell, c, options.tolerance));
          if (!cellBelow) continue;
          const under = read(cellBelow.text);
          if (under !== undefined) return under;
          break;
        }
      }
    }
  }
  return undefined;
}
