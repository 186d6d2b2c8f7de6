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
  /** Runs retention: what every active device acked, events and launch attempts past their age. */
  prune(now: number, retention: RetentionAges): Promise<number>;
  /** Moves event commits to a worker thread (the server does this; tools and tests may not). */
  startCommitWorker(): Promise<void>;
  /** Waits for commits in flight, stops the worker, closes the database. */
  close(): Promise<void>;
}

export interface RetentionAges {
  maxAgeMs: number;
  callbackMaxAgeMs: number;
  attemptMaxAgeMs: number;
}

export function openStore(dataDir: string, options?: OpenOptions): RelayStore {
  const db = openDatabase(dataDir, options);
  const events = new EventStore(db);
  const write = events.write.bind(events);
  const devices = new DeviceStore(db, write);
  const invites = new InviteStore(db, write);
  let worker: CommitWorker | undefined;
  return {
    db,
    events,
    devices,
    invites,
    prune: async (now, ages) => {
      await devices.flushAcks();
      const deleted = await events.prune(now, ages, devices.minActiveCursor());
      return deleted + (await invites.pruneAttempts(now - ages.attemptMaxAgeMs));
    },
    startCommitWorker: async () => {
      worker = await CommitWorker.start(join(dataDir, 'relay.db'));
      events.useWriter(worker);
    },
    close: async () => {
      if (!db.open) return;
      const acks = devices.flushAcks();
      await events.drain();
      await acks;
      await worker?.close();
      db.close();
    },
  };
}
