/**
 * Dates and terms stated on the quote: validity, prior technical visit, planned start date or
 * start delay (`Délai d'intervention : 3 à 5 semaines après acceptation`).
 */
import type { DocumentLine } from '../document.js';
import { findDates, findPastDatesWithoutYear } from '../../domain/dates.js';
import { foldText } from '../../domain/fold.js';
import {
  DURATION_PATTERN,
  labelsPattern,
  MENTION_SIGNS,
  MONTH_YEAR_PATTERN,
} from '../../domain/mention-signs.js';
import { valueAfterLabel } from './labelled-values.js';

/** Label lexicon (domain/mention-signs.ts) for the generic key → value reading below. */
const VISIT_LABELS = labelsPattern(MENTION_SIGNS.date_pre_visite_manquant.labels);
const START_LABEL_LIST: readonly string[] = MENTION_SIGNS.date_chantier_manquant.labels;
const START_LABELS = labelsPattern(START_LABEL_LIST.filter((l) => !l.startsWith('delai')));
const DELAY_LABELS = labelsPattern(START_LABEL_LIST);
const START_SKIP = MENTION_SIGNS.date_chantier_manquant.notOnLineWith;
const VALIDITY_LABELS = labelsPattern(MENTION_SIGNS.date_validite_manquant.labels);
const VALIDITY_SKIP = MENTION_SIGNS.date_validite_manquant.notOnLineWith;

/** A date printed within `maxGap` characters of the start of a text, in its first clause. */
function dateWithin(maxGap: number): (text: string) => string | undefined {
  return (text) => {
    const clause = text.split(/[.;](?:\s|$)|\bdate\s*:/iu)[0] ?? text;
    return findDates(clause).find((d) => d.index <= maxGap)?.iso;
  };
}

const NOT_QUOTE_VALIDITY_RE =
  /\b(?:RGE|qualif\w*|certifi\w*|attestation|assurance|label|agr[ée]ment|garantie)\b|[àa]\s+d[ée]faut/iu;
const NUMBER_WORDS =
  '(?:un|une|deux|trois|quatre|six|douze|quinze|trente|soixante|quatre-vingt)(?![\\p{L}])';
