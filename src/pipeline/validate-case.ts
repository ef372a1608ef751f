/**
 * Case validation (spec/domain.md §12, DESIGN.md §4): runs once the last check of a case is
 * final, and only then, exactly once per case state (the case row is locked while deciding).
 */
import type { Knex } from 'knex';
import { insertStepLog } from '../db/processing-logs-repo.js';
import { listCaseChecks } from '../db/quote-checks-repo.js';
import { finishQuotesCase, getQuotesCase, lockCaseIfComplete } from '../db/quotes-cases-repo.js';
import type { Logger } from '../logger.js';
import { validateCase } from '../rules/case.js';
import { carryEdits } from './carry-edits.js';

export interface CaseHooks {
  /** Called after a check became final (the report job is told here). */
  onCheckFinal?(checkId: string): Promise<void>;
  /** Called after a case was validated. */
  onCaseFinal?(caseId: string): Promise<void>;
}

export interface CaseDeps extends CaseHooks {
  db: Knex;
  logger: Logger;
  workerId: string;
  frontendHost?: string;
}

/** Validates the case if every check is final and it was not validated yet; true when it did. */
export async function validateCaseIfComplete(caseId: string, deps: CaseDeps): Promise<boolean> {
  const startedAt = new Date();
  const done = await deps.db.transaction(async (trx) => {
    if (!(await lockCaseIfComplete(trx, caseId))) return false;
    const previous = await getQuotesCase(trx, caseId);
    const checks = (await listCaseChecks(trx, caseId)).filter((c) => !c.reading?.code);
    const result = validateCase({
      caseId,
      checks: checks.map((c) => ({ attributes: c.readAttributes ?? {} })),
      ...(deps.frontendHost ? { frontendHost: deps.frontendHost } : {}),
    });
    const validation = {
      errors: result.errors,
      errorDetails: result.details,
      controlCodes: result.controlCodes,
      controlsCount: result.controlsCount,
      version: result.version,
    };
    const edits = carryEdits(
      previous?.validationErrorEdits ?? null,
      previous?.validation?.errorDetails ?? [],
      result.details,
    );
    await finishQuotesCase(trx, caseId, validation, edits);
    await insertStepLog(trx, {
      processableType: 'QuotesCase',
      processableId: caseId,
      step: 'validate_case',
      outcome: 'done',
      version: result.version,
      startedAt,
      finishedAt: new Date(),
      attempt: 1,
      workerId: deps.workerId,
    });
    return true;
  });
  if (done) {
    deps.logger.info({ caseId }, 'case validated');
    await deps.onCaseFinal?.(caseId);
  }
  return done;
}
