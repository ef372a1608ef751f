/**
 * Step 3, text acquisition by OCR (pipeline.md §4.2; spec/external.md §5.1): scans, photos and
 * the pages without text of a mixed PDF. Local engines get one 200 dpi grayscale PNG per page,
 * rendered by the PDF worker pool one page at a time; HTTP engines that read PDFs get the file.
 *
 * A provider failure (UpstreamError) propagates, for the runner to retry; a file whose OCR
 * finds no text stays an `empty_file_error` reading failure, with a French explanation.
 */
import { baseName, displayName } from './file-name.js';
import type { PdfLogger, PdfReader } from '../adapters/pdf/pdf-reader.js';
import {
  countTextChars,
  pagesOf,
  type OcrEngine,
  type OcrInput,
} from '../adapters/ocr/ocr-engine.js';
import { prepareImageInChild } from '../adapters/ocr/prepare-image-process.js';
import { documentFromText, type DocumentLine, type QuoteDocument } from '../extract/document.js';
import { readFailure, type ReadFailure, type ReadOutcome } from './read-outcome.js';
import { repairMisdecodedText } from './repair-text.js';

export interface OcrDocumentOptions {
  /** The attachment's name as sent (messages, and the name HTTP providers see). */
  filename: string;
  engine: OcrEngine;
  /** Renders PDF pages for engines that read images only. */
  reader: PdfReader;
  /** Time limit for rendering one page (`MDSO_FILE_READ_TIMEOUT_MS`). */
  renderTimeoutMs: number;
  /** Time limit for recognising one page or file (default 120 s). */
  ocrTimeoutMs?: number;
  /** Page resolution for local engines (default 200 dpi). */
  dpi?: number;
  /**
   * Prepare image files (photos, screenshots) before OCR: flattened, straightened, enlarged
   * (src/adapters/ocr/prepare-image.ts). Default: for local engines (those that do not read
   * PDFs); HTTP providers get the original.
   */
  prepareImages?: boolean;
  /** Gets ids, sizes, page numbers, durations: never text. */
  logger?: PdfLogger;
}

/** A document whose text (all of it or some pages) comes from OCR. */
export type OcrReadOutcome =
  | ReadOutcome
  | {
      ok: true;
      kind: 'scan';
      doc: QuoteDocument;
      pageCount: number;
      pagesWithoutText: number[];
      mime: string;
    };

/** Fewer letters and digits than this in the whole OCR text: nothing readable was found. */
export const MIN_OCR_TEXT_CHARS = 40;
/** At most this many pages are recognised (a quote's content comes first; CGV are dropped). */
export const MAX_OCR_PAGES = 30;

const DEFAULT_DPI = 200;
const DEFAULT_OCR_TIMEOUT_MS = 120_000;

/** True when OCR can add text: a scan or photo, or a PDF with pages without text. */
export function needsOcr(read: ReadOutcome): boolean {
  if (!read.ok) return read.kind === 'scan';
  return read.kind === 'text_layer' && read.pagesWithoutText.length > 0;
}

/**
 * Repairs of frequent OCR confusions that the extractor's patterns cannot absorb, applied
 * before extraction: typographic quotes, letters inside numbers (and a phone number's leading
 * 0 read as `O`), `€` glued to an amount or read as `E` (or `un` after a capital), `m²` read
 * as `m?`, table rules read as `|`, the `N°` sign read as `Nº`, `No` or `N?`, and the 5,5 %
 * VAT rate read as `55 %` near a VAT mention.
 */
