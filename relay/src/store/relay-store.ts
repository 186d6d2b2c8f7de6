import type { Database as Db } from 'better-sqlite3';
import { join } from 'node:path';
import { CommitWorker } from './commit-worker.js';
import { openDatabase } from './database.js';
import type { OpenOptions } from './database.js';
import { DeviceStore } from './device-store.js';
import { EventStore } from './event-store.js';
import { InviteStore } from './invite-store.js';

export interface RelayStore {
  db: Db;
  events: EventStore;
  devices: DeviceStore;
  invites: InviteStore;
  /** Runs retention: what every active device acked, and anything older than maxAgeMs. */
  prune(now: number, maxAgeMs: number): number;
  /** Moves event commits to a worker thread (the server does this; tools and tests may not). */
  startCommitWorker(): Promise<void>;
  /** Waits for commits in flight, stops the worker, closes the database. */
  close(): Promise<void>;
}

export function openStore(dataDir: string, options?: OpenOptions): RelayStore {
  const db = openDatabase(dataDir, options);
  const events = new EventStore(db);
  const devices = new DeviceStore(db);
  const invites = new InviteStore(db);
  let worker: CommitWorker | undefined;
  return {
    db,
    events,
    devices,
    invites,
    prune: (now, maxAgeMs) => events.prune(now, maxAgeMs, devices.minActiveCursor()),
    startCommitWorker: async () => {
      worker = await CommitWorker.start(join(dataDir, 'relay.db'));
      events.useWriter(worker);
    },
    close: async () => {
      if (!db.open) return;
      await events.drain();
      await worker?.close();
      devices.flushAcks();
      db.close();
    },
  };
}
