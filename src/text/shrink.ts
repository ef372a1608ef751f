/**
 * The shrinker (spec/pipeline.md §7): drops what is useless for extraction and risky to send to an
 * LLM: the general terms and conditions appended after a quote, and PDF generator footers.
 *
 * Departure from upstream (DESIGN.md §5): the terms are recognised only by their heading — a line
 * that starts with "Conditions générales de vente" (any case, any accents) — so a sentence of the
 * quote that merely mentions them ("les conditions générales de vente figurent en annexe") does
 * not cut the quote in half.
 */
import type { QuoteDocument } from '../extract/document.js';
import { foldText } from '../domain/fold.js';

const TERMS_HEADING =
  /^\s*(?:(?:article|chapitre|annexe)?\s*[\dIVX]+\s*[-–.:)]?\s*)?conditions (?:generales )?(?:de )?vente\b/u;
const POWERED_BY = /powered by tcpdf \(www\.tcpdf\.org\)/giu;

export const TERMS_TOKEN = 'TERM';
export const POWERED_BY_TOKEN = 'POWERED_BY';

function isTermsHeading(line: string): boolean {
  return TERMS_HEADING.test(foldText(line));
}

/** Index of the first line of the general terms, or -1. */
export function findTermsStart(lines: readonly string[]): number {
  return lines.findIndex(isTermsHeading);
}

/** Shrinks plain text: terms replaced by `TERM`, generator footers by `POWERED_BY`. */
export function shrinkText(text: string): string {
  const lines = text.split('\n');
  const start = findTermsStart(lines);
  const kept = start >= 0 ? [...lines.slice(0, start), TERMS_TOKEN] : lines;
  return kept.join('\n').replace(POWERED_BY, POWERED_BY_TOKEN);
}

/** Shrinks a document: lines from the terms heading on are dropped, footers removed. */
export function shrinkDocument(doc: QuoteDocument): QuoteDocument {
  const start = findTermsStart(doc.lines.map((l) => l.cells[0]?.text ?? l.text));
  const lines = (start >= 0 ? doc.lines.slice(0, start) : doc.lines).filter(
    (l) => !/powered by tcpdf/iu.test(l.text),
  );
  return { ...doc, lines, text: lines.map((l) => l.text).join('\n') };
}
