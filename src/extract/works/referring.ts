/**
 * Technical values printed away from their works line — a description paragraph above the table
 * (« OPTION A — Chaudière ÖKOFEN Pellematic … ηs = 95 % »), a technical sheet beside or after it —
 * belong to the geste whose brand or model they name. This finds those passages by content: a
 * prose line naming the geste's own brand or model, and the prose lines that follow it, up to a
 * priced row, a line naming another geste, or the end of the page. A brand or model word shared
 * by two gestes links nothing.
 */
import type { Geste } from '../../domain/attributes.js';
import { foldText } from '../../domain/fold.js';
import { namesWord, ownNamingWords } from '../../domain/geste-names.js';
import type { DocumentLine } from '../document.js';

const MAX_PASSAGE_LINES = 6;
/** A line ending with an amount: a priced row, a total. */
const PRICED_RE = /\d[\d\s.]*,\d{2}\s*(?:€|eur)?\s*$/u;
function isProse(line: DocumentLine): boolean {
  return line.cells.length <= 2 && !PRICED_RE.test(line.text.trim());
}

/** For each geste, the prose lines elsewhere on the document that name it (may be empty). */
export function referringPassages(
  gestes: readonly Geste[],
  lines: readonly DocumentLine[],
): string[][] {
  const own = ownNamingWords(gestes);
  const folded = lines.map((l) => foldText(l.text));
  const namedBy = (i: number) =>
    own.flatMap((list, g) => (list.some((k) => namesWord(folded[i] ?? '', k)) ? [g] : []));
  return gestes.map((_, g) => {
    const passage: string[] = [];
    const taken = new Set<number>();
    lines.forEach((line, i) => {
      if (taken.has(i) || !isProse(line) || !namedBy(i).includes(g) || namedBy(i).length > 1)
        return;
      for (let j = i; j < lines.length && j < i + MAX_PASSAGE_LINES; j += 1) {
        const next = lines[j] as DocumentLine;
        if (next.page !== line.page || !isProse(next) || taken.has(j)) break;
        if (j > i && namedBy(j).some((other) => other !== g)) break;
        taken.add(j);
        passage.push(next.text);
      }
    });
    return passage;
  });
}

/** The prose of the document as paragraphs: consecutive prose lines of a page, joined. */
export function proseParagraphs(lines: readonly DocumentLine[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let page = 0;
  for (const line of lines) {
    if (!isProse(line) || line.page !== page) {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    }
    page = line.page;
    if (isProse(line)) current.push(line.text.trim());
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}
