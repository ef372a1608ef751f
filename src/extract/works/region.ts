/**
 * The part of a document the works reader looks at: the quote proper, before any general terms
 * and conditions or annexes, and the lines repeated at the top or bottom of every page.
 */
import type { DocumentLine } from '../document.js';
import { fold } from './text.js';

const TERMS_RE =
  /^(?:conditions\s+g[eé]n[eé]rales\b|c\.?\s?g\.?\s?v\.?(?:\s|$)|article\s+(?:1|premier|1er)\b\s*[-–:.]?\s*\S)/u;

function isTermsHeading(text: string): boolean {
  const folded = fold(text.trim());
  if (!TERMS_RE.test(folded)) return false;
  return folded.length < (folded.startsWith('article') ? 80 : 120);
}

/** Lines of the quote proper: everything before the first heading of general terms. */
export function quoteLines(lines: readonly DocumentLine[]): DocumentLine[] {
  const index = lines.findIndex((line) => {
    const cells = line.cells.length > 0 ? line.cells.map((c) => c.text) : [line.text];
    return cells.some(isTermsHeading);
  });
  return index < 0 ? [...lines] : lines.slice(0, index);
}

function keyOf(text: string): string {
  return fold(text).replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();
}

/** Texts printed near the top or bottom of at least two pages (running headers and footers). */
export function repeatedLines(lines: readonly DocumentLine[]): Set<string> {
  const byPage = new Map<number, DocumentLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  if (byPage.size < 2) return new Set();
  const pagesOf = new Map<string, Set<number>>();
  for (const [page, pageLines] of byPage) {
    const edge = [...pageLines.slice(0, 4), ...pageLines.slice(-4)];
    for (const line of edge) {
      const key = keyOf(line.text);
      if (key.length < 4) continue;
      pagesOf.set(key, (pagesOf.get(key) ?? new Set()).add(page));
    }
  }
  return new Set([...pagesOf].filter(([, pages]) => pages.size >= 2).map(([key]) => key));
}

export function isRepeated(text: string, repeated: ReadonlySet<string>): boolean {
  return repeated.size > 0 && repeated.has(keyOf(text));
}
