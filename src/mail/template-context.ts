/**
 * Turns each template's data into the Handlebars context: French labels, counts and flags are
 * computed here so templates stay free of logic (no helpers, only `if` and `each`).
 */
import type { ErrorDetail } from '../domain/finding.js';
import { FR_WORDING, fillPlaceholders, rgeLookupUrl } from '../rules/wording.js';
import { buildProMessage } from './pro-message.js';
import type { CaseReportView, QuoteReportView, TemplateDataMap } from './report-view.js';
import type { TemplateName } from './template-names.js';

export const APP_NAME = 'Mon Devis Sans Oublis';

interface FindingContext {
  title: string;
  problem?: string;
  solution?: string;
  providedValue?: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function findingContext(detail: ErrorDetail, frontendHost: string | undefined): FindingContext {
  const wording = (FR_WORDING as Partial<typeof FR_WORDING>)[detail.code];
  const fallback = wording
    ? fillPlaceholders(wording.explanation, { rge_lookup_url: rgeLookupUrl(frontendHost) })
    : undefined;
  return {
    title: detail.title,
    problem: detail.problem,
    solution: detail.solution ?? fallback,
    providedValue:
      detail.provided_value === undefined || detail.provided_value === ''
        ? undefined
        : String(detail.provided_value),
  };
}

function countFindings(quote: QuoteReportView): number {
  return (
    quote.fileFindings.length +
    quote.adminFindings.length +
    quote.gestes.reduce((n, g) => n + g.findings.length, 0)
  );
}

function statusLabel(quote: QuoteReportView, count: number): string {
  if (quote.status === 'pending') return 'analyse non terminée';
  if (quote.fileFindings.some((d) => d.code === 'geste_renovation_energetique_absent')) {
    return 'non vérifié (pas de travaux de rénovation énergétique reconnus)';
  }
  if (quote.fileFindings.length > 0) return 'non vérifié (fichier illisible)';
  if (quote.status === 'valid') return 'conforme, aucun oubli détecté';
  return `à corriger (${plural(count, 'point', 'points')})`;
}

function quoteContext(quote: QuoteReportView, index: number, view: CaseReportView) {
  const host = originOf(view.resultUrl);
  const count = countFindings(quote);
  const map = (list: readonly ErrorDetail[]) => list.map((d) => findingContext(d, host));
  return {
    number: index + 1,
    filename: quote.filename ?? 'fichier sans nom',
    companyName: quote.companyName,
    statusLabel: statusLabel(quote, count),
    isValid: quote.status === 'valid' && quote.fileFindings.length === 0,
    isPending: quote.status === 'pending',
    resultUrl: quote.resultUrl ?? view.resultUrl,
    fileFindings: map(quote.fileFindings),
    adminFindings: map(quote.adminFindings),
    hasGestes: quote.gestes.length > 0,
    gestes: quote.gestes.map((g) => ({ label: g.label, findings: map(g.findings) })),
    findingCount: count,
    toVerify: quote.toVerify ?? [],
  };
}

function resultsContext(view: CaseReportView) {
  const quotes = view.quotes.map((q, i) => quoteContext(q, i, view));
  const caseFindings = view.caseFindings.map((d) => findingContext(d, originOf(view.resultUrl)));
  const total = quotes.reduce((n, q) => n + q.findingCount, 0) + caseFindings.length;
  const isCase = view.kind === 'case';
  const checked = plural(quotes.length, 'devis vérifié', 'devis vérifiés');
  const summary =
    total === 0
      ? `${checked}, aucun point à corriger.`
      : `${checked}, ${plural(total, 'point', 'points')} à corriger.`;
  return {
    isCase,
    caseLabel: view.reference ?? view.caseId ?? '',
    firstFilename: quotes[0]?.filename ?? 'fichier sans nom',
    resultUrl: view.resultUrl,
    summary,
    hasFindings: total > 0,
    quotes,
    caseFindings,
    notChecked: view.notChecked,
    proMessage: buildProMessage(view).text,
  };
}

type ContextBuilders = { [N in TemplateName]: (data: TemplateDataMap[N]) => object };

const CONTEXT_BUILDERS: ContextBuilders = {
  quote_check_created: (d) => ({ ...d, filename: d.filename ?? 'fichier sans nom' }),
  quotes_case_created: (d) => ({
    ...d,
    caseLabel: d.reference ?? d.caseId,
    count: plural(d.filenames.length, 'devis', 'devis'),
  }),
  quotes_case_updated: (d) => ({
    ...d,
    caseLabel: d.reference ?? d.caseId,
    added: plural(d.addedFilenames.length, 'devis ajouté', 'devis ajoutés'),
    total: plural(d.quoteCount, 'devis', 'devis'),
  }),
  results_available: resultsContext,
  no_attachment: (d) => d,
  wrong_address: (d) => d,
  attachment_too_large: (d) => ({
    ...d,
    files: d.files.map((f) => ({
      filename: f.filename,
      size: f.sizeMb === undefined ? undefined : `${f.sizeMb.toLocaleString('fr-FR')} Mo`,
    })),
  }),
  unsupported_attachment: (d) => d,
  quota_exceeded: (d) => d,
  unreadable_file: (d) => d,
};

/** The Handlebars context of a template; `appName` is available everywhere. */
export function templateContext<N extends TemplateName>(name: N, data: TemplateDataMap[N]): object {
  const build = CONTEXT_BUILDERS[name] as (d: TemplateDataMap[N]) => object;
  return { appName: APP_NAME, ...build(data) };
}
