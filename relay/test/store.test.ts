import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, readPragmas } from '../src/store/database.js';
import { dedupeKey } from '../src/store/event-store.js';
import type { NewEvent } from '../src/store/event-store.js';
import { openStore } from '../src/store/relay-store.js';
import { tempDir } from './helpers/relay-fixture.js';

const event = (n: number, receivedAt = Date.now()): NewEvent => ({
  channel: 'component',
  appid: null,
  query: { timestamp: '1', nonce: '2', msg_signature: 'x' },
  body: `<xml><Encrypt>${n}</Encrypt></xml>`,
  dedupeKey: dedupeKey('component', '', String(n)),
  receivedAt,
});

describe('store', () => {
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
    expect(store.prune(Date.now(), 1000)).toBe(3);
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
    expect(store.prune(now, 30 * 24 * 3600_000)).toBe(1); // no devices: only the 31-day-old one goes
    const fast = store.devices.add('fast');
    const slow = store.devices.add('slow');
    const fastId = store.devices.authenticate(fast)!.id;
    const slowId = store.devices.authenticate(slow)!.id;
    store.devices.recordAck(fastId, 5);
    store.devices.recordAck(slowId, 2);
    expect(store.prune(now, 30 * 24 * 3600_000)).toBe(1); // seq 2
    expect(store.events.page(0, 10).map((e) => e.seq)).toEqual([3, 4, 5]);
    store.devices.revoke('slow'); // a revoked device no longer holds anything back
    expect(store.prune(now, 30 * 24 * 3600_000)).toBe(3);
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
