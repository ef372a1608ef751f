/**
 * Renders one PDF page to a grayscale PNG for OCR, with pdfjs-dist and the canvas pdfjs itself
 * loads in Node (`@napi-rs/canvas`, its optional dependency), white background, no annotations.
 * One page per call keeps memory bounded: a 200 dpi A4 page is about 4 MB of pixels.
 *
 * Never throws for a bad file: failures come back typed, as in pdf-text.ts. Runs inside the
 * PDF worker (pdf-worker.ts).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdf } from './pdf-text.js';
import { encodeGrayPng, rgbaToGray } from './png.js';

export type PdfRenderResult =
  | { ok: true; png: Uint8Array; width: number; height: number }
  | { ok: false; failure: 'invalid_page' | 'parse_error' | 'too_large'; errorName: string };

export interface RenderPageOptions {
  /** 1-based page number. */
  page: number;
  /** Resolution; 200 dpi suits OCR of printed quotes. */
  dpi: number;
  /** The caller gives up `bytes` (pdfjs detaches its buffer), sparing a copy. */
  transferBytes?: boolean;
}

/**
 * Pages larger than this many pixels (an A3 page at 250 dpi) are scaled down to fit: the
 * canvas, its pixel copy and the OCR of the image (tesseract: about 15 bytes a pixel) cost
 * memory by the pixel.
 */
const MAX_PIXELS = 12_000_000;

interface CanvasAndContext {
  canvas: { width: number; height: number } | null;
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  } | null;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

export async function renderPdfPage(
  bytes: Uint8Array,
  options: RenderPageOptions,
): Promise<PdfRenderResult> {
  const task = loadPdf(bytes, options.transferBytes);
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    return { ok: false, failure: 'parse_error', errorName: (err as Error).name ?? 'Error' };
  }
  try {
    if (!Number.isInteger(options.page) || options.page < 1 || options.page > doc.numPages) {
      return { ok: false, failure: 'invalid_page', errorName: 'RangeError' };
    }
    const page = await doc.getPage(options.page);
    try {
      let dpi = options.dpi;
      let viewport = page.getViewport({ scale: dpi / 72 });
      const pixels = viewport.width * viewport.height;
      if (pixels > MAX_PIXELS) {
        dpi *= Math.sqrt(MAX_PIXELS / pixels);
        viewport = page.getViewport({ scale: dpi / 72 });
      }
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const factory = doc.canvasFactory as CanvasFactory;
      const target = factory.create(width, height);
      try {
        const context = target.context;
        if (!context) return { ok: false, failure: 'too_large', errorName: 'NoCanvas' };
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        type RenderParameters = Parameters<typeof page.render>[0];
        await page.render({
          canvas: target.canvas as unknown as RenderParameters['canvas'],
          canvasContext: context as unknown as RenderParameters['canvasContext'],
          viewport,
        }).promise;
        const gray = rgbaToGray(context.getImageData(0, 0, width, height).data);
        return { ok: true, png: encodeGrayPng(gray, width, height, dpi), width, height };
      } finally {
        factory.destroy(target);
      }
    } finally {
      page.cleanup();
    }
  } catch (err) {
    return { ok: false, failure: 'parse_error', errorName: (err as Error).name ?? 'Error' };
  } finally {
    await doc.destroy();
  }
}
