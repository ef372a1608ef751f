/**
 * Step 3, text acquisition (pipeline.md §4), for a file's bytes: the type comes from the bytes
 * (sniff.ts), PDFs go to the worker pool, text files are decoded here, everything else gets a
 * precise French reason. Never throws for a bad file; rejects only on bugs.
 */
import type { PdfLogger, PdfReader } from '../adapters/pdf/pdf-reader.js';
import { MAX_DOCUMENT_CHARS } from '../domain/quote-document.js';
import { documentFromText } from '../extract/document.js';
import { baseName, displayName } from './file-name.js';
import { readFailure, type ProblemContext, type ReadOutcome } from './read-outcome.js';
import { decodeTextFile, repairDocument, repairMisdecodedText } from './repair-text.js';
import { imageSize, MAX_IMAGE_PIXELS } from './image-size.js';
import {
  IMAGE_KINDS,
  OFFICE_KINDS,
  sniffFileType,
  type SniffedKind,
  type TextEncodingName,
} from './sniff.js';

export type { ReadFailure, ReadFailureReason, ReadingCode, ReadOutcome } from './read-outcome.js';

export interface ReadDocumentOptions {
  /** The attachment's name as sent: used in messages and to spot renamed files. */
  filename: string;
  reader: PdfReader;
  /** Time limit for reading a PDF (`MDSO_FILE_READ_TIMEOUT_MS`). */
  timeoutMs: number;
  /** Gets sizes, types, page counts, durations and reasons; never text or names. */
  logger?: PdfLogger;
}

/** Names that say "not text": a text body under one of them is not a quote we can read. */
const NON_TEXT_EXTENSIONS = new Set(
  (
    'pdf zip rar 7z gz tgz tar doc docx docm dot dotx xls xlsx xlsm ppt pptx odt ods odp ' +
    'msg png jpg jpeg gif tif tiff heic heif webp bmp avif exe bin'
  ).split(' '),
);

type Context = ProblemContext & { mime: string };

function extensionOf(filename: string): string {
  const name = baseName(filename);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A PDF ends with `%%EOF` after `startxref`; an interrupted transfer loses both. */
function looksTruncated(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.includes('%%EOF')) return false;
  return !view.subarray(Math.max(0, view.length - 1024)).includes('startxref');
}

async function readPdf(
  bytes: Uint8Array,
  opts: ReadDocumentOptions,
  ctx: Context,
): Promise<ReadOutcome> {
  const result = await opts.reader.read(bytes, { timeoutMs: opts.timeoutMs });
  const truncated = looksTruncated(bytes);
  if (!result.ok) {
    switch (result.failure) {
      case 'encrypted':
        return readFailure('encrypted', ctx);
      case 'timeout':
        return readFailure('timeout', ctx);
      case 'decompression_bomb':
        return readFailure('decompression_bomb', ctx);
      case 'too_much_text':
        return readFailure('too_much_text', { ...ctx, pageCount: result.pageCount });
      case 'worker_crashed':
        return readFailure(truncated ? 'truncated' : 'corrupt', { ...ctx, crashed: true });
      case 'zero_pages':
        return readFailure(truncated ? 'truncated' : 'zero_pages', { ...ctx, pageCount: 0 });
      default:
        return readFailure(truncated ? 'truncated' : 'corrupt', ctx);
    }
  }
  const { pageCount, pagesWithoutText, brokenPages } = result;
  if (truncated) return readFailure('truncated', { ...ctx, pageCount });
  if (pagesWithoutText.length === pageCount) {
    return readFailure(brokenPages.length > 0 ? 'corrupt' : 'no_text_layer', {
      ...ctx,
      pageCount,
    });
  }
  return {
    ok: true as const,
    kind: 'text_layer' as const,
    doc: repairDocument(result.doc),
    pageCount,
    pagesWithoutText,
    mime: ctx.mime,
  };
}

function readText(bytes: Uint8Array, encoding: TextEncodingName, ctx: Context): ReadOutcome {
  // A character takes at most four bytes: a file over four times the limit is not even decoded.
  if (bytes.length > 4 * MAX_DOCUMENT_CHARS) return readFailure('too_much_text', ctx);
  const text = repairMisdecodedText(decodeTextFile(bytes, encoding));
  if (text.length > MAX_DOCUMENT_CHARS) return readFailure('too_much_text', ctx);
  if (!text.trim()) return readFailure('blank_text', ctx);
  const doc = documentFromText(text);
  return {
    ok: true,
    kind: 'plain_text',
    doc,
    pageCount: doc.pageCount,
    pagesWithoutText: [],
    mime: ctx.mime,
  };
}

/**
 * An image is read by OCR (ocr-document.ts) unless its header shows it damaged or too large:
 * those are refused here, before any decoder allocates its pixels.
 */
function readImage(bytes: Uint8Array, kind: SniffedKind, ctx: Context): ReadOutcome {
  const size = imageSize(bytes, kind);
  if (size === 'corrupt') return readFailure('corrupt_image', ctx);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    return readFailure('image_too_large', { ...ctx, dimensions: size });
  }
  if (size && !size.complete) return readFailure('truncated_image', ctx);
  return readFailure('image', ctx);
}

async function readByType(bytes: Uint8Array, opts: ReadDocumentOptions): Promise<ReadOutcome> {
  const type = sniffFileType(bytes);
  const ctx: Context = {
    filename: displayName(opts.filename),
    label: type.label,
    extension: extensionOf(opts.filename),
    mime: type.mime,
  };
  if (type.kind === 'empty') return readFailure('empty_file', ctx);
  if (type.kind === 'pdf') return readPdf(bytes, opts, ctx);
  if (IMAGE_KINDS.has(type.kind)) return readImage(bytes, type.kind, ctx);
  if (ctx.extension === 'pdf') return readFailure('not_really_pdf', ctx);
  if (type.kind === 'zip') return readFailure('zip', ctx);
  if (OFFICE_KINDS.has(type.kind)) return readFailure('office', ctx);
  if (type.kind === 'text' && type.encoding && !NON_TEXT_EXTENSIONS.has(ctx.extension)) {
    return readText(bytes, type.encoding, ctx);
  }
  return readFailure('unknown_format', ctx);
}

/** Reads a file's text, or says in French why it cannot be read. */
export async function readDocument(
  bytes: Uint8Array,
  opts: ReadDocumentOptions,
): Promise<ReadOutcome> {
  const started = performance.now();
  const outcome = await readByType(bytes, opts);
  opts.logger?.info(
    {
      sizeBytes: bytes.length,
      mime: outcome.mime,
      kind: outcome.kind,
      reason: outcome.ok ? undefined : outcome.reason,
      pageCount: outcome.pageCount,
      pagesWithoutText: outcome.ok ? outcome.pagesWithoutText.length : undefined,
      durationMs: Math.round(performance.now() - started),
    },
    'document read',
  );
  return outcome;
}