const VALIDITY_RES = [
  new RegExp(
    `\\b(?:devis|offre|proposition|prix|tarifs?|pr[ée]sente?)\\b[^.\\n]{0,60}\\bval(?:ables?|ides?)\\b[^.\\n]{0,30}?(?:\\d|jusqu|pendant|durant|${NUMBER_WORDS})`,
    'iu',
  ),
  /\bvalidit[ée](?:\s+(?:du\s+devis|de\s+l['’]offre|de\s+la\s+proposition))?\s*:/iu,
  /\bdur[ée]e\s+de\s+validit[ée]\b/iu,
  new RegExp(
    `\\b(?:devis|offre|proposition)\\b[^.\\n]{0,40}\\bpour\\s+une\\s+dur[ée]e\\s+d(?:e\\s+|['’])(?:\\d+|${NUMBER_WORDS})\\s*(?:jours|mois|semaines)`,
    'iu',
  ),
  /(?<![\p{L}])validit[ée](?![\p{L}])[^.\n]{0,30}?(?:\d+\s*(?:jours|mois|semaines)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/iu,
  /\b(?:date\s+(?:limite\s+)?de\s+validit[ée]|date\s+d['’]expiration|expire\s+le)\b/iu,
  /^\s*valables?\s+(?:jusqu|\d+|un|une|deux|trois|quatre|six|douze|quinze|trente|soixante|quatre-vingt)/iu,
  /\bvalables?\s+(?:\d+|un|une|deux|trois|quatre|six|douze|quinze|trente|soixante|quatre-vingt(?:-dix)?)\s+(?:jours|mois|semaines)\b/iu,
];

const VALIDITY_HEADING_RE =
  /^(?:(?:date\s+(?:limite\s+)?de\s+|fin\s+de\s+)?validit[ée](?:\s+(?:du\s+devis|de\s+l['’]offre))?|valable\s+jusqu['’]au)\s*:?$/iu;
const PERIOD_OR_DATE_RE = /\d+\s*(?:jours|j\b|mois|semaines)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/iu;

/** "Date | N° devis | Validité" over "05/01/2026 | DV-12 | 90 jours": the value under the heading. */
function validityUnderHeading(lines: DocumentLine[], index: number): boolean {
  const line = lines[index];
  const next = lines[index + 1];
  if (!line || !next || next.page !== line.page) return false;
  return line.cells.some(
    (head) =>
      VALIDITY_HEADING_RE.test(head.text.trim()) &&
      next.cells.some((c) => c.x < head.xEnd && head.x < c.xEnd && PERIOD_OR_DATE_RE.test(c.text)),
  );
}

/** A validity period or end date is stated on the quote. */
export function hasValidity(lines: DocumentLine[], tolerance = 2): boolean {
  const stated = (text: string): true | undefined =>
    DURATION_PATTERN.test(foldText(text.slice(0, 40))) || dateWithin(30)(text) ? true : undefined;
  if (valueAfterLabel(lines, VALIDITY_LABELS, stated, { tolerance, skip: VALIDITY_SKIP })) {
    return true;
  }
  return lines.some(
    (line, index) =>
      line.cells.some(
        (cell) =>
          !NOT_QUOTE_VALIDITY_RE.test(cell.text) && VALIDITY_RES.some((re) => re.test(cell.text)),
      ) || validityUnderHeading(lines, index),
  );
}

/** The first date printed after a keyword on the same cell, within `maxGap` characters. */
function dateAfter(lines: DocumentLine[], keyword: RegExp, maxGap = 45): string | undefined {
  const global = new RegExp(keyword.source, 'giu');
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const k of cell.text.matchAll(global)) {
        const end = k.index + k[0].length;
        const date = findDates(cell.text).find((d) => d.index >= end && d.index - end <= maxGap);
        if (
          date &&
          !/[.;]|(?<![\p{L}\d_])(?:[ée]mis|date\s*:)/iu.test(cell.text.slice(end, date.index))
        )
          return date.iso;
      }
    }
  }
  return undefined;
}

const VISIT_RE =
  /(?<![\p{L}\d_])(?:visite|pr[ée]-?visite|m[ée]tr[ée]|relev[ée]\s+technique|diagnostic\s+technique|prises?\s+des?\s+cotes|cotes\s+prises)(?![\p{L}\d_])/iu;

/**
 * The prior visit's date; `issueDate` (the quote's) dates a visit printed without its year
 * (« suite à mon passage du jeudi 12 novembre »), which happened before the quote.
 */
export function findVisitDate(
  lines: DocumentLine[],
  tolerance = 2,
  issueDate?: string,
): string | undefined {
  const full =
    dateAfter(lines, VISIT_RE) ??
    valueAfterLabel(lines, VISIT_LABELS, dateWithin(45), { tolerance });
  if (full || !issueDate) return full;
  const withoutYear = (text: string): string | undefined => {
    const clause = text.split(/[.;](?:\s|$)/u)[0] ?? text;
    return findPastDatesWithoutYear(clause, issueDate).find((d) => d.index <= 45)?.iso;
  };
  return valueAfterLabel(lines, VISIT_LABELS, withoutYear, { tolerance });
}

const START_RE =
  /\b(?:d[ée]but|d[ée]marrage|commencement)\s+(?:pr[ée]vu\s+|pr[ée]visionnel\s+)?(?:des\s+|du\s+)?(?:travaux|chantier|intervention|prestations?|installation|pose)|\bdate\s+(?:pr[ée]visionnelle\s+|pr[ée]vue\s+)?(?:de\s+|du\s+|d['’])?(?:d[ée]but|d[ée]marrage|intervention|r[ée]alisation|ex[ée]cution|travaux|pose|installation)|\b(?:travaux|intervention|installation|pose|chantier)\s+pr[ée]vue?s?\s+(?:le|[àa]\s+partir\s+du|[àa]\s+compter\s+du|pour\s+le|semaine\s+du)/iu;

export function findStartDate(lines: DocumentLine[], tolerance = 2): string | undefined {
  return (
    dateAfter(lines, START_RE, 30) ??
    valueAfterLabel(lines, START_LABELS, dateWithin(30), { tolerance, skip: START_SKIP })
  );
}

const DELAY_LABEL_RE =
  /^(?:d[ée]lais?(?:\s+(?:d['’]ex[ée]cution|d['’]intervention|de\s+r[ée]alisation|de\s+d[ée]marrage|de\s+d[ée]but(?:\s+des\s+travaux)?|des\s+travaux|de\s+pose|d['’]installation|de\s+mise\s+en\s+(?:œ|oe)uvre|pr[ée]visionnels?|indicatifs?|de\s+livraison\s+et\s+(?:de\s+)?pose))?|(?:date\s+de\s+)?d[ée]but\s+(?:pr[ée]visionnel\s+|pr[ée]vu\s+)?des\s+travaux|d[ée]marrage(?:\s+des\s+travaux)?|planning|p[ée]riode\s+d['’]intervention)\s*:\s*(.+)$/iu;
const DELAY_SENTENCE_RE =
  /\b(?:travaux|pose|installation|intervention|chantier|d[ée]marrage)\b[^.\n]{0,30}?\b(?:sous|dans\s+un\s+d[ée]lai\s+de|dans\s+les)\s+\d+(?:\s*(?:à|-)\s*\d+)?\s*(?:jours?|semaines?|mois)\b[^.\n]*/iu;
const DELAY_HINT_RE =
  /\d|semaine|jour|mois|sous|d[èe]s|courant|d[ée]but|fin|mi-|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre/iu;

function cleanDelay(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/[\s.;,]+$/u, '')
    .trim();
}

/** A delay or period at the start of a text ("6 semaines après acceptation"), as printed. */
function delayWithin(text: string): string | undefined {
  const head = text.replace(/^[\s:.–—-]+/u, '');
  const start = foldText(head.slice(0, 60));
  // a period as prose states it (« avril 2027 ») is a start too
  const m = DURATION_PATTERN.exec(start) ?? MONTH_YEAR_PATTERN.exec(start);
  if (!m || findDates(head.slice(0, 60)).length > 0) return undefined;
  // the delay ends its sentence, or a condition (« …, sous réserve de l'accord ») follows
  const clause = (head.split(/[.;](?:\s|$)/u)[0] ?? head).split(
    /,\s*(?=(?:sous\s+r[ée]serve|hors|sauf|selon)(?![\p{L}]))/u,
  )[0];
  return cleanDelay(clause ?? head) || undefined;
}

/** The start delay as printed, when no start date is given. */
export function findStartDelay(lines: DocumentLine[], tolerance = 2): string | undefined {
  return (
    findLabelledDelay(lines) ??
    valueAfterLabel(lines, DELAY_LABELS, delayWithin, { tolerance, skip: START_SKIP })
  );
}

function findLabelledDelay(lines: DocumentLine[]): string | undefined {
  for (const line of lines) {
    for (const cell of line.cells) {
      const m = DELAY_LABEL_RE.exec(cell.text.trim());
      const value = cleanDelay(m?.[1] ?? '');
      if (value && DELAY_HINT_RE.test(value) && findDates(value).length === 0) return value;
    }
  }
  for (const cell of lines.flatMap((l) => l.cells)) {
    const m = DELAY_SENTENCE_RE.exec(cell.text);
    if (!m) continue;
    // from the start of the sentence or clause (`Les travaux pourront débuter dans un délai de…`)
    const head = cell.text.slice(0, m.index);
    const cuts = [...head.matchAll(/[.;]\s|\s[–—-]\s/gu)].map((s) => s.index + s[0].length);
    return cleanDelay(cell.text.slice(Math.max(0, ...cuts), m.index + m[0].length));
  }
  return undefined;
}
