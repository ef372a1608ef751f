/**
 * The text of a document as the extractor sees it: lines in reading order, each with the cells a
 * wide horizontal gap separates (table columns, side-by-side blocks). Built from PDF glyph
 * positions, OCR word boxes, or plain text (cells split on tabs and runs of 2+ spaces).
 */

import type { DocumentCell, DocumentLine, QuoteDocument } from '../domain/quote-document.js';

export type { DocumentCell, DocumentLine, QuoteDocument };

/** Builds a document from plain text (a `.txt` quote, caller-supplied text, an LLM's Markdown). */
export function documentFromText(text: string): QuoteDocument {
  const pages = text.split('\f');
  const lines: DocumentLine[] = [];
  pages.forEach((pageText, index) => {
    for (const raw of pageText.split(/\r?\n/u)) {
      // trimEnd and a fixed-width lookahead: /\s+$/ and ` {2,}` rescan a long run of spaces
      // from every position inside it (quadratic time on a line of 300 000 spaces)
      const line = raw.trimEnd();
      if (!line.trim()) continue;
      const cells: DocumentCell[] = [];
      for (const m of line.matchAll(/[^\t]+?(?=\t| {2}|$)/gu)) {
        const cellText = m[0].trim();
        if (cellText) cells.push({ text: cellText, x: m.index, xEnd: m.index + m[0].length });
      }
      lines.push({ page: index + 1, text: line, cells });
    }
  });
  return { text: pages.join('\f'), lines, pageCount: pages.length };
}
