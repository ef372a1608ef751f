/**
 * The document as the evidence check reads it (rules/evidence.ts): every line, identity pages
 * and general terms included, with where the terms start. One builder for the in-memory check,
 * the eval and the persistent runner.
 */
import type { QuoteDocument } from '../domain/quote-document.js';
import type { EvidenceDocument } from '../rules/validate-quote.js';
import { findTermsStart } from '../text/shrink.js';

export function evidenceDocument(doc: QuoteDocument, readByOcr: boolean): EvidenceDocument {
  return {
    lines: doc.lines,
    termsStart: findTermsStart(doc.lines.map((l) => l.cells[0]?.text ?? l.text)),
    ocr: readByOcr,
  };
}
