/** The validation of a check that ends on one finding (unreadable file, timeout, server failure). */
import type { ErrorDetail } from '../domain/finding.js';
import type { ValidationOutput } from '../domain/quote-check.js';
import { RULES_VERSION } from '../rules/validate-quote.js';

export function singleFindingValidation(detail: ErrorDetail): ValidationOutput {
  return {
    errors: [detail.code],
    errorDetails: [detail],
    controlCodes: [],
    controlsCount: 0,
    version: RULES_VERSION,
  };
}
