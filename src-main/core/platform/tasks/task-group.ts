import type { Logger } from '../log/logger.js';

/**
 * Owns the work that runs beside a request (job loops and writes, audit-book writes, ledger appends): every piece is
 * tracked until it settles, a failure is logged with what it was, never thrown into nowhere, and `drain` waits for
 * all of it. Nothing in the core starts a promise it does not hand to a task group or await.
 */
export interface TaskGroup {
  /** Starts `work` now; a failure is logged as `what` (with `fields`) and does not reject anything. */
  run(what: string, work: () => Promise<unknown>, fields?: Record<string, unknown>): void;
  /** Tracks a promise already started, for the same logging and draining; returns it unchanged. */
  track<T>(what: string, promise: Promise<T>, fields?: Record<string, unknown>): Promise<T>;
  /** How many tasks are in flight. */
  size(): number;
  /** Resolves once every task has settled, including tasks started while draining. */
  drain(): Promise<void>;
}

export function createTaskGroup(logger: Logger): TaskGroup {
  const inFlight = new Set<Promise<unknown>>();
  let idle: { promise: Promise<void>; resolve: () => void } | null = null;

  const settled = (task: Promise<unknown>): void => {
    inFlight.delete(task);
    if (inFlight.size === 0 && idle) {
      idle.resolve();
      idle = null;
    }
  };

  const track = <T>(what: string, promise: Promise<T>, fields?: Record<string, unknown>): Promise<T> => {
    // Never rejects: the failure is logged here, which also marks `promise` as handled.
    const task: Promise<void> = promise
      .then(
        () => undefined,
        (error: unknown) => logger.error(what, { ...fields, error }),
      )
      .then(() => settled(task));
    inFlight.add(task);
    return promise;
  };

  return {
    run(what, work, fields) {
      let started: Promise<unknown>;
      try {
        started = work();
      } catch (error) {
        started = Promise.reject(error);
      }
      track(what, started, fields);
    },
    track,
    size: () => inFlight.size,
    drain() {
      if (inFlight.size === 0) return Promise.resolve();
      if (!idle) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        idle = { promise, resolve };
      }
      return idle.promise;
    },
  };
}
