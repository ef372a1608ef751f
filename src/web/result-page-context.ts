/**
 * What the result page shows (DESIGN.md §7): the report the mail carries — the same view
 * (mail/case-report.ts), the same outcomes and counts (mail/report-outcome.ts), the same
 * Handlebars context (mail/template-context.ts) — plus what only a page has: the verdict and the
 * counts at the top, the findings a reader flagged as wrong (with « Annuler »), the forms' targets
 * and the feedback form's state. Pure: the router loads the record and renders.
 */
import type { CaseReportSource } from '../db/case-report-repo.js';
import type { ResultRecord } from '../db/result-pages-repo.js';
import { DELETION_REASONS, deletionReasonLabel } from '../domain/finding-edits.js';
import { isShownToUsers } from '../domain/finding.js';
import type { CheckedRecord, QuoteCheck } from '../domain/quote-check.js';
import type { LinkSettings } from '../domain/result-links.js';
import { buildCaseReportView, buildCheckReportView } from '../mail/case-report.js';
import {
  conformingCount,
  plural,
  quoteOutcome,
  reportTotals,
  verdictSentence,
} from '../mail/report-outcome.js';
import type { CaseReportView } from '../mail/report-view.js';
import { htmlContext, templateContext } from '../mail/template-context.js';

export interface FeedbackState {
  sent?: boolean;
  errors?: Partial<Record<'rating' | 'comment' | 'email', string>>;
  values?: { rating?: string; comment?: string; email?: string };
}

export interface PageTarget {
  /** `/resultats/<token>`: every form posts under it. */
  path: string;
  /** The page's absolute address, shown in « Copier le lien ». */
  url: string;
}

/** The checks a record shows, in the page's order. */
export function checksOf(record: ResultRecord): QuoteCheck[] {
  return record.kind === 'check' ? [record.check] : record.source.checks.map((c) => c.check);
}

/** The record whose report the page is: a check alone, or a case with its checks. */
export function reportViewOf(
  record: ResultRecord,
  links: LinkSettings,
  url: string,
): CaseReportView {
  const view =
    record.kind === 'check'
      ? buildCheckReportView(record.check, record.filename, links)
      : buildCaseReportView(record.source, links);
  return { ...view, resultUrl: url };
}

/** Findings a reader marked as wrong: shown apart, with their reason and « Annuler ». */
function flaggedOf(record: CheckedRecord) {
  const edits = record.validationErrorEdits ?? {};
  return (record.validation?.errorDetails ?? [])
    .filter((d) => isShownToUsers(d) && edits[d.id]?.deleted === true)
    .map((d) => ({ id: d.id, title: d.title, reason: deletionReasonLabel(edits[d.id]?.reason) }));
}

const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});

function headings(record: ResultRecord, context: Record<string, unknown>) {
  if (
    record.kind === 'case' &&
    (record.source.checks.length > 1 || record.source.checks.length === 0)
  ) {
    return { title: `Analyse de ${String(context.caseName)}`, isCase: true };
  }
  return { title: `Analyse du devis « ${String(context.firstFilename)} »`, isCase: false };
}

function tone(view: CaseReportView): 'error' | 'warning' | 'success' {
  const totals = reportTotals(view);
  if (!view.quotes.some((q) => quoteOutcome(q) === 'checked')) return 'warning';
  if (totals.points > 0) return 'error';
  return (totals.toVerify ?? 0) > 0 ? 'warning' : 'success';
}

export function resultPageContext(
  record: ResultRecord,
  options: { links: LinkSettings; target: PageTarget; feedback?: FeedbackState },
): object {
  const view = reportViewOf(record, options.links, options.target.url);
  const context = templateContext('results_available', view) as Record<string, unknown> & {
    quotes: Record<string, unknown>[];
  };
  const checks = checksOf(record);
  const totals = reportTotals(view);
  const conforming = view.quotes.reduce((sum, q) => sum + conformingCount(q), 0);
  const caseRecord: CaseReportSource['quotesCase'] | undefined =
    record.kind === 'case' ? record.source.quotesCase : undefined;
  const page = {
    ...context,
    ...headings(record, context),
    analysedAt: DATE_FORMAT.format(new Date(view.analysedAt)),
    verdict: verdictSentence(view),
    tone: tone(view),
    pointsLabel: plural(totals.points, 'point à corriger', 'points à corriger'),
    conformingLabel: plural(conforming, 'point conforme', 'points conformes'),
    recommendationsLabel:
      totals.recommendations > 0
        ? plural(totals.recommendations, 'recommandation', 'recommandations')
        : undefined,
    quotes: context.quotes.map((quote, i) => {
      const check = checks[i];
      const flagged = check ? flaggedOf(check) : [];
      const count = view.quotes[i] ? conformingCount(view.quotes[i]) : 0;
      return {
        ...quote,
        flagged,
        conformingLabel: plural(count, 'point conforme', 'points conformes'),
      };
    }),
    caseFlagged: caseRecord ? flaggedOf(caseRecord) : [],
    pageUrl: options.target.url,
    textUrl: `${options.target.path}.txt`,
    actions: {
      flag: `${options.target.path}/signaler`,
      restore: `${options.target.path}/annuler`,
      feedback: `${options.target.path}/avis#avis`,
    },
    reasons: Object.entries(DELETION_REASONS).map(([code, label]) => ({ code, label })),
    canGiveFeedback: checks.length > 0,
  };
  const feedback = options.feedback ?? {};
  const rating = feedback.values?.rating ?? '';
  return {
    ...htmlContext(page),
    feedback: {
      sent: feedback.sent === true,
      errors: feedback.errors ?? {},
      hasErrors: Object.keys(feedback.errors ?? {}).length > 0,
      comment: feedback.values?.comment ?? '',
      email: feedback.values?.email ?? '',
      ratings: [0, 1, 2, 3, 4, 5].map((n) => ({ value: n, checked: rating === String(n) })),
    },
  };
}
