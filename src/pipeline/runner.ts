/**
 * The runner (DESIGN.md §4): takes a claimed check from its stage to `final`, one step at a
 * time, persisting each step's output with its processing log in one transaction under the
 * lease. A failed step backs off and is retried by a later claim; after its last attempt the
 * step gives up (the check goes on with a finding) or the check finishes with a server finding.
 * The first final result wins: a result for a check the timeout job already closed is dropped.
 * A worker that is stopping gives its check back after the current step, or when that step fails.
 */
import type { Knex } from 'knex';
import { insertStepLog, type StepOutcome } from '../db/processing-logs-repo.js';
import {
  finishCheck,
  releaseLease,
  scheduleRetry,
  type StepPatch,
  writeStep,
} from '../db/quote-checks-repo.js';
import { STAGES, type QuoteCheck, type Stage } from '../domain/quote-check.js';
import { backoffMs } from '../backoff.js';
import { AppError, UpstreamError } from '../errors.js';
import { timeoutDetail } from '../rules/validate-quote.js';
import { singleFindingValidation } from './single-finding.js';
import { validateCaseIfComplete, type CaseHooks } from './validate-case.js';
import { FINALISED_FROM, TRANSITIONS } from './stages.js';
import type { Step, StepDeps } from './steps/index.js';

export interface RunnerDeps extends StepDeps, CaseHooks {
  workerId: string;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** True once the worker is stopping: the check is released after its current step. */
  isStopping?: () => boolean;
  /** Called when a worker takes a check still at `received`: the team is told (once per check). */
  onCheckReceived?(check: QuoteCheck): Promise<void>;
}

export type RunResult = 'final' | 'retry' | 'lease_lost' | 'discarded';

const MAX_RETRY_DELAY_MS = 10 * 60_000;
/** ±20 %: retries of many checks failing together do not come back in a burst. */
const RETRY_JITTER = 0.2;

function isRetryable(err: unknown): boolean {
  if (err instanceof UpstreamError) return err.retryable;
  // Our own operational errors say what they are; anything else (a lost connection, a bug) may
  // pass on a later attempt and is retried, then given up loudly.
  return !(err instanceof AppError);
}

function errorSummary(step: string, err: unknown): Record<string, unknown> {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    step,
    name: e.name,
    ...('code' in e && typeof e.code === 'string' ? { code: e.code } : {}),
    ...(err instanceof UpstreamError
      ? { adapter: err.adapter, upstream_status: err.upstreamStatus }
      : {}),
  };
}

interface StepLogInput {
  step: string;
  outcome: StepOutcome;
  version?: string;
  startedAt: Date;
  finishedAt?: Date;
  errorCode?: string;
}

/**
 * What a run has not written yet: steps that were skipped with nothing to store are not
 * persisted on their own (a transaction each for nothing); their logs and the stage they
 * reached go with the next write. Redone after a crash, they cost nothing.
 */
interface RunState {
  /** The stage in the database, which every write must start from. */
  persistedStage: Stage;
  deferred: StepLogInput[];
}

async function persist(
  deps: RunnerDeps,
  check: QuoteCheck,
  state: RunState,
  log: StepLogInput,
  write: (trx: Knex.Transaction) => Promise<boolean>,
  options: { withDeferred: boolean } = { withDeferred: true },
): Promise<boolean> {
  const logs = options.withDeferred ? [...state.deferred, log] : [log];
  const ok = await deps.db.transaction(async (trx) => {
    if (!(await write(trx))) return false;
    for (const entry of logs) {
      await insertStepLog(trx, {
        processableType: 'QuoteCheck',
        processableId: check.id,
        attempt: check.attempts + 1,
        workerId: deps.workerId,
        finishedAt: entry.finishedAt ?? new Date(),
        ...entry,
      });
    }
    return true;
  });
  // Once written (or dropped for a retry, which runs them again), they are no longer pending.
  state.deferred = [];
  return ok;
}

/** The write that moves the check from its persisted stage to `to` with the step's output. */
function advance(
  deps: RunnerDeps,
  check: QuoteCheck,
  state: RunState,
  to: Stage,
  patch: StepPatch,
): (trx: Knex.Transaction) => Promise<boolean> {
  return (trx) =>
    writeStep(trx, {
      id: check.id,
      workerId: deps.workerId,
      leaseMs: deps.leaseMs,
      stage: to,
      from: state.persistedStage,
      patch,
    });
}

