/** The text of a document as read: lines in reading order with their cells (see extract/document.ts). */
export interface DocumentCell {
  text: string;
  /** Left and right edges in page units; for plain text, character columns. */
  x: number;
  xEnd: number;
}

export interface DocumentLine {
  /** 1-based page number. */
  page: number;
  text: string;
  cells: DocumentCell[];
}

export interface QuoteDocument {
  /** The whole text, pages joined with a form feed. */
  text: string;
  lines: DocumentLine[];
  pageCount: number;
}

/**
 * More text than this is no quote: a 29-page quote with its terms holds about 60 000
 * characters. Reading refuses such a document (with a French reason), which also bounds the
 * work of the extractor and the rules.
 */
export const MAX_DOCUMENT_CHARS = 300_000;
