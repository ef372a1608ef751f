/**
 * What every OCR engine offers (spec/external.md §5): image or PDF bytes in, text out, page by
 * page when the engine knows the pages. Local engines (tesseract.js, the tesseract command
 * line) read images only; the PDF pages are rendered first (src/reading/ocr-document.ts).
 */

export interface OcrInput {
  bytes: Uint8Array;
  /** Content type of `bytes` (`image/png`, `application/pdf`, …). */
  mime: string;
  /** The file name sent to HTTP providers (they decide the format by its extension). */
  filename: string;
}

export interface OcrResult {
  /** The whole text; pages separated by a form feed when `pages` is given. */
  text: string;
  /** One text per page, when the engine returns pages. */
  pages?: string[];
}

export interface OcrEngine {
  /** Short name stored with the result and logged (`tesseract.js`, `mdso-ocr:nanonets`, …). */
  name: string;
  /** Which inputs the engine reads: local engines read images only, Albert reads PDFs only. */
  accepts: { pdf: boolean; images: boolean };
  /** Resolves with the text; throws UpstreamError on a provider failure. */
  recognise(input: OcrInput, opts?: { signal?: AbortSignal }): Promise<OcrResult>;
  /** Frees workers and child processes. Idempotent. */
  close(): Promise<void>;
}

/** The logger shape OCR engines need (pino's Logger fits). */
export interface OcrLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A recognised word and its box, in image pixels. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A gap wider than this many word heights between two words of a line is a column gap. */
const COLUMN_GAP_HEIGHTS = 1.1;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/**
 * One text line from the words of an OCR line: words joined by one space, or by three where
 * the gap is a table column, so `documentFromText` sees the cells. Indented by the position of
 * the first word (a character is taken as half the word height wide).
 */
export function lineFromWords(words: OcrWord[]): string {
  const sorted = words.filter((w) => w.text.trim()).sort((a, b) => a.left - b.left);
  if (sorted.length === 0) return '';
  const height = median(sorted.map((w) => w.height)) || 1;
  let line = ' '.repeat(Math.min(60, Math.round(sorted[0]!.left / height / 2 / 2)));
  sorted.forEach((word, index) => {
    if (index > 0) {
      const previous = sorted[index - 1]!;
      const gap = word.left - (previous.left + previous.width);
      line += gap > height * COLUMN_GAP_HEIGHTS ? '   ' : ' ';
    }
    line += word.text.trim();
  });
  return line;
}

/** Letters and digits in a text: how much an OCR pass really read. */
export function countTextChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Pages of a result: `pages` when given, else the text split on form feeds. */
export function pagesOf(result: OcrResult): string[] {
  return result.pages ?? result.text.split('\f');
}
