/**
 * The results report of a case received by e-mail (spec/email.md §4.6, §5.5; DESIGN.md §4, §6):
 * sent once the case is validated — after its last check finished or the timeout job closed it —
 * exactly once per case state (`results:<case id>:<finished_at>`), in reply to the sender's
 * thread. A later reply that adds a quote re-validates the case (new `finished_at`): a new
 * report, listing every quote of the case.
 *
 * Unreadable files are not a mail of their own: a file that became a check but could not be
 * read appears in the report as "non vérifié (fichier illisible)" with its reading finding, and
 * an attachment that never became a check (`inbound_emails.parts`, outcome `not_checked`) is
 * listed under "not checked" with its reason. `unreadable_file` stays for the inbound side, for
 * a mail none of whose attachments could be checked.
 */
import {
  loadCaseReportSource,
  type CaseReportSource,
  type InboundPart,
} from '../db/case-report-repo.js';
import { deriveCheckStatus, isShownToUsers, type ErrorDetail } from '../domain/finding.js';
import { GESTE_TITLES, isGesteType } from '../domain/geste-types.js';
import type {
  CheckedRecord,
  FindingEdits,
  QuoteCheck,
  ValidationOutput,
} from '../domain/quote-check.js';
import { parseMessageIds } from './outbound-message.js';
import { buildResultUrl, type LinkSettings } from '../domain/result-links.js';
import { linkSettings } from '../config.js';
import {
  groupQuoteFindings,
  toVerifyViews,
  type CaseReportView,
  type NotCheckedAttachment,
  type QuoteReportView,
} from './report-view.js';
import { sendTemplatedMail, type MailDeps, type SendStatus } from './send-mail.js';

export type CaseReportResult =
  | { status: SendStatus; messageId: string }
  | { status: 'skipped'; reason: 'not_found' | 'no_email' | 'not_finished' };

/** Reason shown when the inbound side recorded none. */
export const DEFAULT_NOT_CHECKED_REASON = 'fichier non vérifié';

/** The findings people see: hidden categories and findings deleted by a reviewer left out. */
export function activeDetails(
  validation: ValidationOutput | null,
  edits: FindingEdits | null,
): ErrorDetail[] {
  return (validation?.errorDetails ?? []).filter(
    (d) => isShownToUsers(d) && edits?.[d.id]?.deleted !== true,
  );
}

function gesteLabel(geste: { type: string; intitule?: string; numero_ligne?: string }): string {
  if (isGesteType(geste.type)) {
    const line = geste.numero_ligne?.trim();
    return line ? `${GESTE_TITLES[geste.type]} (ligne ${line})` : GESTE_TITLES[geste.type];
  }
  const wording = geste.intitule?.replace(/\s+/gu, ' ').trim() ?? '';
  return wording.length > 80 ? `${wording.slice(0, 79)}…` : wording || 'Travaux';
}

/** A link of a mail: campaign `full_email` (spec/email.md §5). */
function mailLink(links: LinkSettings, kind: 'check' | 'case', record: CheckedRecord): string {
  return buildResultUrl(links, {
    kind,
    id: record.id,
    token: record.resultToken,
    campaign: 'full_email',
  });
}

/** One quote as the reports and the result page show it (findings deleted by a reviewer left out). */
export function quoteView(
  check: QuoteCheck,
  filename: string | null,
  links: LinkSettings,
): QuoteReportView {
  const read = check.readAttributes?.gestes ?? [];
  const gestes = read.map((g, i) => ({ id: `${check.id}-geste-${i + 1}`, label: gesteLabel(g) }));
  // technical findings carry the works line's wording as `provided_value` (API contract): it is
  // not a value read for the mention, so the report does not show it as « Valeur lue »
  const lineWording = new Map(gestes.map((g, i) => [g.id, read[i]?.intitule?.trim()]));
  const details = activeDetails(check.validation, check.validationErrorEdits).map((d) => {
    if (d.geste_id === undefined || d.provided_value === undefined) return d;
    if (String(d.provided_value).trim() !== lineWording.get(d.geste_id)) return d;
    const { provided_value: _lineWording, ...rest } = d;
    return rest;
  });
  const companyName = check.readAttributes?.pro?.raison_sociale?.trim();
  const companySiret = check.readAttributes?.pro?.siret?.trim();
  return {
    checkId: check.id,
    ...(filename ? { filename } : {}),
    status: check.finishedAt ? deriveCheckStatus(details) : 'pending',
    ...(companyName ? { companyName } : {}),
    ...(companySiret ? { companySiret } : {}),
    resultUrl: mailLink(links, 'check', check),
    ...groupQuoteFindings(details, gestes),
    ...toVerifyViews(check.validation?.toVerify ?? []),
    ...(check.validation ? { controlsCount: check.validation.controlsCount } : {}),
  };
}

