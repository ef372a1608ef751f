/**
 * Turns each template's data into the Handlebars context: French labels, counts and flags are
 * computed here so templates stay free of logic (no helpers, only `if` and `each`). Typography
 * too: one apostrophe in every string, and no-break spaces in the HTML part's strings.
 */
import { mapStringsDeep } from '../domain/deep-strings.js';
import type { ErrorDetail } from '../domain/finding.js';
import { FR_WORDING, fillPlaceholders, rgeLookupUrl } from '../rules/wording.js';
import { buildProMessages } from './pro-message.js';
import {
  countQuote,
  looksConforming,
  isRecommendation,
  plural,
  quoteFindings,
  quoteOutcome,
  reportSummary,
  statusLabel,
} from './report-outcome.js';
import {
  caseLabel,
  type CaseReportView,
  type QuoteReportView,
  type TemplateDataMap,
} from './report-view.js';
import type { TemplateName } from './template-names.js';

export const APP_NAME = 'Mon Devis Sans Oublis';

interface FindingContext {
  /** The finding's id (the result page's forms name it; mails do not show it). */
  id: string;
  title: string;
  problem?: string;
  solution?: string;
  providedValue?: string;
}

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
  // « Valeur lue » only for a value read: a missing mention has none, and a works line's
  // non-`wrong` findings carry the line or its type code (API contract), not a value read
  const shown =
    detail.type !== 'missing' && (detail.category !== 'gestes' || detail.type === 'wrong');
  // a finding with a `problem` (a value below an aid threshold) says there what was read
  const said = detail.problem !== undefined;
  const value = shown && !said ? detail.provided_value : undefined;
  return {
    id: detail.id,
    title: detail.title,
    problem: detail.problem,
    solution: detail.solution ?? fallback,
    providedValue: value === undefined || value === '' ? undefined : String(value),
  };
}

/** « votre dossier du 7 décembre 2026 » / « votre dossier « Maison » » / « votre dossier ». */
function caseNames(data: { reference?: string; receivedAt?: string }) {
  const label = caseLabel(data);
  return {
    caseName: label ? `votre dossier ${label}` : 'votre dossier',
    caseTitle: label ? `Dossier ${label}` : 'Votre dossier',
  };
}

function quoteContext(quote: QuoteReportView, index: number, view: CaseReportView) {
  const host = originOf(view.resultUrl);
  const map = (list: readonly ErrorDetail[]) => list.map((d) => findingContext(d, host));
  const outcome = quoteOutcome(quote);
  const checked = outcome === 'checked';
  const withoutRecommendations = (list: readonly ErrorDetail[]) =>
    map(list.filter((d) => !isRecommendation(d)));
  const recommendations = quoteFindings(quote)
    .filter(isRecommendation)
    .map((d) => {
      const geste = quote.gestes.find((g) => g.findings.includes(d));
      return { ...findingContext(d, host), gesteLabel: geste?.label };
    });
  return {
    number: index + 1,
    filename: quote.filename ?? 'fichier sans nom',
    companyName: quote.companyName,
    statusLabel: statusLabel(quote),
    isValid: checked && looksConforming(countQuote(quote)),
    isChecked: checked,
    isPending: outcome === 'pending',
    resultUrl: quote.resultUrl ?? view.resultUrl,
    fileFindings: map(quote.fileFindings),
    adminFindings: checked ? withoutRecommendations(quote.adminFindings) : [],
    hasGestes: quote.gestes.length > 0,
    gestes: checked
      ? quote.gestes.map((g) => ({ label: g.label, findings: withoutRecommendations(g.findings) }))
      : [],
    recommendations: checked ? recommendations : [],
    toVerify: checked ? (quote.toVerify ?? []) : [],
    aidRulesToVerify: checked ? (quote.aidRulesToVerify ?? []) : [],
    aidInformation: checked ? (quote.aidInformation ?? []) : [],
  };
}

function resultsContext(view: CaseReportView) {
  const quotes = view.quotes.map((q, i) => quoteContext(q, i, view));
  const caseFindings = view.caseFindings.map((d) => findingContext(d, originOf(view.resultUrl)));
  const proMessages = buildProMessages(view).map((m, i, all) => ({
    heading:
      all.length === 1
        ? undefined
        : `Message ${i + 1} sur ${all.length} : ${m.companyName ?? 'entreprise non identifiée'} (${m.filenames.join(', ')})`,
    hasFindings: m.hasFindings,
    text: m.text,
  }));
  return {
    isCase: view.kind === 'case',
    ...caseNames(view),
    firstFilename: quotes[0]?.filename ?? 'fichier sans nom',
    resultUrl: view.resultUrl,
    summary: reportSummary(view),
    quotes,
    caseFindings,
    notChecked: view.notChecked,
    proMessages,
    hasProMessages: proMessages.length > 0,
    severalProMessages: proMessages.length > 1,
  };
}

type ContextBuilders = { [N in TemplateName]: (data: TemplateDataMap[N]) => object };

const CONTEXT_BUILDERS: ContextBuilders = {
  quote_check_created: (d) => ({ ...d, filename: d.filename ?? 'fichier sans nom' }),
  quotes_case_created: (d) => ({
    ...d,
    ...caseNames(d),
    count: plural(d.filenames.length, 'devis', 'devis'),
  }),
  quotes_case_updated: (d) => ({
    ...d,
    ...caseNames(d),
    added: plural(d.addedFilenames.length, 'devis', 'devis'),
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

/**
 * One apostrophe in a mail: the templates and templates/wording/fr.json write the straight one
 * ('), while texts made elsewhere and shown in mails (reading problems, inbound reasons, file
 * names) may carry the typographic one (’). Normalised here, on every string a template
 * receives, rather than in each producer.
 */
function straightApostrophes(value: string): string {
  return value.replace(/[\u2018\u2019\u02BC]/gu, "'");
}

/** The Handlebars context of a template; `appName` is available everywhere. */
export function templateContext<N extends TemplateName>(name: N, data: TemplateDataMap[N]): object {
  const build = CONTEXT_BUILDERS[name] as (d: TemplateDataMap[N]) => object;
  return mapStringsDeep({ appName: APP_NAME, ...build(data) }, straightApostrophes);
}

/**
 * French spacing for the HTML part: the space before « : ; ? ! » and inside « » becomes a
 * no-break space, so a narrow screen never starts a line with a colon or ends one with « (the
 * templates' own text writes `&nbsp;`). The text part keeps plain spaces: the reader's client
 * wraps it, and people copy it.
 */
export function htmlContext(context: object): object {
  return mapStringsDeep(context, (s) =>
    s.replace(/(?<=\S) ([:;?!»])/gu, '\u00A0$1').replace(/« (?=\S)/gu, '«\u00A0'),
  );
}
