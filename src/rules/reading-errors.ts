/**
 * Findings produced outside validation: reading errors (spec/rules.md §3.1), which replace
 * validation, and the processing timeout (§3.13). Neither is a control.
 */
import type { ReadingErrorCode } from '../domain/finding-codes.js';
import { FINDING_CATALOGUE } from '../domain/finding-codes.js';
import type { ErrorDetail } from '../domain/finding.js';
import { renderWording, rgeLookupUrl } from './wording.js';

/** A reading error; `problem` says in French what precisely went wrong (password, truncation…). */
export function readingErrorDetail(
  checkId: string,
  code: ReadingErrorCode,
  problem?: string,
): ErrorDetail {
  const detail: ErrorDetail = {
    id: `${checkId}-1`,
    code,
    ...FINDING_CATALOGUE[code],
    ...renderWording(code, { rge_lookup_url: rgeLookupUrl() }),
  };
  if (problem !== undefined && problem.trim() !== '') detail.problem = problem;
  return detail;
}

/** The finding of a check closed by the timeout job. */
export function timeoutDetail(checkId: string): ErrorDetail {
  return {
    id: `${checkId}-1`,
    code: 'server_timeout_error',
    ...FINDING_CATALOGUE.server_timeout_error,
    ...renderWording('server_timeout_error', { rge_lookup_url: rgeLookupUrl() }),
    from_case: false,
  };
}