export function normaliseOcrText(text: string): string {
  return repairVatRates(
    repairMisdecodedText(text)
      .replace(/[\u2018\u2019\u201b\u2032`´]/gu, "'")
      .replace(/[\u201c\u201d\u201e]/gu, '"')
      .replace(/\bN[º°o?]\s*[:.]?\s*(?=[A-Z0-9])/gu, 'N° ')
      .replace(/(?<=\d)[Oo](?=\d)/gu, '0')
      .replace(/\b[Oo](?=[1-9](?:[ .]?\d\d){4}(?!\d))/gu, '0')
      .replace(/(?<=\d)[lI|](?=\d)/gu, '1')
      .replace(/(?<=\d[.,]\d\d) ?(?:€|EUR|E)(?![\p{L}\d])/gu, ' €')
      .replace(/(?<=\d ?m)[?*](?!\S)/gu, '²')
      // « m° », « mê » for m² in a unit column, « W/m?.K »
      .replace(/(?<=(?:^|[\s|\d])m)[°ê](?=[\s|]|$)/gmu, '²')
      .replace(/(?<=\/m)[?*°ê](?=\.?\s?[kK])/gu, '²')
      .replace(/(?<=\S) +\| +(?=\S)/gu, '   ')
      // a table border stuck to a cell on one side
      .replace(/(?<=\S)\|(?= )|(?<= )\|(?=\S)/gu, '   ')
      .replace(
        /(capital(?: social)?(?: de)? ?:? ?\d[\d  .,]*\d) ?(?:un|e|E|£)(?![\p{L}\d])/giu,
        '$1 €',
      )
      .replace(/[ \t]+$/gmu, ''),
  );
}

/** A line mentioning VAT makes it and the next lines (a rate table) a VAT context. */
const VAT_CONTEXT_LINES = 4;

/**
 * `55 %` is no VAT rate: in a VAT context it is 5,5 % with its comma lost (small type in a
 * photo). Elsewhere (a deposit, a discount) it is left alone.
 */
function repairVatRates(text: string): string {
  let context = 0;
  return text
    .split('\n')
    .map((line) => {
      context = /\b(?:tva|taux)\b/iu.test(line) ? VAT_CONTEXT_LINES : Math.max(0, context - 1);
      return context > 0 ? line.replace(/(?<![\d.,])55 ?%/gu, '5,5 %') : line;
    })
    .join('\n');
}

function nothingFound(read: ReadFailure, filename: string): ReadFailure {
  const name = `« ${displayName(filename)} »`;
  const what = read.reason === 'image' ? 'l’image' : 'le document';
  return {
    ...read,
    problem:
      `La reconnaissance automatique du texte (OCR) n’a trouvé aucun texte lisible dans ${what} ${name}. ` +
      'Renvoyez le PDF produit par le logiciel de devis, ou à défaut un scan net du devis ' +
      '(page entière, droite, bien éclairée, sans flou).',
  };
}

async function recognise(engine: OcrEngine, input: OcrInput, timeoutMs: number): Promise<string[]> {
  return pagesOf(await engine.recognise(input, { signal: AbortSignal.timeout(timeoutMs) }));
}

/** OCR of the given 1-based pages of a PDF, page by page; '' for a page that cannot be read. */
async function ocrPdfPages(
  bytes: Uint8Array,
  pages: number[],
  opts: OcrDocumentOptions,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const timeoutMs = opts.ocrTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  if (!opts.engine.accepts.images) {
    // The provider reads the PDF itself (Albert): send the file, keep the pages asked for.
    const texts = await recognise(
      opts.engine,
      { bytes, mime: 'application/pdf', filename: opts.filename },
      timeoutMs,
    );
    for (const page of pages)
      out.set(page, texts.length === 1 ? texts[0]! : (texts[page - 1] ?? ''));
    return out;
  }
  const base = baseName(opts.filename).replace(/\.[^.]*$/u, '') || 'page';
  for (const page of pages) {
    const image = await opts.reader.renderPage(bytes, {
      page,
      dpi: opts.dpi ?? DEFAULT_DPI,
      timeoutMs: opts.renderTimeoutMs,
    });
    if (!image.ok) {
      opts.logger?.warn({ page, failure: image.failure }, 'pdf page not rendered for ocr');
      out.set(page, '');
      continue;
    }
    const input = { bytes: image.png, mime: 'image/png', filename: `${base}-p${page}.png` };
    out.set(page, (await recognise(opts.engine, input, timeoutMs)).join('\n'));
  }
  return out;
}

/** Image formats the preparation decodes: one it cannot decode is a damaged file. */
const DECODED_FORMATS = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/bmp',
  'image/webp',
]);

/**
 * The image to recognise: prepared for a local engine (in a child process, see
 * prepare-image-process.ts), else the original; or why it cannot be read (a damaged image, or
 * one whose preparation outlasted the time limit).
 */
async function imageInput(
  bytes: Uint8Array,
  mime: string,
  opts: OcrDocumentOptions,
): Promise<OcrInput | 'corrupt_image' | 'timeout'> {
  const original = { bytes, mime, filename: opts.filename };
  if (!(opts.prepareImages ?? !opts.engine.accepts.pdf)) return original;
  const started = performance.now();
  const result = await prepareImageInChild(bytes, { timeoutMs: opts.renderTimeoutMs });
  const prepared = result.ok ? result.prepared : null;
  opts.logger?.debug(
    {
      prepared: prepared !== null,
      failure: result.ok ? undefined : result.failure,
      detail: result.ok ? undefined : result.detail,
      width: prepared?.width,
      height: prepared?.height,
      angle: prepared?.angle,
      scale: prepared && Math.round(prepared.scale * 100) / 100,
      durationMs: Math.round(performance.now() - started),
    },
    'image prepared for ocr',
  );
  if (!result.ok) return result.failure === 'timeout' ? 'timeout' : 'corrupt_image';
  if (!prepared) return DECODED_FORMATS.has(mime) ? 'corrupt_image' : original;
  const base = baseName(opts.filename).replace(/\.[^.]*$/u, '') || 'image';
  return { bytes: prepared.png, mime: 'image/png', filename: `${base}.png` };
}

function pageRange(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** Replaces the lines of the OCR'd pages of `doc` with the OCR text, page order kept. */
function mergePages(doc: QuoteDocument, ocrPages: Map<number, string>): QuoteDocument {
  const lines: DocumentLine[] = [];
  const texts: string[] = [];
  for (let page = 1; page <= doc.pageCount; page += 1) {
    const ocrText = ocrPages.get(page);
    const pageLines =
      ocrText === undefined
        ? doc.lines.filter((l) => l.page === page)
        : documentFromText(ocrText.replace(/\f/gu, '\n')).lines.map((l) => ({ ...l, page }));
    lines.push(...pageLines);
    texts.push(pageLines.map((l) => l.text).join('\n'));
  }
  return { text: texts.join('\f'), lines, pageCount: doc.pageCount };
}

/**
 * Reads a scan, a photo or a mixed PDF's textless pages by OCR. `read` is what `readDocument`
 * said about the same bytes; anything not needing OCR is returned unchanged.
 */
export async function ocrDocument(
  bytes: Uint8Array,
  read: ReadOutcome,
  opts: OcrDocumentOptions,
): Promise<OcrReadOutcome> {
  if (!needsOcr(read)) return read;
  const started = performance.now();
  const timeoutMs = opts.ocrTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  let outcome: OcrReadOutcome;
  let ocrPageCount: number;
  if (read.ok) {
    const pages = read.pagesWithoutText.slice(0, MAX_OCR_PAGES);
    ocrPageCount = pages.length;
    const texts = await ocrPdfPages(bytes, pages, opts);
    for (const [page, text] of texts) texts.set(page, normaliseOcrText(text));
    const doc = mergePages(read.doc, texts);
    const stillEmpty = read.pagesWithoutText.filter(
      (p) => countTextChars(texts.get(p) ?? '') < MIN_OCR_TEXT_CHARS,
    );
    outcome = { ...read, doc, pagesWithoutText: stillEmpty };
  } else {
    let pages: string[];
    if (read.reason === 'image') {
      ocrPageCount = 1;
      const input = await imageInput(bytes, read.mime, opts);
      if (typeof input === 'string') {
        const name = { filename: displayName(opts.filename), label: '', extension: '' };
        return readFailure(input, { ...name, mime: read.mime });
      }
      pages = await recognise(opts.engine, input, timeoutMs);
    } else {
      const all = pageRange(read.pageCount ?? 1).slice(0, MAX_OCR_PAGES);
      ocrPageCount = all.length;
      const texts = await ocrPdfPages(bytes, all, opts);
      pages = all.map((p) => texts.get(p) ?? '');
    }
    pages = pages.map(normaliseOcrText);
    const text = pages.join('\f');
    if (countTextChars(text) < MIN_OCR_TEXT_CHARS) {
      outcome = nothingFound(read, opts.filename);
    } else {
      const doc = documentFromText(text);
      outcome = {
        ok: true,
        kind: 'scan',
        doc,
        pageCount: read.pageCount ?? doc.pageCount,
        pagesWithoutText: pages.flatMap((p, i) =>
          countTextChars(p) < MIN_OCR_TEXT_CHARS ? [i + 1] : [],
        ),
        mime: read.mime,
      };
    }
  }
  opts.logger?.info(
    {
      engine: opts.engine.name,
      sizeBytes: bytes.length,
      ocrPages: ocrPageCount,
      found: outcome.ok,
      textChars: outcome.ok ? outcome.doc.text.length : 0,
      durationMs: Math.round(performance.now() - started),
    },
    'document ocr done',
  );
  return outcome;
}