async function finalise(
  check: QuoteCheck,
  deps: RunnerDeps,
  state: RunState,
  patch: StepPatch,
): Promise<RunResult> {
  const startedAt = new Date();
  const outcome: { result: Awaited<ReturnType<typeof finishCheck>> } = { result: 'lease_lost' };
  await persist(
    deps,
    check,
    state,
    { step: 'finalise', outcome: 'done', startedAt },
    async (trx) => {
      outcome.result = await finishCheck(trx, { id: check.id, workerId: deps.workerId, patch });
      return outcome.result === 'finished';
    },
  );
  const { result } = outcome;
  const log = deps.logger.child({ quoteCheckId: check.id, caseId: check.caseId });
  if (result === 'already_final') {
    log.info('check already final (closed by the timeout job): result discarded');
    return 'discarded';
  }
  if (result === 'lease_lost') {
    log.warn('lease lost before finalising: another worker has the check');
    return 'lease_lost';
  }
  log.info({ durationMs: Date.now() - check.startedAt.getTime() }, 'check final');
  await deps.onCheckFinal?.(check.id);
  if (check.caseId) await validateCaseIfComplete(check.caseId, deps);
  return 'final';
}

/** The step kept failing and cannot give up gracefully: the check ends with a server finding. */
function serverFailurePatch(check: QuoteCheck): StepPatch {
  return { validation: singleFindingValidation(timeoutDetail(check.id)) };
}

async function onFailure(
  check: QuoteCheck,
  step: Step,
  to: Stage,
  err: unknown,
  startedAt: Date,
  deps: RunnerDeps,
  state: RunState,
): Promise<RunResult | QuoteCheck> {
  const attempt = check.attempts + 1;
  const log = deps.logger.child({ quoteCheckId: check.id, step: step.name, attempt });
  const error = errorSummary(step.name, err);
  if (isRetryable(err) && attempt < deps.maxAttempts) {
    log.warn({ err }, 'step failed: will retry');
    const delayMs = backoffMs(attempt, {
      baseMs: deps.retryBaseMs,
      maxMs: MAX_RETRY_DELAY_MS,
      jitter: RETRY_JITTER,
    });
    const ok = await persist(
      deps,
      check,
      state,
      { step: step.name, outcome: 'retry', startedAt, errorCode: String(error['name']) },
      (trx) =>
        scheduleRetry(trx, {
          id: check.id,
          workerId: deps.workerId,
          delayMs,
          error,
          from: state.persistedStage,
        }),
      { withDeferred: false },
    );
    return ok ? 'retry' : 'lease_lost';
  }
  const outcome = step.giveUp ? 'continued' : 'ended';
  log.error({ err, outcome }, 'step failed for the last time: giving up');
  if (!step.giveUp) return finalise(check, deps, state, serverFailurePatch(check));
  const patch = step.giveUp(check, err);
  const ok = await persist(
    deps,
    check,
    state,
    { step: step.name, outcome: 'gave_up', startedAt, errorCode: String(error['name']) },
    advance(deps, check, state, to, patch),
  );
  if (!ok) return 'lease_lost';
  state.persistedStage = to;
  return { ...check, ...patch, stage: to, attempts: 0 };
}

/** Runs a claimed check until it is final, waits for a retry, or is lost to another worker. */
export async function runClaimedCheck(claimed: QuoteCheck, deps: RunnerDeps): Promise<RunResult> {
  let check = claimed;
  const state: RunState = { persistedStage: claimed.stage, deferred: [] };
  if (claimed.stage === STAGES[0]) await deps.onCheckReceived?.(claimed);
  for (;;) {
    if (check.stage === 'final') return 'final';
    if (check.stage === FINALISED_FROM) return finalise(check, deps, state, {});
    if (deps.isStopping?.()) {
      await releaseLease(deps.db, check.id, deps.workerId);
      return 'retry';
    }
    const transition = TRANSITIONS.get(check.stage);
    if (!transition) throw new Error(`no step at stage ${check.stage}`);
    const { step, to } = transition;
    const startedAt = new Date();
    let result;
    try {
      result = await step.run(check, deps);
    } catch (err) {
      if (deps.isStopping?.()) {
        // The stop itself may have caused it (file readers closed): not an attempt, given back.
        deps.logger.debug({ err, quoteCheckId: check.id, step: step.name }, 'step ended by stop');
        await releaseLease(deps.db, check.id, deps.workerId).catch(() => undefined);
        return 'retry';
      }
      const next = await onFailure(check, step, to, err, startedAt, deps, state);
      if (typeof next === 'string') return next;
      check = next;
      continue;
    }
    const log: StepLogInput = {
      step: step.name,
      outcome: result.outcome,
      startedAt,
      ...(result.version ? { version: result.version } : {}),
    };
    if (result.outcome === 'skipped' && Object.keys(result.patch).length === 0) {
      state.deferred.push({ ...log, finishedAt: new Date() });
      check = { ...check, stage: to };
      continue;
    }
    const ok = await persist(
      deps,
      check,
      state,
      log,
      advance(deps, check, state, to, result.patch),
    );
    if (!ok) {
      deps.logger.warn({ quoteCheckId: check.id, step: step.name }, 'lease lost: result dropped');
      return 'lease_lost';
    }
    state.persistedStage = to;
    check = { ...check, ...result.patch, stage: to, attempts: 0 };
  }
}
