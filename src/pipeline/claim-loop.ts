/**
 * The long-lived claim loop of a worker process (DESIGN.md §4, STYLE.md §1): it LISTENs on
 * `mdso_work` (a trigger NOTIFYs each new or re-checked check) so a quote is picked up in
 * milliseconds; a slow poll is only a safety net. It claims up to `concurrency` checks with
 * FOR UPDATE SKIP LOCKED, renews their leases while they run, and survives a database restart
 * (claims and LISTEN reconnect with back-off). On stop, the checks in flight finish their current
 * step within a short grace; those still running then give their lease back at once, so that a
 * restart (or another worker) resumes them without waiting for the lease to expire.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { claimDueChecks, nextWakeAt, releaseLease } from '../db/quote-checks-repo.js';
import { runClaimedCheck, type RunnerDeps } from './runner.js';

export interface ClaimLoopOptions {
  databaseUrl: string;
  concurrency: number;
  pollMs: number;
  /**
   * Other queued work done by the same loop after claiming checks (received mails): called at
   * each wake; returns how many items it handled (more than 0 = look again at once).
   */
  otherWork?: (workerId: string) => Promise<number>;
  /** On stop, how long the checks in flight may take to finish their step (default 5 s). */
  stopGraceMs?: number;
}

export interface ClaimLoop {
  workerId: string;
  /**
   * Resolves once the loop has stopped and the checks in flight have finished their step, or,
   * past the grace, have been given back (their runs can no longer write anything).
   */
  stop(): Promise<void>;
  /** Resolves when nothing is in flight (tests). */
  idle(): Promise<void>;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

const MAX_ERROR_BACKOFF_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export function startClaimLoop(
  deps: Omit<RunnerDeps, 'workerId'> & { workerId?: string },
  options: ClaimLoopOptions,
): ClaimLoop {
  const workerId = deps.workerId ?? newWorkerId();
  let stopped = false;
  const runnerDeps: RunnerDeps = { ...deps, workerId, isStopping: () => stopped };
  const log = deps.logger.child({ workerId });
  const inFlight = new Map<string, Promise<void>>();
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;
  let errorBackoffMs = 500;

  // A notification that comes while the loop is busy (claiming, computing its next wake) must
  // not be lost: it is remembered and the next sleep returns at once.
  let woken = false;
  const poke = (): void => {
    const w = wake;
    wake = undefined;
    if (w) w();
    else woken = true;
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function listen(): Promise<void> {
    while (!stopped) {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      try {
        await client.connect();
        client.on('notification', poke);
        await client.query('LISTEN mdso_work');
        listener = client;
        // Work announced before we listened (start-up, reconnection) would wait for the poll.
        poke();
        if (stopped) continue; // stop() ran while connecting: `finally` ends the client
        await new Promise<void>((resolve) => {
          client.once('error', (err) => {
            log.warn({ err }, 'LISTEN connection lost: reconnecting');
            resolve();
          });
          client.once('end', () => resolve());
        });
      } catch (err) {
        if (!stopped) log.warn({ err }, 'LISTEN connection failed: retrying');
      } finally {
        listener = undefined;
        await client.end().catch(() => undefined);
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 1000));
      poke(); // something may have been announced while we were deaf
    }
  }

  const heartbeat = setInterval(
    () => {
      if (inFlight.size === 0) return;
      void deps
        .db('quote_checks')
        .whereIn('id', [...inFlight.keys()])
        .where({ locked_by: workerId })
        .update({
          locked_until: deps.db.raw(`now() + ?::interval`, [`${deps.leaseMs} milliseconds`]),
        })
        .catch((err: unknown) => log.warn({ err }, 'lease renewal failed'));
    },
    // Three renewals per lease: an interval as long as the lease would let it expire between two.
    Math.max(100, Math.floor(deps.leaseMs / 3)),
  );
  heartbeat.unref();

  function start(checkId: string, run: () => Promise<unknown>): void {
    const task = run()
      .then(() => undefined)
      .catch((err: unknown) => {
        // past the stop grace, a run given back fails on the closed pool: nothing to report
        if (stopped) log.debug({ err, quoteCheckId: checkId }, 'check run ended by the stop');
        else log.error({ err, quoteCheckId: checkId }, 'check run crashed');
      })
      .finally(() => {
        inFlight.delete(checkId);
        poke();
      });
    inFlight.set(checkId, task);
  }

  async function untilNextWork(): Promise<number> {
    const at = await nextWakeAt(deps.db).catch(() => undefined);
    const untilDue = at ? at.getTime() - Date.now() + 20 : options.pollMs;
    return Math.max(20, Math.min(options.pollMs, untilDue));
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      woken = false;
      const free = options.concurrency - inFlight.size;
      let claimedAll = false;
      if (free > 0) {
        try {
          const claimed = await claimDueChecks(deps.db, {
            workerId,
            limit: free,
            leaseMs: deps.leaseMs,
          });
          errorBackoffMs = 500;
          for (const check of claimed) {
            // Our own run's lease expired (a stalled heartbeat) and we claimed it back: that run
            // goes on under the renewed lease; a second run of the same check would redo steps.
            if (inFlight.has(check.id)) continue;
            start(check.id, () => runClaimedCheck(check, runnerDeps));
          }
          claimedAll = claimed.length === free;
        } catch (err) {
          log.warn({ err }, 'claiming failed (database unavailable?): retrying');
          await sleep(errorBackoffMs);
          errorBackoffMs = Math.min(errorBackoffMs * 2, MAX_ERROR_BACKOFF_MS);
          continue;
        }
      }
      // Other queued work (received mails) once the claimed checks are under way; mails that
      // bring quotes make the loop claim again at once.
      let otherDone = 0;
      if (options.otherWork && !stopped) {
        try {
          otherDone = await options.otherWork(workerId);
        } catch (err) {
          log.warn({ err }, 'queued mail processing failed: retrying');
        }
      }
      if (stopped) break;
      if ((claimedAll || otherDone > 0) && inFlight.size < options.concurrency) continue;
      await sleep(inFlight.size >= options.concurrency ? options.pollMs : await untilNextWork());
    }
  }

  /** Waits for the runs in flight to finish their step; past the grace, gives their checks back. */
  async function finishOrGiveBack(): Promise<void> {
    if (inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => {
      timer = setTimeout(() => resolve('grace over'), options.stopGraceMs ?? STOP_GRACE_MS);
    });
    const outcome = await Promise.race([Promise.all(inFlight.values()), graceOver]);
    clearTimeout(timer);
    if (outcome !== 'grace over' || inFlight.size === 0) return;
    const ids = [...inFlight.keys()];
    try {
      await Promise.all(ids.map((id) => releaseLease(deps.db, id, workerId)));
      log.info({ quoteCheckIds: ids }, 'checks given back before the end of their step');
    } catch (err) {
      log.warn({ err, quoteCheckIds: ids }, 'checks not given back: they wait for their lease');
    }
  }

  const listening = listen();
  const looping = loop();
  log.info({ concurrency: options.concurrency, pollMs: options.pollMs }, 'claim loop started');

  return {
    workerId,
    idle: async () => {
      while (inFlight.size > 0) await Promise.all(inFlight.values());
    },
    stop: async () => {
      stopped = true;
      poke();
      await listener?.end().catch(() => undefined);
      await looping;
      await finishOrGiveBack();
      clearInterval(heartbeat);
      await listening;
      log.info('claim loop stopped');
    },
  };
}
