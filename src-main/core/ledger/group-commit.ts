import type { Aggregate } from '../store/aggregate.js';

/**
 * Batches changes to one aggregate: every change queued while a write is in flight goes into the next single
 * write. Store files are rewritten whole, so this keeps a burst of N appends at a few writes instead of N.
 */
export function groupCommit<T>(agg: Aggregate<T>): (change: (draft: T) => void) => Promise<void> {
  let queued: ((draft: T) => void)[] = [];
  let next: Promise<void> | null = null;
  let running: Promise<void> = Promise.resolve();
  return (change) => {
    queued.push(change);
    next ??= running.then(async () => {
      const batch = queued;
      queued = [];
      next = null;
      await agg.update((draft) => batch.forEach((fn) => fn(draft)));
    });
    running = next.catch(() => undefined);
    return next;
  };
}
