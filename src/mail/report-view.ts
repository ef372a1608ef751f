/**
 * What the outbound mails show, free of database types: the caller maps its rows to these views
 * and passes them to `render(name, data)`. Every string here is shown escaped.
 */
import type { ErrorDetail, ToVerify } from '../domain/finding.js';
import { isShownToUsers } from '../domain/finding.js';
import type { TemplateName } from './template-names.js';

export type QuoteStatus = 'valid' | 'invalid' | 'pending';

/** Works line of a quote and the findings about it; `findings` may be empty (checked, nothing to fix). */
export interface GesteReportView {
  /** `<check id>-geste-<n>`, as in `ErrorDetail.geste_id`. */
  id?: string;
  /** French label: the geste type title, or the works line's wording. */
  label: string;
  findings: ErrorDetail[];
}

export interface QuoteReportView {
  checkId: string;
  /** File name as received; absent when unknown. */
  filename?: string;
  status: QuoteStatus;
  companyName?: string;
  /** The company's SIRET as read: quotes of one company share a message for the pro. */
  companySiret?: string;
  /** Link to this quote's page; the report's link is used when absent. */
  resultUrl?: string;
  /** Reading errors (category `file` or `server`): the quote could not be checked. */
  fileFindings: ErrorDetail[];
  adminFindings: ErrorDetail[];
  gestes: GesteReportView[];
  /** Mentions seen on the quote but not read (DESIGN.md §5): to check, not to correct. */
  toVerify?: string[];
  /** Values below an aid threshold, or aid changes, whose source is not confirmed (§11). */
  aidRulesToVerify?: string[];
  /** Confirmed changes of the aids that concern the quote's gestes (DESIGN.md §11). */
  aidInformation?: string[];
  /** Controls run on the quote (for the count of conforming points). */
  controlsCount?: number;
}

/** An attachment that was not checked, with the French reason shown to the sender. */
export interface NotCheckedAttachment {
  filename: string;
  reason: string;
}

/**
 * The results report (`results_available`), for one quote (`kind: 'quote'`, exactly one entry in
 * `quotes`) or a case. Findings are the active ones (deleted ones removed by the caller).
 */
export interface CaseReportView {
  kind: 'quote' | 'case';
  caseId?: string;
  /** The requester's own reference for the case, when given. */
  reference?: string;
  resultUrl: string;
  /** When the analysis finished (ISO 8601): the date quoted in the message for the professional. */
  analysedAt: string;
  /** When the case was received (ISO 8601): how a case without reference is named. */
  receivedAt?: string;
  quotes: QuoteReportView[];
  /** Case-level findings (category `case_incoherence`). */
  caseFindings: ErrorDetail[];
  notChecked: NotCheckedAttachment[];
}

/** `quote_check_created`: one quote received, results follow. */
export interface QuoteCheckCreatedData {
  filename?: string;
  resultUrl: string;
  notChecked: NotCheckedAttachment[];
}

/** `quotes_case_created`: several quotes received as one case. */
export interface QuotesCaseCreatedData {
  caseId: string;
  reference?: string;
  /** When the case was received (ISO 8601): how a case without reference is named. */
  receivedAt?: string;
  filenames: string[];
  resultUrl: string;
  notChecked: NotCheckedAttachment[];
}

/** `quotes_case_updated`: quotes added to an existing case by a reply in the same thread. */
export interface QuotesCaseUpdatedData {
  caseId: string;
  reference?: string;
  /** When the case was received (ISO 8601): how a case without reference is named. */
  receivedAt?: string;
  addedFilenames: string[];
  /** Number of quotes in the case after the addition. */
  quoteCount: number;
  resultUrl: string;
  notChecked: NotCheckedAttachment[];
}

/** `no_attachment` and `wrong_address`: where to send quotes. */
export interface SubmissionHelpData {
  /** Address that accepts quotes, e.g. `devis@<INBOUND_MAIL_DOMAIN>`. */
  submissionAddress: string;
  maxFileSizeMb: number;
}

/** `attachment_too_large`. */
export interface TooLargeData {
  files: { filename: string; sizeMb?: number }[];
  maxFileSizeMb: number;
  submissionAddress: string;
}

