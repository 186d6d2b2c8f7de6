import type { CursorStore, DedupeStore } from './types.js';

/** In-memory cursor: for tests and the demo profile; the real one is persisted by the store. */
export class MemoryCursorStore implements CursorStore {
  constructor(public value = 0) {}

  async load(): Promise<number> {
    return this.value;
  }

  async save(seq: number): Promise<void> {
    this.value = seq;
  }
}

/** In-memory applied identities, oldest dropped beyond `limit`. */
export class MemoryDedupeStore implements DedupeStore {
  private readonly identities = new Set<string>();

  constructor(private readonly limit = 5_000) {}

  async seen(identity: string): Promise<boolean> {
    return this.identities.has(identity);
  }

  async remember(identity: string): Promise<void> {
    this.identities.add(identity);
    for (const oldest of this.identities) {
      if (this.identities.size <= this.limit) break;
      this.identities.delete(oldest);
    }
  }
}
