interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Runs one write at a time; snapshots queued while a write runs are collapsed into the latest one. Each caller's
 * promise resolves once a write that includes its snapshot is durable.
 */
export class CoalescingWriter<T> {
  private latest: { value: T } | undefined;
  private waiters: Waiter[] = [];
  private running = false;

  constructor(private readonly writeOnce: (value: T) => Promise<void>) {}

  write(value: T): Promise<void> {
    this.latest = { value };
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.latest) {
      const { value } = this.latest;
      const waiters = this.waiters;
      this.latest = undefined;
      this.waiters = [];
      try {
        await this.writeOnce(value);
        waiters.forEach((w) => w.resolve());
      } catch (err) {
        waiters.forEach((w) => w.reject(err));
      }
    }
    this.running = false;
  }
}
