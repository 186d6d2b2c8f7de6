import { coded } from '@contract/codes';

/** A detail that tells entries apart. */
const mark = (n: number) => coded('ledger_gray_release', { percentage: n });
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock/manual-clock.js';
import { silentLogger } from '../../platform/log/logger.js';
import { ledgerEntry } from './ledger-entry.js';
import { openLedger, sha256 } from './ledger.js';

const entry = ledgerEntry;

describe('version ledger', () => {
  let dir: string;
  let clock: ManualClock;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wxfleet-ledger-'));
    clock = new ManualClock(Date.UTC(2026, 10, 30, 23, 59));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('appends per mini-program in order, stores the ext_json by its sha256 and sanitizes reasons', async () => {
    const ledger = await openLedger({ dir, logger: silentLogger, clock });
    const ext = '{"extEnable":true,"extAppid":"wxa"}';
    await ledger.record(entry('wxa', 'commit', { templateId: 3, userVersion: '1.0.0', extJson: ext, jobId: 'j1' }));
    await ledger.record(entry('wxb', 'commit', { templateId: 3, userVersion: '1.0.0' }));
    await ledger.record(entry('wxa', 'submit_audit', { auditId: 77 }));
    const rejected = await ledger.record(
      entry('wxa', 'audit_rejected', { auditId: 77, reason: 'bad<br><script>x</script>', screenshots: ['m1', 'm2'] }),
    );
    expect(rejected.reason).toBe('bad<br>&lt;script&gt;x&lt;/script&gt;');
    const list = await ledger.list('wxa');
    expect(list.map((e) => e.kind)).toEqual(['commit', 'submit_audit', 'audit_rejected']);
    expect(list[0]).toMatchObject({ templateId: 3, userVersion: '1.0.0', extJsonHash: sha256(ext), jobId: 'j1' });
    expect(ledger.extJsonText(sha256(ext))).toBe(ext);
    expect(new Set(list.map((e) => e.id)).size).toBe(3);
    expect(await ledger.list('wxnone')).toEqual([]);
  });

  it('reads back a log of several MiB line by line: lines across chunk edges and a text longer than a chunk', async () => {
    const ledger = await openLedger({ dir, logger: silentLogger, clock });
    const huge = JSON.stringify({ extEnable: true, ext: { note: '审核说明'.repeat(400_000) } });
    const reasons: string[] = [];
    await Promise.all(
      Array.from({ length: 3000 }, (_, i) => {
        const reason = `第${i}次：页面内容与所选类目不符 ✓`.repeat(1 + (i % 7));
        reasons.push(reason);
        return ledger.record(entry(`wx${i % 30}`, 'audit_rejected', { auditId: i, reason }));
      }),
    );
    await ledger.record(entry('wxhuge', 'commit', { templateId: 1, userVersion: '1.0.0', extJson: huge }));
    const again = await openLedger({ dir, logger: silentLogger, clock });
    const byAuditId = new Map(
      Array.from({ length: 30 }, (_, a) => again.entries(`wx${a}`)).flatMap((list) => list.map((e) => [e.auditId, e])),
    );
    expect(byAuditId.size).toBe(3000);
    reasons.forEach((reason, i) => expect(byAuditId.get(i)?.reason).toBe(reason));
    expect(again.extJsonText(sha256(huge))).toBe(huge);
  });

  it('keeps order under concurrent appends and survives a reopen, one file per month', async () => {
    const ledger = await openLedger({ dir, logger: silentLogger, clock });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => ledger.record(entry('wxa', 'speedup', { detail: mark(i) }))),
    );
    await clock.advance(5 * 60_000); // into December
    await ledger.record(entry('wxa', 'release', { userVersion: '1.0.0' }));
    expect((await readdir(dir)).sort()).toEqual(['ledger-2026-11.jsonl', 'ledger-2026-12.jsonl']);
    const again = await openLedger({ dir, logger: silentLogger, clock });
    const list = await again.list('wxa');
    expect(list.map((e) => e.detail)).toEqual([...Array.from({ length: 20 }, (_, i) => mark(i)), null]);
    const next = await again.record(entry('wxa', 'visit_status', { detail: coded('ledger_service_closed') }));
    expect(next.id > (list.at(-1)?.id ?? '')).toBe(true);
  });

  it('lists one of 1,000 mini-programs quickly with 20,000 entries recorded', async () => {
    const ledger = await openLedger({ dir, logger: silentLogger, clock });
    const appids = Array.from({ length: 1000 }, (_, i) => `wx${String(i).padStart(16, '0')}`);
    const started = performance.now();
    for (let round = 0; round < 20; round++) {
      await Promise.all(appids.map((a) => ledger.record(entry(a, 'speedup', { detail: mark(round) }))));
    }
    const recordMs = performance.now() - started;
    const t0 = performance.now();
    const list = await ledger.list(appids[500] ?? '');
    expect(performance.now() - t0).toBeLessThan(20);
    expect(list).toHaveLength(20);
    expect(recordMs).toBeLessThan(15_000);
  });
});
