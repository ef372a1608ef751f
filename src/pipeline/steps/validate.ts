/**
 * Validation (pipeline.md §15): the pure rules over `read_attributes`, the registry data of the
 * enrich step and `today`; or, when the file could not be read, its reading finding alone.
 * Steps that gave up add their finding (`llm_error`, …). Human edits of a previous run are
 * carried over to the findings that still exist.
 */
import type { ErrorDetail } from '../../domain/finding.js';
import type { QuoteCheck, ValidationOutput } from '../../domain/quote-check.js';
import {
  readingErrorDetail,
  RULES_VERSION,
  timeoutDetail,
  validateQuote,
} from '../../rules/validate-quote.js';
import { carryEdits } from '../carry-edits.js';
import { evidenceDocument } from '../evidence-document.js';
import { singleFindingValidation } from '../single-finding.js';
import type { Step, StepDeps } from './step.js';

function problemDetails(check: QuoteCheck, firstIndex: number): ErrorDetail[] {
  return (check.stepProblems ?? []).map((problem, i) => {
    const id = `${check.id}-${firstIndex + i}`;
    const detail =
      problem.code === 'server_timeout_error'
        ? timeoutDetail(check.id)
        : readingErrorDetail(check.id, problem.code, problem.problem);
    return { ...detail, id };
  });
}

function nextIndex(details: readonly ErrorDetail[], checkId: string): number {
  let max = 0;
  for (const { id } of details) {
    const m = /^(\d+)$/u.exec(id.slice(checkId.length + 1));
    if (id.startsWith(`${checkId}-`) && m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export function judge(
  check: QuoteCheck,
  deps: Pick<StepDeps, 'today' | 'priceRanges' | 'frontendHost'>,
): ValidationOutput {
  const reading = check.reading;
  if (reading?.code) {
    return singleFindingValidation(
      readingErrorDetail(check.id, reading.code, reading.problem, reading.kind),
    );
  }
  const result = validateQuote({
    checkId: check.id,
    attributes: check.readAttributes ?? {},
    today: deps.today(),
    ...(check.document
      ? { evidence: evidenceDocument(check.document, reading?.kind === 'ocr') }
      : {}),
    ...(check.enrichment?.rge ? { rge: check.enrichment.rge as never } : {}),
    ...(deps.priceRanges ? { priceRanges: deps.priceRanges } : {}),
    ...(deps.frontendHost ? { frontendHost: deps.frontendHost } : {}),
  });
  const details = [
    ...result.details,
    ...problemDetails(check, nextIndex(result.details, check.id)),
  ];
  return {
    errors: details.map((d) => d.code),
    errorDetails: details,
    ...(result.toVerify.length > 0 ? { toVerify: result.toVerify } : {}),
    controlCodes: result.controlCodes,
    controlsCount: result.controlsCount,
    version: RULES_VERSION,
  };
}

export const validateStep: Step = {
  name: 'validate',
  from: 'merged',
  run(check, deps) {
    const validation = judge(check, deps);
    const edits = carryEdits(
      check.validationErrorEdits,
      check.validation?.errorDetails ?? [],
      validation.errorDetails,
    );
    return Promise.resolve({
      patch: { validation, validationErrorEdits: edits },
      outcome: 'done',
      version: RULES_VERSION,
    });
  },
};