function notCheckedOf(parts: readonly InboundPart[]): NotCheckedAttachment[] {
  const seen = new Set<string>();
  const list: NotCheckedAttachment[] = [];
  for (const part of parts) {
    if (part.outcome !== 'not_checked') continue;
    const item = { filename: part.filename, reason: part.reason ?? DEFAULT_NOT_CHECKED_REASON };
    const key = `${item.filename}\n${item.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(item);
  }
  return list;
}

/**
 * The report of a validated case: one quote → a single-quote report linking to the quote's page;
 * several → a case report linking to the case. Quotes in API order (newest first).
 */
export function buildCaseReportView(source: CaseReportSource, links: LinkSettings): CaseReportView {
  const { quotesCase, checks } = source;
  const single = checks.length === 1 ? checks[0] : undefined;
  const caseFindings = activeDetails(quotesCase.validation, quotesCase.validationErrorEdits);
  return {
    kind: single ? 'quote' : 'case',
    caseId: quotesCase.id,
    ...(quotesCase.reference ? { reference: quotesCase.reference } : {}),
    resultUrl: single
      ? mailLink(links, 'check', single.check)
      : mailLink(links, 'case', quotesCase),
    analysedAt: (quotesCase.finishedAt ?? new Date()).toISOString(),
    receivedAt: quotesCase.createdAt.toISOString(),
    quotes: checks.map(({ check, filename }) => quoteView(check, filename, links)),
    caseFindings,
    notChecked: notCheckedOf(source.inbound.flatMap((m) => m.parts)),
  };
}

/** The report of one quote check on its own (its result page), in the shape of a case report. */
export function buildCheckReportView(
  check: QuoteCheck,
  filename: string | null,
  links: LinkSettings,
): CaseReportView {
  const quote = quoteView(check, filename, links);
  return {
    kind: 'quote',
    ...(check.caseId ? { caseId: check.caseId } : {}),
    ...(check.reference ? { reference: check.reference } : {}),
    resultUrl: quote.resultUrl ?? mailLink(links, 'check', check),
    analysedAt: (check.finishedAt ?? new Date()).toISOString(),
    receivedAt: check.startedAt.toISOString(),
    quotes: [quote],
    caseFindings: [],
    notChecked: [],
  };
}

/** Sends the results report of a validated case that came by e-mail; see the module comment. */
export async function sendCaseReport(deps: MailDeps, caseId: string): Promise<CaseReportResult> {
  // One snapshot: the case, its checks and its thread as of the same instant.
  const source = await deps.db.transaction((trx) => loadCaseReportSource(trx, caseId), {
    isolationLevel: 'repeatable read',
    readOnly: true,
  });
  if (!source) return { status: 'skipped', reason: 'not_found' };
  const { quotesCase } = source;
  if (!quotesCase.email) return { status: 'skipped', reason: 'no_email' };
  if (!quotesCase.finishedAt || source.checks.some((c) => !c.check.finishedAt)) {
    deps.logger.debug({ caseId }, 'case report skipped: case not finished');
    return { status: 'skipped', reason: 'not_finished' };
  }
  const view = buildCaseReportView(source, linkSettings(deps.config));
  const thread = parseMessageIds(
    source.inbound.map((m) => m.messageId).filter((id): id is string => id !== null),
  );
  const parent = thread.at(-1);
  return sendTemplatedMail(deps, {
    template: 'results_available',
    data: view,
    to: quotesCase.email,
    dedupeKey: `results:${caseId}:${quotesCase.finishedAt.toISOString()}`,
    caseId,
    ...(source.inbound.at(-1) ? { inboundEmailId: source.inbound.at(-1)?.id } : {}),
    ...(parent ? { inReplyTo: parent, references: thread } : {}),
    ...(quotesCase.emailSubject ? { originalSubject: quotesCase.emailSubject } : {}),
    ...(quotesCase.mailToken ? { caseToken: quotesCase.mailToken } : {}),
  });
}
