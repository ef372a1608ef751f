/**
 * What happened to each file of a report, in words a person reads (DESIGN.md §6 "a report never
 * misleads"): a file that was not read is neither "sans erreur" nor counted as a checked quote or
 * as a point to correct; a document that is not a quote says so; recommendations (findings of
 * type `warning`, « Il est recommandé… ») are counted apart from points to correct. Pure.
 */
import {
  fileOutcome,
  isRecommendation,
  NOT_CHECKED_LABELS,
  type ErrorDetail,
  type FileOutcome,
} from '../domain/finding.js';
import type { CaseReportView, QuoteReportView } from './report-view.js';

/** How far a file went: only `checked` quotes have points to correct or a message for the pro. */
export type QuoteOutcome = FileOutcome | 'pending';

export function quoteOutcome(quote: QuoteReportView): QuoteOutcome {
  return quote.status === 'pending' ? 'pending' : fileOutcome(quote.fileFindings);
}

export { isRecommendation };

/** The findings of a checked quote outside the file section: admin, then per geste. */
export function quoteFindings(quote: QuoteReportView): ErrorDetail[] {
  return [...quote.adminFindings, ...quote.gestes.flatMap((g) => g.findings)];
}

export interface FindingCounts {
  points: number;
  recommendations: number;
  /** Mentions seen but not read (DESIGN.md §5): a quote with some is not called « conforme ». */
  toVerify?: number;
}

export function countQuote(quote: QuoteReportView): FindingCounts {
  if (quoteOutcome(quote) !== 'checked') return { points: 0, recommendations: 0 };
  const all = quoteFindings(quote);
  const recommendations = all.filter(isRecommendation).length;
  return {
    points: all.length - recommendations,
    recommendations,
    toVerify: quote.toVerify?.length ?? 0,
  };
}

export const plural = (n: number, one: string, many: string): string =>
  `${n} ${n > 1 ? many : one}`;

/** « 2 points à corriger, 1 recommandation » / « aucun point à corriger ». */
export function countsPhrase(counts: FindingCounts): string {
  const points =
    counts.points === 0
      ? 'aucun point à corriger'
      : plural(counts.points, 'point à corriger', 'points à corriger');
  return counts.recommendations === 0
    ? points
    : `${points}, ${plural(counts.recommendations, 'recommandation', 'recommandations')}`;
}

/** The result line of one file. */
export function statusLabel(quote: QuoteReportView): string {
  const outcome = quoteOutcome(quote);
  if (outcome === 'pending') return 'analyse non terminée';
  if (outcome !== 'checked') return NOT_CHECKED_LABELS[outcome];
  return checkedLabel(countQuote(quote));
}

/**
 * « conforme, aucun oubli détecté » / « conforme (…, 1 recommandation) » / « 2 points à corriger ».
 * A quote with mentions left to check by a person is not « conforme »: we could not tell
 * (« aucun point à corriger, 3 mentions à vérifier »).
 */
export function checkedLabel(counts: FindingCounts): string {
  const toVerify = counts.toVerify ?? 0;
  if (counts.points === 0 && toVerify > 0) {
    return `${countsPhrase(counts)}, ${plural(toVerify, 'mention à vérifier', 'mentions à vérifier')}`;
  }
  if (counts.points === 0 && counts.recommendations === 0) return 'conforme, aucun oubli détecté';
  return counts.points === 0 ? `conforme (${countsPhrase(counts)})` : countsPhrase(counts);
}

/** A checked quote shown as conforming: nothing to correct and nothing left to check. */
export function looksConforming(counts: FindingCounts): boolean {
  return counts.points === 0 && (counts.toVerify ?? 0) === 0;
}

const OUTCOME_WORDS: Record<Exclude<QuoteOutcome, 'checked'>, [string, string]> = {
  unreadable: ['fichier illisible', 'fichiers illisibles'],
  not_a_quote: ["document qui n'est pas un devis", 'documents qui ne sont pas des devis'],
  no_energy_works: [
    'devis sans travaux de rénovation énergétique',
    'devis sans travaux de rénovation énergétique',
  ],
  pending: ['analyse non terminée', 'analyses non terminées'],
};

/**
 * The report's first line: what happened to each file, then what there is to correct, e.g.
 * « 2 devis vérifiés, 1 fichier illisible, 1 document qui n'est pas un devis : 3 points à
 * corriger, 1 recommandation. »
 */
export function reportSummary(view: CaseReportView): string {
  const outcomes = view.quotes.map(quoteOutcome);
  const checked = outcomes.filter((o) => o === 'checked').length;
  const parts: string[] = [];
  if (checked > 0) parts.push(plural(checked, 'devis vérifié', 'devis vérifiés'));
  for (const outcome of ['no_energy_works', 'not_a_quote', 'unreadable', 'pending'] as const) {
    const n = outcomes.filter((o) => o === outcome).length;
    if (n > 0) parts.push(plural(n, ...OUTCOME_WORDS[outcome]));
  }
  if (view.notChecked.length > 0) {
    parts.push(
      plural(view.notChecked.length, 'pièce jointe non analysée', 'pièces jointes non analysées'),
    );
  }
  const what = parts.join(', ');
  if (checked === 0) return `Aucun devis n'a pu être vérifié : ${what}.`;
  return `${what} : ${countsPhrase(reportTotals(view))}.`;
}

/** Points to correct (case findings included) and recommendations of the whole report. */
export function reportTotals(view: CaseReportView): FindingCounts {
  return view.quotes.map(countQuote).reduce(
    (sum, c) => ({
      points: sum.points + c.points,
      recommendations: sum.recommendations + c.recommendations,
      toVerify: (sum.toVerify ?? 0) + (c.toVerify ?? 0),
    }),
    { points: view.caseFindings.length, recommendations: 0, toVerify: 0 },
  );
}

/** Controls of a checked quote that raised no finding shown (« points conformes »). */
export function conformingCount(quote: QuoteReportView): number {
  if (quoteOutcome(quote) !== 'checked') return 0;
  const { points, recommendations } = countQuote(quote);
  return Math.max(0, (quote.controlsCount ?? 0) - points - recommendations);
}

const AIDS = "aux attentes des aides (MaPrimeRénov', CEE)";

/**
 * The verdict in one sentence, first thing the result page says: « Le devis n'est pas conforme
 * aux attentes des aides… : 3 points à corriger. »; the summary when no quote could be checked.
 */
export function verdictSentence(view: CaseReportView): string {
  const checked = view.quotes.filter((q) => quoteOutcome(q) === 'checked').length;
  if (checked === 0) return reportSummary(view);
  const several = view.kind === 'case' && view.quotes.length > 1;
  const totals = reportTotals(view);
  if (totals.points > 0) {
    const subject = several
      ? `Les devis du dossier ne sont pas conformes ${AIDS}`
      : `Le devis n'est pas conforme ${AIDS}`;
    return `${subject} : ${countsPhrase(totals)}.`;
  }
  const toVerify = totals.toVerify ?? 0;
  if (toVerify > 0) {
    const where = several ? 'les devis du dossier' : 'le devis';
    const mentions = plural(toVerify, 'mention à vérifier', 'mentions à vérifier');
    return `Aucun point à corriger dans ${where}, mais ${mentions} (voir « À vérifier »).`;
  }
  const subject = several
    ? `Les devis du dossier sont conformes ${AIDS}`
    : `Le devis est conforme ${AIDS}`;
  const detail = totals.recommendations === 0 ? 'aucun oubli détecté' : countsPhrase(totals);
  return `${subject} : ${detail}.`;
}
