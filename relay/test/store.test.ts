import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, readPragmas } from '../src/store/database.js';
import { dedupeKey } from '../src/store/event-store.js';
import type { NewEvent } from '../src/store/event-store.js';
import { openStore } from '../src/store/relay-store.js';
import type { RetentionAges } from '../src/store/relay-store.js';
import { tempDir } from './helpers/relay-fixture.js';

const event = (n: number, receivedAt = Date.now()): NewEvent => ({
  channel: 'component',
  appid: null,
  query: { timestamp: '1', nonce: '2', msg_signature: 'x' },
  body: `<xml><Encrypt>${n}</Encrypt></xml>`,
  dedupeKey: dedupeKey('component', '', String(n)),
  receivedAt,
});

const ages = (maxAgeMs: number): RetentionAges => ({
  maxAgeMs,
  callbackMaxAgeMs: maxAgeMs,
  attemptMaxAgeMs: maxAgeMs,
});

describe('store', () => {
  it('creates the data directory 0700 and relay.db, -wal, -shm 0600, and tightens an existing directory', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const store = openStore(dir);
    await store.startCommitWorker();
    await store.events.append(event(1));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of ['relay.db', 'relay.db-wal', 'relay.db-shm'])
      expect((statSync(join(dir, file)).mode & 0o777).toString(8)).toBe('600');
    await store.close();
  });

  it('reads back WAL and synchronous=FULL on first open and after a restart', async () => {
    const dir = tempDir();
    for (let open = 0; open < 2; open++) {
      const db = openDatabase(dir);
      expect(readPragmas(db)).toEqual({ journalMode: 'wal', synchronous: 2 });
      db.close();
    }
    // A connection that did not set them sees the file-level WAL mode, but synchronous is per connection:
    // that is why every open sets and asserts it.
    const raw = new Database(join(dir, 'relay.db'));
    expect(String(raw.pragma('journal_mode', { simple: true }))).toBe('wal');
    raw.close();
    const store = openStore(dir);
    expect(readPragmas(store.db).synchronous).toBe(2);
    await store.close();
  });

  it('keeps seq increasing and never reuses it after retention emptied the table', async () => {
    const dir = tempDir();
    let store = openStore(dir);
    store.events.appendMany([event(1), event(2), event(3)]);
    const id = store.devices.authenticate(store.devices.add('pc'))!.id;
    store.devices.recordAck(id, 3);
    expect(await store.prune(Date.now(), ages(1000))).toBe(3);
    await store.close();
    store = openStore(dir);
    expect(store.events.headSeq()).toBe(3);
    expect(store.events.appendMany([event(4)])[0]!.seq).toBe(4);
    await store.close();
  });
});

describe('retention', () => {
  it('deletes only what every active device acked, or what is older than the retention', async () => {
    const store = openStore(tempDir());
    const now = Date.now();
    const old = now - 31 * 24 * 3600_000;
    store.events.appendMany([event(1, old), event(2), event(3), event(4), event(5)]);
    expect(await store.prune(now, ages(30 * 24 * 3600_000))).toBe(1); // no devices: only the 31-day-old one goes
    const fast = store.devices.add('fast');
    const slow = store.devices.add('slow');
    const fastId = store.devices.authenticate(fast)!.id;
    const slowId = store.devices.authenticate(slow)!.id;
    store.devices.recordAck(fastId, 5);
    store.devices.recordAck(slowId, 2);
    expect(await store.prune(now, ages(30 * 24 * 3600_000))).toBe(1); // seq 2
    expect(store.events.page(0, 10).map((e) => e.seq)).toEqual([3, 4, 5]);
    store.devices.revoke('slow'); // a revoked device no longer holds anything back
    expect(await store.prune(now, ages(30 * 24 * 3600_000))).toBe(3);
    await store.close();
  });
});

describe('group commit', () => {
  it.each(['inline', 'worker'] as const)(
    '%s: concurrent appends share transactions, duplicates get the first seq',
    async (mode) => {
      const store = openStore(tempDir());
      if (mode === 'worker') await store.startCommitWorker();
      const results = await Promise.all([
        ...Array.from({ length: 200 }, (_, i) => store.events.append(event(i))),
        store.events.append(event(7)),
      ]);
      expect(results.slice(0, 200).map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(results[200]).toEqual({ seq: 8, duplicate: true });
      expect(store.events.stats.commits).toBeLessThan(10);
      expect(store.events.count()).toBe(200);
      await store.close();
    },
  );
});

describe('single writer', () => {
  it('commits pushes while every other kind of write runs at full speed: none fails, none waits on a lock', async () => {
    const store = openStore(tempDir(), { busyTimeoutMs: 0 });
    await store.startCommitWorker();
    const id = store.devices.authenticate(store.devices.add('pc'))!.id;
    const appends: Promise<unknown>[] = [];
    const others: Promise<unknown>[] = [];
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 25; i++) appends.push(store.events.append(event(round * 25 + i)));
      others.push(store.invites.recordAttempt('inv', 'no_desktop', 'pc'));
      others.push(store.invites.upsert({ id: `inv-${round}` }));
      others.push(store.devices.touch(id));
      store.devices.recordAck(id, round);
      others.push(store.devices.flushAcks());
      await new Promise((r) => setImmediate(r));
    }
    const settled = await Promise.allSettled([...appends, ...others]);
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(store.events.count()).toBe(1000);
    expect(store.invites.attempts('inv')).toHaveLength(40);
    expect(store.devices.list()[0]!.cursor).toBe(39);
    await store.close();
  });

  it('retention removes old callbacks and launch attempts on their own, shorter clocks', async () => {
    const store = openStore(tempDir());
    const now = Date.now();
    const hourAgo = now - 3600_000;
    store.events.appendMany([
      { ...event(1, hourAgo), channel: 'auth_callback', dedupeKey: dedupeKey('auth_callback', 'a') },
      event(2, hourAgo),
    ]);
    await store.invites.recordAttempt('inv', 'url_shown', 'pc', hourAgo);
    await store.invites.recordAttempt('inv', 'url_shown', 'pc', now);
    const deleted = await store.prune(now, {
      maxAgeMs: 24 * 3600_000,
      callbackMaxAgeMs: 60_000,
      attemptMaxAgeMs: 60_000,
    });
    expect(deleted).toBe(2);
    expect(store.events.page(0, 10).map((e) => e.seq)).toEqual([2]);
    expect(store.invites.attempts('inv')).toHaveLength(1);
    await store.close();
  });
});
