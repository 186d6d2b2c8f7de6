import { describe, expect, it } from 'vitest';
import type { ItemState } from '@contract/release';
import type { JobRecord } from '../../platform/store/release-aggregate.js';
import { releaseSettings } from '../release-settings.js';
import { newJobRecord } from './job-spec.js';
import { planJob } from './job-policy.js';
import { stopStillHolds } from './job-transitions.js';

const NOW = 1_000_000;
const settings = releaseSettings({ stopTheLineMinFinished: 3, stopTheLineDefault: 0.5 });
const appid = (i: number): string => `wx${String(i).padStart(16, '0')}`;

/** A job of `states.length` items in these states (canary items first), everything due now unless `nextAt` says. */
function job(states: ItemState[], opts: { canary?: number; autoRelease?: boolean; nextAt?: number[] } = {}): JobRecord {
  const record = newJobRecord(
    'job-1',
    {
      templateId: 1,
      appids: states.map((_, i) => appid(i)),
      userVersion: '1.0.0',
      userDesc: '',
      canary: opts.canary ?? 0,
      autoRelease: opts.autoRelease ?? false,
    },
    NOW - 10,
  );
  states.forEach((state, i) => {
    const item = record.items[appid(i)];
    if (item) Object.assign(item, { state, nextAt: opts.nextAt?.[i] ?? NOW });
  });
  return record;
}

describe('planJob', () => {
  const cases: Array<{
    name: string;
    job: JobRecord;
    inflight?: number[];
    expect: Partial<ReturnType<typeof planJob>> & { pauseKind?: string | null };
  }> = [
    {
      name: 'starts every due item in job order',
      job: job(['pending', 'pending', 'pending']),
      expect: { eligible: [appid(0), appid(1), appid(2)], finished: false, pauseKind: null },
    },
    {
      name: 'skips items in flight and waits for the earliest one not yet due',
      job: job(['pending', 'scanning', 'auditing'], { nextAt: [NOW, NOW + 500, NOW + 200] }),
      inflight: [0],
      expect: { eligible: [], wakeAt: NOW + 200, finished: false },
    },
    {
      name: 'holds the rest back while the canary is under audit',
      job: job(['auditing', 'pending', 'pending'], { canary: 1, nextAt: [NOW + 100, NOW, NOW] }),
      expect: { eligible: [], waitingCanary: true, wakeAt: NOW + 100 },
    },
    {
      name: 'lets the rest go once the canary passed',
      job: job(['passed', 'pending'], { canary: 1 }),
      expect: { eligible: [appid(1)], waitingCanary: false },
    },
    {
      name: 'pauses when the canary was rejected',
      job: job(['rejected', 'pending', 'pending'], { canary: 1 }),
      expect: { eligible: [], pauseKind: 'canary' },
    },
    {
      name: 'stops the line when the failure rate reaches the threshold',
      job: job(['failed', 'rejected', 'released', 'released', 'pending']),
      expect: { pauseKind: 'stop_the_line' },
    },
    {
      name: 'does not stop the line before enough items finished',
      job: job(['failed', 'failed', 'pending', 'pending']),
      expect: { pauseKind: null, eligible: [appid(2), appid(3)] },
    },
    {
      name: 'is finished when no item is active',
      job: job(['released', 'passed', 'cancelled']),
      expect: { finished: true, eligible: [] },
    },
    {
      name: 'keeps a passed item active when the job releases by itself',
      job: job(['passed', 'released'], { autoRelease: true }),
      expect: { finished: false, eligible: [appid(0)] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = planJob(c.job, NOW, new Set((c.inflight ?? []).map(appid)), settings);
      const { pauseKind, ...rest } = c.expect;
      expect(plan).toMatchObject(rest);
      if (pauseKind !== undefined) expect(plan.pause?.kind ?? null).toBe(pauseKind);
    });
  }

  it('counts only failures after the user resumed a stopped line', () => {
    const stopped = job(['failed', 'rejected', 'released', 'released', 'pending']);
    Object.assign(stopped, { ackFailed: 2, ackFinished: 4 });
    expect(planJob(stopped, NOW, new Set(), settings).pause).toBeNull();
  });
});

describe('stopStillHolds', () => {
  const budgeted = (budget: number | null, spent: number): JobRecord => {
    const record = job(['submitting', 'submitting']);
    record.spec.auditBudget = budget;
    record.auditsSpent = spent;
    return record;
  };
  it.each([
    { name: 'budget reached', job: budgeted(3, 3), kind: 'budget', holds: true },
    { name: 'resumed: consent to spend beyond the budget', job: budgeted(null, 3), kind: 'budget', holds: false },
    { name: 'budget raised above what was spent', job: budgeted(5, 3), kind: 'budget', holds: false },
    { name: 'quota stops are WeChat’s and always hold', job: budgeted(null, 3), kind: 'quota', holds: true },
  ] as const)('$name', ({ job: record, kind, holds }) => {
    expect(stopStillHolds(record, kind)).toBe(holds);
  });
});
