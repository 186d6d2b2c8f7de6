import type { Push } from '@wxfleet/protocol';

/** A decrypted, de-duplicated push as the core applies it; `appid` is the mini-program's when known. */
export interface AppliedPush {
  seq: number;
  receivedAt: string;
  appid: string | null;
  push: Push;
}

export type PushListener = (applied: AppliedPush) => Promise<void>;

/** Routes applied pushes to the services that care (tickets, onboarding, audits), in order, one at a time. */
export class PushBus {
  private readonly listeners: PushListener[] = [];

  subscribe(listener: PushListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  async publish(applied: AppliedPush): Promise<void> {
    for (const listener of [...this.listeners]) await listener(applied);
  }
}
