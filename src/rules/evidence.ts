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
import { foldText } from '../domain/fold.js';
import { namesWord, ownNamingWords } from '../domain/geste-names.js';
import type { MentionSigns, NearValue } from '../domain/mention-signs.js';
import {
  DATE_PATTERN,
  DURATION_PATTERN,
  ENERGY_WORKS_SIGNS,
  labelSurroundings,
  labelsPattern,
  MONTH_YEAR_PATTERN,
  mentionSignsOf,
} from '../domain/mention-signs.js';
import { hasUnreadEdge } from './ocr-edges.js';
import type { PreparedGeste } from './prepare-gestes.js';

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

interface FoldedLine {
  readonly text: string;
  readonly page: number;
  /** The first cell: where a heading stands when the line also carries other columns. */
  readonly head: string;
}

const TECHNICAL_HEADING =
  /^\W*(?:\d+[.)]?\s*)?(?:caracteristiques techniques|fiche technique|annexe technique|descriptif technique|donnees techniques|details? techniques?|specifications? techniques?)/u;

/** A heading stands alone on its line: a works line that mentions its performances is not one. */
function isTechnicalHeading(text: string): boolean {
  return text.length <= 70 && TECHNICAL_HEADING.test(text);
}

/** Joins letter-spaced words ("d e v i s" → "devis") and normalises apostrophes and spaces. */
export function normaliseLine(raw: string): string {
  return foldText(raw)
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/[’`´]/gu, "'")
    .replace(/\b(?:[a-z] ){2,}[a-z]\b/gu, (run) => run.replace(/ /gu, ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** One pattern per mention and reading mode, built on first use. */
const patternCache = new WeakMap<MentionSigns, Map<boolean, RegExp>>();
function labelsOf(signs: MentionSigns, ocr: boolean): RegExp | undefined {
  if (!signs.labels?.length) return undefined;
  let byMode = patternCache.get(signs);
  if (!byMode) patternCache.set(signs, (byMode = new Map()));
  let re = byMode.get(ocr);
  if (!re) byMode.set(ocr, (re = labelsPattern(signs.labels, { ocr })));
  return re;
}

function valueFollows(near: NearValue, after: string): boolean {
  switch (near) {
    case 'date':
      return DATE_PATTERN.test(after);
    case 'when':
      return (
        DATE_PATTERN.test(after) || DURATION_PATTERN.test(after) || MONTH_YEAR_PATTERN.test(after)
      );
    case 'number':
      return /\d/u.test(after);
  }
}

/** The lines where a sign of the mention stands, in order (one per line). */
function* signLines(
  signs: MentionSigns,
  lines: readonly FoldedLine[],
  ocr: boolean,
): Generator<FoldedLine> {
  const labels = labelsOf(signs, ocr);
  const elsewhere = signs.notOnLineWith;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (signs.values?.some((re) => re.test(line.text)) && !elsewhere?.test(line.text)) {
      yield line;
      continue;
    }
    for (const m of labels ? line.text.matchAll(labels) : []) {
      if (elsewhere?.test(labelSurroundings(line.text, m.index, m[0].length))) continue;
      const after = `${line.text.slice(m.index + m[0].length)} ${lines[i + 1]?.text ?? ''}`;
      if (!signs.near || valueFollows(signs.near, after)) {
        yield line;
        break;
      }
    }
  }
}

/** The line where a sign of the mention stands, or undefined. */
function findSign(
  signs: MentionSigns,
  lines: readonly FoldedLine[],
  ocr: boolean,
): FoldedLine | undefined {
  for (const line of signLines(signs, lines, ocr)) return line;
  return undefined;
}

/**
 * A mention printed at least once per geste of the family, somewhere in the quote, is taken as
 * printed for each even when one of them sits outside the geste's own lines (a block describing
 * an opening above its price table, « F3 Chambre 2 — … Uw = 1,3 »): we cannot tell which one
 * lacks it, so none is claimed missing (DESIGN.md §5).
 */
function signedForEach(
  signs: MentionSigns,
  quote: readonly FoldedLine[],
  gestes: readonly PreparedGeste[],
  gesteId: string,
  ocr: boolean,
): FoldedLine | undefined {
  // per type, or per family (« menuiserie »: a window and a door both have a wall position)
  const self = gestes.find((g) => g.id === gesteId);
  const familyOf = (g: PreparedGeste | undefined) => g?.type?.split('_')[0];
  const counts = [
    gestes.filter((g) => self?.type !== undefined && g.type === self.type).length,
    gestes.filter((g) => familyOf(self) !== undefined && familyOf(g) === familyOf(self)).length,
  ].filter((n) => n >= 2);
  if (counts.length === 0) return undefined;
  const printed = [...signLines(signs, quote, ocr)];
  return counts.some((n) => printed.length >= n) ? printed[0] : undefined;
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
    return { text, page: l.page, head: first === undefined ? text : normaliseLine(first) };
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
      findSign(signs, lines, doc.ocr) ??
      (detail.geste_id
        ? signedForEach(signs, quote, gestes, detail.geste_id, doc.ocr)
        : undefined) ??
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