/** `unsupported_attachment`. */
export interface UnsupportedData {
  /** `format`: what the file is, in French (« un document Word (.docx) »), never a MIME type. */
  files: { filename: string; format?: string }[];
  submissionAddress: string;
}

/** `unreadable_file`: files received but not readable (password, damaged, empty, …). */
export interface UnreadableData {
  files: NotCheckedAttachment[];
  submissionAddress: string;
}

/** `quota_exceeded`. */
export interface QuotaExceededData {
  dailyQuota: number;
}

/** The data each template takes. */
export interface TemplateDataMap {
  quote_check_created: QuoteCheckCreatedData;
  quotes_case_created: QuotesCaseCreatedData;
  quotes_case_updated: QuotesCaseUpdatedData;
  results_available: CaseReportView;
  no_attachment: SubmissionHelpData;
  wrong_address: SubmissionHelpData;
  attachment_too_large: TooLargeData;
  unsupported_attachment: UnsupportedData;
  quota_exceeded: QuotaExceededData;
  unreadable_file: UnreadableData;
}

export type TemplateData<N extends TemplateName = TemplateName> = TemplateDataMap[N];

/**
 * How a case is named to a person (DESIGN.md §6: never by its id): by the requester's own
 * reference, else by the day it was received (« du 7 décembre 2026 »), else not at all.
 */
export function caseLabel(data: { reference?: string; receivedAt?: string }): string {
  if (data.reference?.trim()) return `« ${data.reference.trim()} »`;
  const date = data.receivedAt ? new Date(data.receivedAt) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  const day = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return `du ${day}`;
}

/** Label of the group of technical findings whose works line is unknown. */
export const UNKNOWN_GESTE_LABEL = 'Travaux non précisés';

/**
 * Splits a check's findings into the sections of a report: hidden categories dropped, a code
 * raised twice for the same place kept once, gestes in the quote's order (each listed even
 * without finding, so the report says what was checked), technical findings without a known
 * works line under `UNKNOWN_GESTE_LABEL`.
 */
export function groupQuoteFindings(
  details: readonly ErrorDetail[],
  gestes: readonly { id: string; label: string }[],
): Pick<QuoteReportView, 'fileFindings' | 'adminFindings' | 'gestes'> {
  const seen = new Set<string>();
  const shown = details.filter((d) => {
    const key = `${d.code} ${d.geste_id ?? ''}`;
    if (!isShownToUsers(d) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const byGeste = gestes.map((g) => ({ id: g.id, label: g.label, findings: [] as ErrorDetail[] }));
  const unknown: ErrorDetail[] = [];
  for (const d of shown.filter((x) => x.category === 'gestes')) {
    const group = byGeste.find((g) => g.id === d.geste_id);
    if (group) group.findings.push(d);
    else unknown.push(d);
  }
  if (unknown.length > 0) byGeste.push({ id: '', label: UNKNOWN_GESTE_LABEL, findings: unknown });
  return {
    fileFindings: shown.filter((d) => d.category === 'file' || d.category === 'server'),
    adminFindings: shown.filter((d) => d.category === 'admin'),
    gestes: byGeste,
  };
}

/**
 * The *à vérifier* lines of a check, as the report shows them: mentions not read, aid rules
 * whose source is not confirmed, confirmed aid information; each list without repeats, absent
 * when empty.
 */
export function toVerifyViews(
  lines: readonly ToVerify[],
): Pick<QuoteReportView, 'toVerify' | 'aidRulesToVerify' | 'aidInformation'> {
  const labels = (keep: (kind: ToVerify['kind']) => boolean) => [
    ...new Set(lines.filter((t) => keep(t.kind)).map((t) => t.label)),
  ];
  const toVerify = labels((kind) => kind === undefined);
  const aidRulesToVerify = labels((kind) => kind === 'threshold' || kind === 'scheme');
  const aidInformation = labels((kind) => kind === 'information');
  return {
    ...(toVerify.length > 0 ? { toVerify } : {}),
    ...(aidRulesToVerify.length > 0 ? { aidRulesToVerify } : {}),
    ...(aidInformation.length > 0 ? { aidInformation } : {}),
  };
}
