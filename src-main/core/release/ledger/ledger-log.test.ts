import { coded } from '@contract/codes';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock/manual-clock.js';
import { memoryLogger, silentLogger } from '../../platform/log/logger.js';
import type { LedgerInput } from './ledger.js';
import { ledgerEntry } from './ledger-entry.js';
import { openLedger, sha256 } from './ledger.js';

const entry = ledgerEntry;

describe('version ledger log on disk', () => {
  let dir: string;
  let clock: ManualClock;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wxfleet-ledger-log-'));
    clock = new ManualClock(Date.UTC(2026, 10, 15, 12, 0));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const file = () => join(dir, 'ledger-2026-11.jsonl');

  it('group-commits 200 concurrent records into far fewer fsyncs, each resolved only once fsynced', async () => {
    let fsyncs = 0;
    let synced = 0;
    const ledger = await openLedger({
      dir,
      logger: silentLogger,
      clock,
      fsync: async (handle) => {
        fsyncs++;
        await handle.sync();
        synced = (await readFile(file(), 'utf8').catch(() => '')).split('\n').length - 1;
      },
    });
    const ext = '{"extAppid":"wxa"}';
    const views = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // Half of them arrive while the first batch is being written.
        if (i >= 100) await new Promise((resolve) => setTimeout(resolve, 1));
        const view = await ledger.record(
          entry(`wx${i % 7}`, 'commit', { detail: coded('ledger_gray_release', { percentage: i }), extJson: ext }),
        );
        const line = (await readFile(file(), 'utf8')).split('\n').findIndex((l) => l.includes(`"id":"${view.id}"`));
        expect(line).toBeGreaterThanOrEqual(0);
        expect(line).toBeLessThan(synced);
        return view;
      }),
    );
    expect(new Set(views.map((v) => v.id)).size).toBe(200);
    expect(fsyncs).toBeLessThanOrEqual(5);
    const lines = (await readFile(file(), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(201); // the ext_json text once, then the entries
    expect(lines.filter((l) => l.includes('"type":"ext_json"'))).toHaveLength(1);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
  });

  it('cuts off a torn last line and skips a corrupt line elsewhere, reporting both', async () => {
    const ledger = await openLedger({ dir, logger: silentLogger, clock });
    const ext = '{"extAppid":"wxa"}';
    await ledger.record(entry('wxa', 'commit', { userVersion: '1.0.0', extJson: ext }));
    await ledger.record(entry('wxa', 'submit_audit', { auditId: 1 }));
    await ledger.record(entry('wxa', 'audit_passed', { auditId: 1 }));
    const lines = (await readFile(file(), 'utf8')).split('\n');
    // Corrupt the submit_audit line in place, then leave half a line at the end as a crash mid-write would.
    lines[2] = `${lines[2]?.slice(0, 20)}#garbage`;
    const intact = lines.join('\n');
    await writeFile(file(), intact);
    await appendFile(file(), '{"type":"entry","entry":{"id":"le-0000');

    const logger = memoryLogger();
    const again = await openLedger({ dir, logger, clock });
    expect((await again.list('wxa')).map((e) => e.kind)).toEqual(['commit', 'audit_passed']);
    expect(again.extJsonText(sha256(ext))).toBe(ext);
    expect(logger.records.map((r) => [r.level, r.msg, r.fields?.line])).toEqual([
      ['warn', 'ledger: skipped a corrupt line', 3],
      ['warn', 'ledger: cut off a torn last line', 5],
    ]);
    expect(await readFile(file(), 'utf8')).toBe(intact);

    const next = await again.record(entry('wxa', 'release', { userVersion: '1.0.0' }));
    expect(next.id).toBe('le-00000004');
    const third = await openLedger({ dir, logger: silentLogger, clock });
    expect((await third.list('wxa')).map((e) => e.kind)).toEqual(['commit', 'audit_passed', 'release']);
  });

  it('imports old aggregate month files once and renames them *.migrated', async () => {
    const ext = '{"extAppid":"wxold"}';
    const old = (id: number, kind: LedgerInput['kind'], extra: object = {}) => ({
      ...entry('wxold', kind),
      id: `le-${String(id).padStart(8, '0')}`,
      seq: id,
      at: new Date(Date.UTC(2026, 9, 1, 0, 0, id)).toISOString(),
      side: null,
      ...extra,
    });
    const envelope = {
      version: 1,
      data: {
        entries: [
          old(1, 'commit', { extJsonHash: sha256(ext), templateId: 4 }),
          old(2, 'submit_audit', { auditId: 9 }),
        ],
        extJson: { [sha256(ext)]: ext },
      },
    };
    const text = `${JSON.stringify(envelope, null, 1)}\n`;
    await writeFile(join(dir, 'ledger-2026-10.json'), text);
    await writeFile(join(dir, 'ledger-2026-10.last-good.json'), text);

    const logger = memoryLogger();
    const ledger = await openLedger({ dir, logger, clock });
    expect((await ledger.list('wxold')).map((e) => [e.id, e.kind])).toEqual([
      ['le-00000001', 'commit'],
      ['le-00000002', 'submit_audit'],
    ]);
    expect(ledger.extJsonText(sha256(ext))).toBe(ext);
    expect(logger.records.map((r) => r.msg)).toEqual(['ledger: migrated an old month file to the append-only log']);
    const next = await ledger.record(entry('wxold', 'audit_passed', { auditId: 9 }));
    expect(next.id).toBe('le-00000003');
    expect((await readdir(dir)).sort()).toEqual([
      'ledger-2026-10.json.migrated',
      'ledger-2026-10.jsonl',
      'ledger-2026-10.last-good.json.migrated',
      'ledger-2026-11.jsonl',
    ]);

    const again = await openLedger({ dir, logger: silentLogger, clock });
    expect((await again.list('wxold')).map((e) => e.kind)).toEqual(['commit', 'submit_audit', 'audit_passed']);
    expect(again.extJsonText(sha256(ext))).toBe(ext);
    expect((await again.list('wxold'))[0]).toMatchObject({ templateId: 4, extJsonHash: sha256(ext) });
  });

  it('does not import an old month twice after a crash between importing and renaming', async () => {
    const envelope = {
      version: 1,
      data: {
        entries: [
          { ...entry('wxold', 'commit'), id: 'le-00000001', seq: 1, at: '2026-10-01T00:00:00.000Z', side: null },
        ],
        extJson: {},
      },
    };
    await writeFile(join(dir, 'ledger-2026-10.json'), JSON.stringify(envelope));
    await openLedger({ dir, logger: silentLogger, clock });
    // Put the old file back as if the rename had not happened.
    await writeFile(join(dir, 'ledger-2026-10.json'), JSON.stringify(envelope));
    const again = await openLedger({ dir, logger: silentLogger, clock });
    expect(await again.list('wxold')).toHaveLength(1);
  });
});
