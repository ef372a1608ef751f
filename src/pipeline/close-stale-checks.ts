/**
 * The timeout rule (spec/domain.md §6.4, DESIGN.md §4): checks still unfinished
 * `MDSO_TIMEOUT_FOR_PROCESSING` minutes after they started are closed with
 * `server_timeout_error`; unlike upstream, their case is validated and their report is sent.
 */
import { closeStaleChecks } from '../db/quote-checks-repo.js';
import { timeoutDetail } from '../rules/validate-quote.js';
import { singleFindingValidation } from './single-finding.js';
import { validateCaseIfComplete, type CaseDeps } from './validate-case.js';

export async function closeTimedOutChecks(
  deps: CaseDeps,
  options: { olderThanMinutes: number },
): Promise<string[]> {
  const closed = await closeStaleChecks(deps.db, {
    olderThanMinutes: options.olderThanMinutes,
    validationFor: (id) => singleFindingValidation(timeoutDetail(id)),
  });
  for (const { id, caseId } of closed) {
    deps.logger.warn({ quoteCheckId: id, caseId }, 'check closed by the timeout rule');
    await deps.onCheckFinal?.(id);
    if (caseId) await validateCaseIfComplete(caseId, deps);
  }
  return closed.map((c) => c.id);
}
