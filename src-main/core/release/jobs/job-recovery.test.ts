import { describe, expect, it } from 'vitest';
import type { ItemState } from '@contract/release';
import { markUncertain } from './job-recovery.js';
import { newJobRecord } from './job-spec.js';

const STARTED = 1_000;

function recovered(state: ItemState, auditId: number | null = null) {
  const job = newJobRecord(
    'job-1',
    { templateId: 1, appids: ['wx0000000000000001'], userVersion: '1', userDesc: '', canary: 0, autoRelease: true },
    STARTED,
  );
  const item = job.items['wx0000000000000001'];
  if (item) Object.assign(item, { state, auditId });
  markUncertain(job);
  return { job, item: job.items['wx0000000000000001'] };
}

describe('markUncertain: after a restart, ask WeChat before repeating what may have been sent', () => {
  const cases: Array<[ItemState, { commit: boolean; submit: boolean; release: boolean }]> = [
    ['pending', { commit: true, submit: true, release: true }],
    ['committing', { commit: true, submit: true, release: true }],
    ['committed', { commit: false, submit: true, release: true }],
    ['scanning', { commit: false, submit: true, release: true }],
    ['submitting', { commit: false, submit: true, release: true }],
    ['auditing', { commit: false, submit: false, release: true }],
    ['passed', { commit: false, submit: false, release: true }],
    ['releasing', { commit: false, submit: false, release: true }],
    ['released', { commit: false, submit: false, release: false }],
    ['failed', { commit: false, submit: false, release: false }],
    ['rejected', { commit: false, submit: false, release: false }],
  ];
  for (const [state, sent] of cases) {
    it(`${state}: ${
      Object.entries(sent)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .join(', ') || 'nothing'
    } may have been sent`, () => {
      const { item } = recovered(state);
      expect(item?.commitSentAt).toBe(sent.commit ? STARTED : null);
      expect(item?.submitSentAt).toBe(sent.submit ? STARTED : null);
      expect(item?.releaseSentAt).toBe(sent.release ? STARTED : null);
    });
  }

  it('counts audits already submitted against the job budget', () => {
    expect(recovered('auditing', 77).job.auditsSpent).toBe(1);
  });
});
