/**
 * In-process PDF text-layer extraction with pdfjs-dist (legacy build, no rendering): page by
 * page, positioned text items → reading-order lines (layout.ts) → QuoteDocument.
 *
 * Never throws for a bad file: pdfjs errors become a typed failure. Runs inside the PDF worker
 * (pdf-worker.ts); call it directly only where blocking the thread is acceptable.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, Util, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { DocumentLine, QuoteDocument } from '../../extract/document.js';
import { MAX_DOCUMENT_CHARS } from '../../domain/quote-document.js';
import { buildLines, type Fragment, type LayoutLine } from './layout.js';

/** The logger shape the PDF adapter needs (pino's Logger fits). */
export interface PdfLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Why pdfjs could not give text: password, broken structure, no page, other parse error, or more
 * text than any quote holds (`MAX_DOCUMENT_CHARS`: reading stops there).
 */
export type PdfFailureKind =
  'encrypted' | 'invalid' | 'zero_pages' | 'parse_error' | 'too_much_text';

export type PdfTextResult =
  | {
      ok: true;
      doc: QuoteDocument;
      pageCount: number;
      /** 1-based pages with (almost) no text layer: scanned or photographed pages. */
      pagesWithoutText: number[];
      /** 1-based pages pdfjs failed to read (also listed in `pagesWithoutText`). */
      brokenPages: number[];
    }
  | { ok: false; failure: PdfFailureKind; errorName: string; pageCount?: number };

export interface ExtractPdfTextOptions {
  logger?: PdfLogger;
  /** The caller gives up `bytes` (pdfjs detaches its buffer), sparing a copy. */
  transferBytes?: boolean;
}

/** Fewer letters and digits than this on a page: no usable text layer (a scan, a stamp). */
export const MIN_PAGE_TEXT_CHARS = 16;

let assets: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | undefined;

/** Paths of pdfjs's cmaps, standard fonts and wasm decoders, from the installed package. */
export function pdfjsAssets(): NonNullable<typeof assets> {
  if (!assets) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    assets = {
      cMapUrl: join(root, 'cmaps') + '/',
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      wasmUrl: join(root, 'wasm') + '/',
    };
  }
  return assets;
}

/**
 * Images with more pixels than this are left out when rendering a page (pdfjs decodes an image
 * whole, four bytes a pixel): a 600 dpi A4 scan has 35 million.
 */
export const MAX_RENDERED_IMAGE_PIXELS = 25_000_000;

/**
 * Starts loading a PDF with our safe options (no eval, no system fonts, errors only, no
 * gigantic image). pdfjs detaches the buffer it is given: it is copied unless the caller hands
 * it over.
 */
export function loadPdf(bytes: Uint8Array, transferBytes = false): ReturnType<typeof getDocument> {
  return getDocument({
    data: transferBytes ? bytes : new Uint8Array(bytes),
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: MAX_RENDERED_IMAGE_PIXELS,
    verbosity: VerbosityLevel.ERRORS,
  });
}

function failureOf(err: unknown): PdfTextResult {
  const errorName = err instanceof Error ? err.name : 'Error';
  const failure: PdfFailureKind =
    errorName === 'PasswordException'
      ? 'encrypted'
      : errorName === 'InvalidPDFException'
        ? 'invalid'
        : 'parse_error';
  return { ok: false, failure, errorName };
}

interface PageFragments {
  upright: Fragment[];
  /** Rotated or vertical runs, kept in content order after the page's lines. */
  rotated: string[];
  /** Characters of the page's text items. */
  chars: number;
}

type TextItems = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'];

/** Thrown inside the worker when a document holds more text than any quote. */
class TooMuchText extends Error {
  override name = 'TooMuchText';
}

/**
 * The page's text items, streamed (as `getTextContent` does) and cancelled once the document
 * would hold more than `budget` characters: a page of millions of text operators never builds
 * millions of items.
 */
async function readTextItems(page: PDFPageProxy, budget: number): Promise<TextItems> {
  const reader = page.streamTextContent().getReader();
  const items: TextItems = [];
  let chars = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    for (const item of value.items as TextItems) {
      items.push(item);
      chars += 'str' in item ? item.str.length : 0;
    }
    if (chars > budget) {
      await reader.cancel().catch(() => undefined);
      throw new TooMuchText();
    }
  }
}

async function readPageFragments(
  doc: PDFDocumentProxy,
  pageNumber: number,
  budget: number,
): Promise<PageFragments> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const items = await readTextItems(page, budget);
    const upright: Fragment[] = [];
    const rotated: string[] = [];
    let chars = 0;
    for (const item of items) {
      if (!('str' in item) || item.str.length === 0) continue;
      chars += item.str.length;
      // Device space (y down, page rotation applied): a, b, c, d, e, f.
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = Util.transform(
        viewport.transform,
        item.transform,
      ) as number[];
      if (a > 0 && Math.abs(b) <= a * 0.2) {
        upright.push({
          text: item.str,
          x: e,
          y: viewport.height - f,
          width: item.width,
          height: Math.hypot(c, d),
        });
      } else if (item.str.trim()) {
        rotated.push(item.str.trim());
      }
    }
    return { upright, rotated, chars };
  } finally {
    page.cleanup();
  }
}

function countTextChars(lines: LayoutLine[], rotated: string[]): number {
  const all = lines.map((l) => l.text).join('') + rotated.join('');
  return all.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** Extracts the text layer of every page. Resolves with a failure for unreadable files. */
export async function extractPdfText(
  bytes: Uint8Array,
  options: ExtractPdfTextOptions = {},
): Promise<PdfTextResult> {
  const task = loadPdf(bytes, options.transferBytes);
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    return failureOf(err);
  }
  try {
    const pageCount = doc.numPages;
    if (pageCount === 0)
      return { ok: false, failure: 'zero_pages', errorName: 'NoPage', pageCount };
    const lines: DocumentLine[] = [];
    const pageTexts: string[] = [];
    const pagesWithoutText: number[] = [];
    const brokenPages: number[] = [];
    let chars = 0;
    for (let page = 1; page <= pageCount; page += 1) {
      let fragments: PageFragments;
      try {
        fragments = await readPageFragments(doc, page, MAX_DOCUMENT_CHARS - chars);
      } catch (err) {
        if (err instanceof TooMuchText) {
          options.logger?.info({ page, pageCount }, 'pdf text over the document limit');
          return { ok: false, failure: 'too_much_text', errorName: err.name, pageCount };
        }
        options.logger?.warn({ page, errorName: (err as Error).name }, 'pdf page unreadable');
        brokenPages.push(page);
        pagesWithoutText.push(page);
        pageTexts.push('');
        continue;
      }
      chars += fragments.chars;
      const layout = buildLines(fragments.upright);
      const pageLines: DocumentLine[] = layout.map((l) => ({ page, text: l.text, cells: l.cells }));
      for (const text of fragments.rotated) {
        pageLines.push({ page, text, cells: [{ text, x: 0, xEnd: text.length }] });
      }
      if (countTextChars(layout, fragments.rotated) < MIN_PAGE_TEXT_CHARS) {
        pagesWithoutText.push(page);
      }
      lines.push(...pageLines);
      pageTexts.push(pageLines.map((l) => l.text).join('\n'));
    }
    return {
      ok: true,
      doc: { text: pageTexts.join('\f'), lines, pageCount },
      pageCount,
      pagesWithoutText,
      brokenPages,
    };
  } finally {
    await doc.destroy();
  }
}
