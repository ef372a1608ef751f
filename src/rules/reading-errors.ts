/**
 * Findings produced outside validation: reading errors (spec/rules.md §3.1), which replace
 * validation, and the processing timeout (§3.13). Neither is a control.
 */
import type { ReadingErrorCode } from '../domain/finding-codes.js';
import { FINDING_CATALOGUE } from '../domain/finding-codes.js';
import type { ErrorDetail } from '../domain/finding.js';
import { renderWording, rgeLookupUrl } from './wording.js';

/** Title of `empty_file_error` for a scan or a photo: the file has content, its text was not read. */
const SCAN_UNREAD_TITLE = 'Le texte du scan ou de la photo n’a pas pu être lu';

/** A reading error; `problem` says in French what precisely went wrong (password, truncation…). */
export function readingErrorDetail(
  checkId: string,
  code: ReadingErrorCode,
  problem?: string,
  readingKind?: string,
): ErrorDetail {
  const detail: ErrorDetail = {
    id: `${checkId}-1`,
    code,
    ...FINDING_CATALOGUE[code],
    ...renderWording(code, { rge_lookup_url: rgeLookupUrl() }),
  };
  // A scan or a photo whose text could not be read is not an empty file (upstream's code is).
  if (code === 'empty_file_error' && readingKind === 'scan') detail.title = SCAN_UNREAD_TITLE;
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
