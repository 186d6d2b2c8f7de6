import type { CommitWorker } from './commit-worker.js';
import type { AppendResult, NewEvent } from './event-store.js';
import type { WriteOp } from './write-ops.js';

export interface CommitStats {
  commits: number;
  events: number;
  commitMsTotal: number;
  commitMsMax: number;
}

export interface Batch {
  ops: WriteOp[];
  events: NewEvent[];
}

export interface BatchResult {
  /** Rows changed by each op, in order. */
  changes: number[];
  events: AppendResult[];
}

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * The relay's single writer. Appends and other writes that arrive while a commit is being prepared or is in
 * flight go into the next IMMEDIATE transaction together; each promise settles only after its transaction (fsync
 * under synchronous=FULL) has returned. With a CommitWorker the fsync happens off the event loop; without one
 * (tools, tests), inline on the main connection. Nothing else in the running relay writes, so commits never meet a
 * lock held by the same process.
 */
export class GroupCommit {
  readonly stats: CommitStats = { commits: 0, events: 0, commitMsTotal: 0, commitMsMax: 0 };
  private events: { event: NewEvent; waiter: Waiter<AppendResult> }[] = [];
  private ops: { op: WriteOp; waiter: Waiter<number> }[] = [];
  private scheduled = false;
  private inFlight = false;
  private writer: CommitWorker | undefined;
  private readonly drained: (() => void)[] = [];

  constructor(
    private readonly commitInline: (batch: Batch) => BatchResult,
    private readonly onCommitted: (events: AppendResult[]) => void,
  ) {}

  useWriter(writer: CommitWorker): void {
    this.writer = writer;
  }

  append(event: NewEvent): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.events.push({ event, waiter: { resolve, reject } });
      this.schedule();
    });
  }

  /** Resolves with the number of rows changed, once committed. */
  write(op: WriteOp): Promise<number> {
    return new Promise((resolve, reject) => {
      this.ops.push({ op, waiter: { resolve, reject } });
      this.schedule();
    });
  }

  /** Resolves once nothing is pending or being committed. */
  drain(): Promise<void> {
    if (!this.inFlight && this.events.length === 0 && this.ops.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight) return; // the batch in flight flushes what gathered meanwhile when it completes
    const events = this.events;
    const ops = this.ops;
    this.events = [];
    this.ops = [];
    if (events.length === 0 && ops.length === 0) {
      for (const resolve of this.drained.splice(0)) resolve();
      return;
    }
    const batch: Batch = { ops: ops.map((o) => o.op), events: events.map((e) => e.event) };
    const started = performance.now();
    const fail = (error: unknown): void => {
      for (const o of ops) o.waiter.reject(error);
      for (const e of events) e.waiter.reject(error);
    };
    if (this.writer === undefined) {
      try {
        this.settle(ops, events, this.commitInline(batch), started);
      } catch (error) {
        fail(error);
      }
      return this.flush();
    }
    this.inFlight = true;
    this.writer
      .commit(batch)
      .then((result) => this.settle(ops, events, result, started), fail)
      .finally(() => {
        this.inFlight = false;
        this.flush();
      });
  }

  private settle(
    ops: { waiter: Waiter<number> }[],
    events: { waiter: Waiter<AppendResult> }[],
    result: BatchResult,
    started: number,
  ): void {
    const ms = performance.now() - started;
    this.stats.commits++;
    this.stats.events += events.length;
    this.stats.commitMsTotal += ms;
    this.stats.commitMsMax = Math.max(this.stats.commitMsMax, ms);
    ops.forEach((o, i) => o.waiter.resolve(result.changes[i] ?? 0));
    events.forEach((e, i) => e.waiter.resolve(result.events[i]!));
    if (!result.events.some((r) => !r.duplicate)) return;
    try {
      this.onCommitted(result.events);
    } catch {
      // Listeners log their own failures; the commit itself succeeded and its waiters are settled.
    }
  }
}
