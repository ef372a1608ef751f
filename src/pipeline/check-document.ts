/**
 * Checks one document in memory, with no database and no network (CLI `check`, eval, and the
 * same steps the persistent runner performs): read → shrink → extract → validate.
 */
import { createHash } from 'node:crypto';
import type { QuoteAttributes } from '../domain/attributes.js';
import { deriveCheckStatus } from '../domain/finding.js';
import { EXTRACTOR_VERSION, extractQuote } from '../extract/index.js';
import type { OcrEngine } from '../adapters/ocr/ocr-engine.js';
import type { PdfReader } from '../adapters/pdf/pdf-reader.js';
import { ocrDocument } from '../reading/ocr-document.js';
import { readDocument } from '../reading/read-document.js';
import { readingErrorDetail } from '../rules/reading-errors.js';
import {
  RULES_VERSION,
  validateQuote,
  type EvidenceDocument,
  type ValidationInput,
} from '../rules/validate-quote.js';
import { shrinkDocument } from '../text/shrink.js';
import type { CheckOutcome } from './check-outcome.js';
import { evidenceDocument } from './evidence-document.js';

export interface CheckContext {
  /** ISO date the rules compare dates with. */
  today: string;
  reader: PdfReader;
  readTimeoutMs: number;
  priceRanges?: ValidationInput['priceRanges'];
  frontendHost?: string;
  /** Reads scans, photos and textless PDF pages; without it they stay a `scan` finding. */
  ocr?: OcrEngine;
}

/** A stable id derived from content, so the same file always gives the same output. */
export function idFromBytes(bytes: Uint8Array): string {
  const hex = createHash('sha256').update(bytes).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Judges attributes that were already extracted (CLI `validate`, re-checks). */
export function judgeAttributes(
  id: string,
  attributes: QuoteAttributes,
  ctx: Pick<CheckContext, 'today' | 'priceRanges' | 'frontendHost'>,
  evidence?: EvidenceDocument,
): Pick<
  CheckOutcome,
  'status' | 'errors' | 'error_details' | 'a_verifier' | 'control_codes' | 'controls_count'
> {
  const result = validateQuote({
    checkId: id,
    attributes,
    today: ctx.today,
    priceRanges: ctx.priceRanges,
    frontendHost: ctx.frontendHost,
    ...(evidence ? { evidence } : {}),
  });
  return {
    status: deriveCheckStatus(result.details),
    errors: result.errors,
    error_details: result.details,
    ...(result.toVerify.length > 0 ? { a_verifier: result.toVerify } : {}),
    control_codes: result.controlCodes,
    controls_count: result.controlsCount,
  };
}

export async function checkDocument(
  input: { bytes: Uint8Array; filename: string },
  ctx: CheckContext,
): Promise<CheckOutcome> {
  const id = idFromBytes(input.bytes);
  const versions = { extractor: EXTRACTOR_VERSION, rules: RULES_VERSION };
  const firstRead = await readDocument(input.bytes, {
    filename: input.filename,
    reader: ctx.reader,
    timeoutMs: ctx.readTimeoutMs,
  });
  const read = ctx.ocr
    ? await ocrDocument(input.bytes, firstRead, {
        filename: input.filename,
        engine: ctx.ocr,
        reader: ctx.reader,
        renderTimeoutMs: ctx.readTimeoutMs,
      })
    : firstRead;
  if (!read.ok) {
    const detail = readingErrorDetail(id, read.code, read.problem, read.kind);
    return {
      id,
      status: 'invalid',
      reading: read.kind,
      pageCount: read.pageCount,
      attributes: {},
      provenance: {},
      errors: [read.code],
      error_details: [detail],
      control_codes: [],
      controls_count: 0,
      versions,
    };
  }
  const extraction = extractQuote(read.doc, shrinkDocument(read.doc));
  const reading = read.kind === 'scan' ? 'ocr' : read.kind;
  return {
    id,
    reading,
    pageCount: read.pageCount,
    attributes: extraction.attributes,
    provenance: extraction.provenance,
    ...judgeAttributes(
      id,
      extraction.attributes,
      ctx,
      evidenceDocument(read.doc, reading === 'ocr'),
    ),
    versions,
  };
}
