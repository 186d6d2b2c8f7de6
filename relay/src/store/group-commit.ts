import type { CommitWorker } from './commit-worker.js';
import type { AppendResult, NewEvent } from './event-store.js';

export interface CommitStats {
  commits: number;
  events: number;
  commitMsTotal: number;
  commitMsMax: number;
}

interface Pending {
  event: NewEvent;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: appends that arrive while a commit is being prepared or is in flight go into the next transaction
 * together, and each promise settles only after its transaction (fsync under synchronous=FULL) has returned.
 * With a CommitWorker the fsync happens off the event loop; without one, inline.
 */
export class GroupCommit {
  readonly stats: CommitStats = { commits: 0, events: 0, commitMsTotal: 0, commitMsMax: 0 };
  private pending: Pending[] = [];
  private scheduled = false;
  private inFlight = false;
  private writer: CommitWorker | undefined;
  private readonly drained: (() => void)[] = [];

  constructor(
    private readonly commitInline: (events: NewEvent[]) => AppendResult[],
    private readonly onCommitted: () => void,
  ) {}

  useWriter(writer: CommitWorker): void {
    this.writer = writer;
  }

  append(event: NewEvent): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ event, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once nothing is pending or being committed. */
  drain(): Promise<void> {
    if (!this.inFlight && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight) return; // the batch in flight flushes what gathered meanwhile when it completes
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) {
      for (const resolve of this.drained.splice(0)) resolve();
      return;
    }
    const started = performance.now();
    const events = batch.map((p) => p.event);
    if (this.writer === undefined) {
      try {
        this.settle(batch, this.commitInline(events), started);
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
      return this.flush();
    }
    this.inFlight = true;
    this.writer
      .commit(events)
      .then(
        (results) => this.settle(batch, results, started),
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      )
      .finally(() => {
        this.inFlight = false;
        this.flush();
      });
  }

  private settle(batch: Pending[], results: AppendResult[], started: number): void {
    const ms = performance.now() - started;
    this.stats.commits++;
    this.stats.events += batch.length;
    this.stats.commitMsTotal += ms;
    this.stats.commitMsMax = Math.max(this.stats.commitMsMax, ms);
    batch.forEach((p, i) => p.resolve(results[i]!));
    if (results.some((r) => !r.duplicate)) this.onCommitted();
  }
}
