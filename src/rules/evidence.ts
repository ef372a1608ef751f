/**
 * Evidence before absence (DESIGN.md §5). An absence finding (type `missing`, or a `…_manquant`
 * warning) tells a professional "add this", so it stands only when the document shows no sign
 * of the mention (domain/mention-signs*.ts).
 * When a sign is there but no value was read, the finding is dropped and the mention goes to
 * the *à vérifier* list instead: not a point to correct, never a reason for `invalid`.
 *
 * Pure: the caller hands over the document's lines; geste-level signs are looked for in the
 * lines of that geste (from its label to the next geste's), plus any technical section.
 */
import type { ErrorDetail, ToVerify } from '../domain/finding.js';
import { namesWord, ownNamingWords } from '../domain/geste-names.js';
import { ENERGY_WORKS_SIGNS, mentionSignsOf } from '../domain/mention-signs.js';
import { hasUnreadEdge } from './ocr-edges.js';
import type { PreparedGeste } from './prepare-gestes.js';
import {
  brandedSign,
  findSign,
  normaliseLine,
  signedForEach,
  type FoldedLine,
} from './sign-lines.js';

export type { ToVerify } from '../domain/finding.js';

/** The document as the evidence check needs it. */
export interface EvidenceDocument {
  /** Lines in reading order; `cells` (a table's columns) when the reader saw them. */
  readonly lines: readonly {
    readonly text: string;
    readonly page: number;
    readonly cells?: readonly { readonly text: string }[];
  }[];
  /** Index of the first line of the general terms, or -1. */
  readonly termsStart: number;
  /** Read by OCR: labels also match through common recognition confusions. */
  readonly ocr: boolean;
}

const TECHNICAL_HEADING =
  /^\W*(?:\d+[.)]?\s*)?(?:caracteristiques techniques|fiche technique|annexe technique|descriptif technique|donnees techniques|details? techniques?|specifications? techniques?)/u;

/** A heading stands alone on its line: a works line that mentions its performances is not one. */
function isTechnicalHeading(text: string): boolean {
  return text.length <= 70 && TECHNICAL_HEADING.test(text);
}

/** Lines naming the geste by its own brand or model words, and the two lines after each. */
function namingPassages(quote: readonly FoldedLine[], words: readonly string[]): FoldedLine[] {
  if (words.length === 0) return [];
  const picked = new Set<number>();
  quote.forEach((line, i) => {
    if (!words.some((w) => namesWord(line.text, w))) return;
    for (let j = i; j < Math.min(quote.length, i + 3); j += 1) picked.add(j);
  });
  return [...picked].sort((a, b) => a - b).map((i) => quote[i]!);
}

/** A line that closes a table of works: totals, VAT recap. */
const TOTAL_LINE =
  /^\W*(?:sous[- ]?)?total\b|^\W*montant (?:total|ht|ttc)\b|^\W*(?:base|recapitulatif) (?:ht|tva)\b/u;

/**
 * Where each geste's signs are looked for: its own lines (from its label to the next geste's,
 * or the end of the table), then what follows the table and any technical section: notes that
 * speak for every line ("toutes les fenêtres : …"), annexes. A geste whose label cannot be
 * found, or the only geste, is looked for in the whole quote.
 */
function gesteRegions(
  gestes: readonly PreparedGeste[],
  quote: readonly FoldedLine[],
): Map<string, readonly FoldedLine[]> {
  const regions = new Map<string, readonly FoldedLine[]>();
  if (gestes.length <= 1) {
    for (const g of gestes) regions.set(g.id, quote);
    return regions;
  }
  const technicalStart = quote.findIndex((l) => isTechnicalHeading(l.head));
  const claimed = new Set<number>();
  const starts = gestes.map((g) => {
    const label = normaliseLine(g.intitule ?? '').trim();
    for (const probe of [label.slice(0, 60).trim(), label.slice(0, 30).trim()]) {
      if (probe.length < 6) break;
      const at = quote.findIndex((l, i) => !claimed.has(i) && l.text.includes(probe));
      if (at >= 0) {
        claimed.add(at);
        return at;
      }
    }
    return -1;
  });
  const sorted = starts.filter((s) => s >= 0).sort((a, b) => a - b);
  const blockEnd = (start: number): number => {
    const next = sorted.find((s) => s > start) ?? quote.length;
    let end = Math.min(next, start + 15);
    if (technicalStart > start) end = Math.min(end, technicalStart);
    const total = quote.findIndex((l, i) => i > start && i < end && TOTAL_LINE.test(l.text));
    return total >= 0 ? total : end;
  };
  const last = sorted[sorted.length - 1];
  const after = last === undefined ? [] : quote.slice(blockEnd(last));
  const technical =
    technicalStart >= 0 && (last === undefined || technicalStart < blockEnd(last))
      ? quote.slice(technicalStart)
      : [];
  const naming = ownNamingWords(gestes.map((g) => g.data));
  gestes.forEach((g, i) => {
    const start = starts[i]!;
    if (start < 0) {
      regions.set(g.id, quote);
      return;
    }
    const own = quote.slice(start, Math.max(blockEnd(start), start + 1));
    regions.set(g.id, [...own, ...after, ...technical, ...namingPassages(quote, naming[i] ?? [])]);
  });
  return regions;
}

