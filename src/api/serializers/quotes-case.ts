/**
 * A QuotesCase as the API and `mdso show --json` give it (spec/api.md §6.2): its status derived
 * from its checks, the embedded checks newest first, and the case-level findings.
 */
import type { QuoteCheck, QuotesCase, PublicStatus } from '../../domain/quote-check.js';
import { publicStatus } from '../../pipeline/stages.js';
import { serializeFindings, withoutNulls } from './findings.js';
import { resultLink, serializeQuoteCheck, type LinkOptions } from './quote-check.js';

export function caseStatus(
  quotesCase: Pick<QuotesCase, 'finishedAt'>,
  checks: readonly QuoteCheck[],
): PublicStatus | null {
  if (checks.length === 0) return null;
  const statuses = checks.map(publicStatus);
  if (statuses.includes('pending') || !quotesCase.finishedAt) return 'pending';
  return statuses.every((s) => s === 'valid') ? 'valid' : 'invalid';
}

export function serializeQuotesCase(
  quotesCase: QuotesCase,
  checks: readonly { check: QuoteCheck; filename: string | null }[],
  options: LinkOptions,
): Record<string, unknown> {
  const list = checks.map((c) => c.check);
  const started = list.map((c) => c.startedAt.getTime());
  const finished = list.map((c) => c.finishedAt?.getTime() ?? 0).filter((t) => t > 0);
  const finishedAt =
    quotesCase.finishedAt ?? (finished.length > 0 ? new Date(Math.max(...finished)) : null);
  return withoutNulls({
    id: quotesCase.id,
    reference: quotesCase.reference,
    status: caseStatus(quotesCase, list),
    profile: quotesCase.profile,
    renovation_type: quotesCase.renovationType,
    metadata: quotesCase.metadata,
    started_at: started.length > 0 ? new Date(Math.min(...started)).toISOString() : null,
    finished_at: finishedAt?.toISOString() ?? null,
    result_link: resultLink('case', quotesCase, options),
    quote_checks:
      checks.length > 0
        ? checks.map(({ check, filename }) =>
            serializeQuoteCheck(check, { filename, inCase: true }, options),
          )
        : null,
    ...(quotesCase.finishedAt
      ? serializeFindings(quotesCase.validation, quotesCase.validationErrorEdits)
      : {}),
  });
}
