/**
 * A QuoteCheck as the API and `mdso show --json` give it (spec/api.md §6.1). Extracted text and
 * attributes, e-mail fields and versions are never exposed.
 */
import type { QuoteCheck } from '../../domain/quote-check.js';
import { buildResultUrl, type LinkSettings } from '../../domain/result-links.js';
import { publicStatus } from '../../pipeline/stages.js';
import { serializeFindings, shownDetails, withoutNulls } from './findings.js';

export type LinkOptions = LinkSettings;

/** `result_link` of a representation: the frontend's page, else our own result page. */
export function resultLink(
  kind: 'check' | 'case',
  record: { id: string; profile: string; resultToken: string },
  options: LinkOptions,
): string {
  return buildResultUrl(options, {
    kind,
    id: record.id,
    token: record.resultToken,
    profile: record.profile,
    campaign: 'api',
  });
}

function gestesOf(check: QuoteCheck): { id: string; intitule: string; valid: boolean }[] | null {
  const gestes = check.readAttributes?.gestes;
  if (!gestes) return null;
  const failing = new Set(shownDetails(check.validation).map((d) => d.geste_id));
  return gestes.map((geste, i) => {
    const id = `${check.id}-geste-${i + 1}`;
    return {
      id,
      intitule: `${geste.numero_ligne ?? ''} ${geste.intitule ?? ''}`.trimEnd(),
      valid: !failing.has(id),
    };
  });
}

export function serializeQuoteCheck(
  check: QuoteCheck,
  extra: { filename?: string | null; inCase?: boolean },
  options: LinkOptions,
): Record<string, unknown> {
  const finished = check.finishedAt !== null;
  return withoutNulls({
    id: check.id,
    status: publicStatus(check),
    profile: check.profile,
    reference: check.reference,
    metadata: check.metadata,
    parent_id: check.parentId,
    case_id: extra.inCase ? check.caseId : null,
    filename: extra.filename ?? null,
    gestes: gestesOf(check),
    started_at: check.startedAt.toISOString(),
    finished_at: check.finishedAt?.toISOString() ?? null,
    comment: check.comment,
    result_link: resultLink('check', check, options),
    ...(finished ? serializeFindings(check.validation, check.validationErrorEdits) : {}),
  });
}