/**
 * A finding that says a mention is absent: type `missing`, and the `…_manquant` warnings
 * (start date, pre-visit date, validity, quote number) that read « … n'est pas indiqué » too.
 */
export function isAbsenceFinding(detail: Pick<ErrorDetail, 'code' | 'type'>): boolean {
  return detail.type === 'missing' || detail.code.endsWith('_manquant');
}

/**
 * An OCR reading that leaves this many mentions without any sign has most likely failed (a
 * blurred photo, a page read sideways): a real quote seldom lacks so many. So has one where the
 * works the document names could not be read at all. Its absences prove nothing, so they all go
 * to the *à vérifier* list (DESIGN.md §5, "read by OCR with low confidence"). The engines give
 * no confidence the service could use instead.
 */
export const MAX_OCR_ABSENCES = 6;

/**
 * The quote (without its terms) names works these aids fund: with no geste read, the reader
 * missed them, and the quote is not one of other works (DESIGN.md §5).
 */
export function namesEnergyWorks(doc: EvidenceDocument): boolean {
  const end = doc.termsStart >= 0 ? doc.termsStart : doc.lines.length;
  return doc.lines
    .slice(0, end)
    .some((line) => ENERGY_WORKS_SIGNS.some((re) => re.test(normaliseLine(line.text))));
}

export interface EvidenceOutcome {
  details: ErrorDetail[];
  toVerify: ToVerify[];
}

/**
 * Drops every absence finding whose mention shows a sign on the document and lists it as
 * *à vérifier*. Findings of other types pass through unchanged.
 */
export function weighEvidence(
  details: readonly ErrorDetail[],
  doc: EvidenceDocument,
  gestes: readonly PreparedGeste[],
  /** The document names energy works but no geste could be read from it. */
  worksUnread = false,
): EvidenceOutcome {
  const all = doc.lines.map((l) => {
    const text = normaliseLine(l.text);
    const first = l.cells?.[0]?.text;
    return {
      text,
      page: l.page,
      head: first === undefined ? text : normaliseLine(first),
      ...(l.cells && l.cells.length > 1
        ? { cells: l.cells.map((c) => normaliseLine(c.text)) }
        : {}),
    };
  });
  const quote = doc.termsStart >= 0 ? all.slice(0, doc.termsStart) : all;
  const regions = gesteRegions(gestes, quote);
  // the company's identity may sit in a letterhead or footer OCR could not read (ocr-edges.ts)
  let edge: boolean | undefined;
  const unreadEdge = (): boolean => (edge ??= doc.ocr && hasUnreadEdge(doc.lines));
  const kept: ErrorDetail[] = [];
  const toVerify: ToVerify[] = [];
  for (const detail of details) {
    const signs = isAbsenceFinding(detail) ? mentionSignsOf(detail.code) : undefined;
    if (!signs) {
      kept.push(detail);
      continue;
    }
    const lines = detail.geste_id
      ? (regions.get(detail.geste_id) ?? quote)
      : signs.scope === 'document'
        ? all
        : quote;
    const seen =
      findSign(signs, lines, doc.ocr, Boolean(detail.geste_id)) ??
      (detail.geste_id
        ? signedForEach(signs, quote, gestes, detail.geste_id, doc.ocr)
        : undefined) ??
      (detail.geste_id ? brandedSign(signs, lines, gestes, detail.geste_id) : undefined) ??
      (signs.identity && unreadEdge() ? { page: undefined } : undefined);
    if (!seen) {
      kept.push(detail);
      continue;
    }
    toVerify.push({
      code: detail.code,
      label: signs.label,
      ...(seen.page !== undefined ? { page: seen.page } : {}),
      ...(detail.geste_id ? { geste_id: detail.geste_id } : {}),
    });
  }
  const absences = kept.filter((d) => isAbsenceFinding(d) && mentionSignsOf(d.code));
  if (doc.ocr && (absences.length >= MAX_OCR_ABSENCES || worksUnread)) {
    for (const detail of absences) {
      toVerify.push({
        code: detail.code,
        label: mentionSignsOf(detail.code)!.label,
        ...(detail.geste_id ? { geste_id: detail.geste_id } : {}),
      });
    }
    return { details: kept.filter((d) => !absences.includes(d)), toVerify };
  }
  return { details: kept, toVerify };
}
