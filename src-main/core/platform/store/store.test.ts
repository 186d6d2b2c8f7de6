import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { memoryLogger } from '../log/logger.js';
import { openAggregate } from '../aggregate/aggregate.js';
import { StoreVersionError, defineAggregate } from '../aggregate/aggregate-def.js';
import { authorizersAggregate } from './authorizers-aggregate.js';
import { s } from '../aggregate/schema.js';
import { openStore } from './store.js';

let dir: string;
const clock = new ManualClock();
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-store-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const deps = () => ({ dir, logger: memoryLogger(), clock });

describe('store', () => {
  it('starts from defaults derived from the schemas', async () => {
    const store = await openStore(deps());
    expect(store.settings.data).toEqual({
      componentAppid: '',
      relayUrl: '',
      egress: 'relay',
      locale: 'zh-CN',
      theme: 'light',
    });
    expect(store.authorizers.data).toEqual({ byAppid: {} });
    expect(store.relayCursor.data.cursor).toBe(0);
    expect(store.recoveries).toEqual([]);
  });

  it('persists updates with a version, mode 0600, and no temp files left behind', async () => {
    const store = await openStore(deps());
    await store.relayCursor.update((d) => {
      d.cursor = 42;
    });
    const file = join(dir, 'relay-cursor.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, data: { cursor: 42, updatedAt: 0 } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await openStore(deps())).relayCursor.data.cursor).toBe(42);
  });

  it('keeps every one of many concurrent updates', async () => {
    const store = await openStore(deps());
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.events.update((d) => {
          d.applied.push(`id-${i}`);
        }),
      ),
    );
    expect((await openStore(deps())).events.data.applied).toHaveLength(40);
  });

  it('restores the last-good copy when the file is corrupt, and reports it', async () => {
    const store = await openStore(deps());
    await store.relayCursor.update((d) => {
      d.cursor = 7;
    });
    await writeFile(join(dir, 'relay-cursor.json'), '{"version":1,"data":{"cursor":'); // torn write
    const logger = memoryLogger();
    const reopened = await openStore({ ...deps(), logger });
    expect(reopened.relayCursor.data.cursor).toBe(7);
    expect(reopened.recoveries).toEqual([
      expect.objectContaining({ aggregate: 'relay-cursor', restoredFrom: 'backup' }),
    ]);
    expect(logger.records.some((r) => r.level === 'warn')).toBe(true);
    const movedTo = reopened.recoveries[0]?.movedTo ?? '';
    expect(await readFile(movedTo, 'utf8')).toContain('"cursor":');
    // The restored file is written back: the next open is clean.
    expect((await openStore(deps())).recoveries).toEqual([]);
  });

  it('treats data that fails the schema as corrupt', async () => {
    await openStore(deps());
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, data: { egress: 'carrier-pigeon' } }));
    const reopened = await openStore(deps());
    expect(reopened.settings.data.egress).toBe('relay');
    expect(reopened.recoveries[0]).toMatchObject({ aggregate: 'settings', restoredFrom: 'backup' });
  });

  it('falls back to defaults when the backup is unreadable too', async () => {
    await openStore(deps());
    await writeFile(join(dir, 'events.json'), 'garbage');
    await writeFile(join(dir, 'events.last-good.json'), 'garbage');
    const reopened = await openStore(deps());
    expect(reopened.events.data).toEqual({ applied: [], recent: [] });
    expect(reopened.recoveries[0]).toMatchObject({ aggregate: 'events', restoredFrom: 'defaults' });
  });

  it('runs ordered migrations and keeps the pre-migration file', async () => {
    const v1 = {
      byAppid: {
        wx1: {
          appid: 'wx1',
          nickname: 'A',
          userName: 'gh_1',
          principal: 'P',
          funcInfo: [18],
          status: 'authorized',
          updatedAt: 5,
        },
      },
    };
    await writeFile(join(dir, 'authorizers.json'), JSON.stringify({ version: 1, data: v1 }));
    const agg = await openAggregate(authorizersAggregate, deps());
    expect(agg.data.byAppid.wx1).toMatchObject({ appid: 'wx1', statusReason: null, authTime: null });
    expect(JSON.parse(await readFile(join(dir, 'authorizers.json'), 'utf8')).version).toBe(2);
    expect(JSON.parse(await readFile(join(dir, 'authorizers.v1.json'), 'utf8')).version).toBe(1);
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const text = JSON.stringify({ version: 9, data: {} });
    await writeFile(join(dir, 'settings.json'), text);
    await expect(openStore(deps())).rejects.toBeInstanceOf(StoreVersionError);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(text);
  });

  it('rejects a definition whose migrations do not match its version', () => {
    expect(() => defineAggregate({ name: 'x', version: 2, schema: s.object({}), migrations: [] })).toThrow(/2 needs 1/);
  });
});
