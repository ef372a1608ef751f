/**
 * The view of a document shared by the administrative readers: every line, the quote proper
 * (before any general terms and conditions), the header zone (first page, above the table of
 * lines) and a horizontal tolerance to compare cell positions whatever the units (PDF points
 * or character columns).
 */
import type { DocumentCell, DocumentLine, QuoteDocument } from '../document.js';

export interface AdminContext {
  lines: DocumentLine[];
  /** Lines of the quote proper (general terms and annexes removed). */
  body: DocumentLine[];
  /** Index (into `body`) of the first line after the header zone. */
  headerEnd: number;
  /** Horizontal tolerance for "same column", in the document's units. */
  tolerance: number;
  /** Right edge of the widest line, in the document's units. */
  width: number;
  bodyText: string;
  fullText: string;
}

const CGV_HEADING_RE =
  /^(?:conditions\s+g[ée]n[ée]rales(?:\s+(?:de\s+vente|d['’]ex[ée]cution|de\s+prestations?|des\s+travaux|de\s+travaux|d['’]intervention|applicables)|\s+et\s+particuli[èe]res|\s+et\s+|\s+des\s+|\s+d['’])*[^:.;]{0,40}|c\.?g\.?v\.?)$/iu;
const ARTICLE_ONE_RE =
  /^article\s+(?:1|premier|1er)\b\s*[-–:.]?\s*(?:objet|champ|application|g[ée]n[ée]ralit|d[ée]finitions?|pr[ée]ambule|dispositions|acceptation|formation)/iu;
const NOT_HEADING_RE =
  /verso|au\s+dos|ci-joint|jointes?|annex|accept|voir|disponibles?|consultables?/iu;

function isTermsHeading(cell: DocumentCell): boolean {
  const text = cell.text.trim();
  if (ARTICLE_ONE_RE.test(text)) return text.length < 80;
  return CGV_HEADING_RE.test(text) && !NOT_HEADING_RE.test(text) && text.length < 100;
}

/** Index of the first line of the general terms, or the number of lines when there are none. */
export function findTermsStart(lines: DocumentLine[]): number {
  const index = lines.findIndex((line) => line.cells.some(isTermsHeading));
  return index < 0 ? lines.length : index;
}

export const TABLE_HEADER_RE =
  /(?<![\p{L}\d_])(?:d[ée]signations?|description|libell[ée]|d[ée]tail|prestations?|articles?|produits?|ouvrages?|intitul[ée]|nature\s+des\s+travaux)(?![\p{L}\d_]).*(?<![\p{L}\d_])(?:qt[ée]|quantit[ée]|p\.?\s?u\.?|prix|montant|total)(?![\p{L}\d_])/iu;

/** First line of the table of priced lines (or of the subject line), bounded to page 1. */
export function findHeaderEnd(body: DocumentLine[]): number {
  for (let i = 0; i < body.length; i += 1) {
    const line = body[i];
    if (!line) continue;
    if (line.page > 1) return i;
    if (TABLE_HEADER_RE.test(line.text)) return i;
  }
  return body.length;
}

/** Lines of the header zone: up to the table, or the first lines when the table comes very early. */
export function headerLimit(ctx: AdminContext): number {
  return ctx.headerEnd >= 3 ? ctx.headerEnd : Math.min(ctx.body.length, 12);
}

function pageWidth(lines: DocumentLine[]): number {
  let width = 0;
  for (const line of lines) for (const cell of line.cells) width = Math.max(width, cell.xEnd);
  return width || 100;
}

/** `Nº` (ordinal indicator, frequent in OCR and some fonts) is read as `N°`; nothing else changes. */
function normaliseLine(line: DocumentLine): DocumentLine {
  if (!line.text.includes('º')) return line;
  const fix = (t: string): string => t.replace(/º/gu, '°');
  return {
    ...line,
    text: fix(line.text),
    cells: line.cells.map((c) => ({ ...c, text: fix(c.text) })),
  };
}

export function createAdminContext(doc: QuoteDocument): AdminContext {
  const lines = doc.lines.map(normaliseLine);
  const body = lines.slice(0, findTermsStart(lines));
  const width = pageWidth(lines);
  return {
    lines,
    body,
    headerEnd: findHeaderEnd(body),
    tolerance: Math.max(1.5, width * 0.025),
    width,
    bodyText: body.map((l) => l.text).join('\n'),
    fullText: lines.map((l) => l.text).join('\n'),
  };
}
