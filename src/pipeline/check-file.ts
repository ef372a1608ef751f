/**
 * Convenience entry for tools that check files one after another in one process (eval, CLI):
 * a lazily started PDF worker pool shared by the calls, released by `closeCheckFile()`.
 */
import type { OcrEngine } from '../adapters/ocr/ocr-engine.js';
import { createPdfReader, type PdfReader } from '../adapters/pdf/pdf-reader.js';
import { checkDocument } from './check-document.js';
import type { CheckOutcome } from './check-outcome.js';

const DEFAULT_READ_TIMEOUT_MS = 20_000;
let sharedReader: PdfReader | undefined;

export async function checkFile(
  input: { bytes: Uint8Array; filename: string },
  ctx: {
    today: string;
    readTimeoutMs?: number;
    priceRanges?: Record<string, { min: number; max: number }>;
    /** Reads scans and photos as the service does; without it they stay unread. */
    ocr?: OcrEngine;
  },
): Promise<CheckOutcome> {
  sharedReader ??= createPdfReader();
  return checkDocument(input, {
    today: ctx.today,
    reader: sharedReader,
    readTimeoutMs: ctx.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    priceRanges: ctx.priceRanges,
    ...(ctx.ocr ? { ocr: ctx.ocr } : {}),
  });
}

export async function closeCheckFile(): Promise<void> {
  const reader = sharedReader;
  sharedReader = undefined;
  await reader?.close();
}
