/**
 * Stage transitions, in one table (STYLE.md §4): the step that runs at each stage and the stage
 * it leads to. `judged` leads to `final` through the runner's finalise; `final` has no step.
 * The public status is derived from the stage and the stored findings (DESIGN.md §5).
 */
import { deriveCheckStatus } from '../domain/finding.js';
import { STAGES, type PublicStatus, type QuoteCheck, type Stage } from '../domain/quote-check.js';
import { STEPS, type Step } from './steps/index.js';

export interface Transition {
  step: Step;
  to: Stage;
}

function nextStage(stage: Stage): Stage {
  const next = STAGES[STAGES.indexOf(stage) + 1];
  if (!next) throw new Error(`no stage after ${stage}`);
  return next;
}

export const TRANSITIONS: ReadonlyMap<Stage, Transition> = new Map(
  STEPS.map((step) => [step.from, { step, to: nextStage(step.from) }]),
);

/** The stage that is finalised (not a step: the check's result becomes visible). */
export const FINALISED_FROM: Stage = 'judged';

/** Pending until finished; then valid or invalid from the findings shown to users. */
export function publicStatus(check: Pick<QuoteCheck, 'finishedAt' | 'validation'>): PublicStatus {
  if (!check.finishedAt) return 'pending';
  return deriveCheckStatus(check.validation?.errorDetails ?? []);
}
