import { describe, expect, it } from 'vitest';
import type { ItemState } from '@contract/release';
import type { ItemRecord, JobRecord } from '../../platform/store/release-aggregate.js';
import { newJobRecord } from './job-spec.js';
import { retryAction } from './job-retry.js';
import { retryItems, skipRunning } from './job-transitions.js';

const A = 'wx1111222233334444';
const B = 'wx5555666677778888';
const job = (): JobRecord =>
  newJobRecord(
    'job-1',
    { templateId: 7, appids: [A, B], userVersion: '2.0.0', userDesc: '', canary: 0, autoRelease: true },
    0,
  );
const item = (state: ItemState, failedFrom: ItemState | null, hash: string | null): ItemRecord => ({
  ...job().items[A]!,
  state,
  failedFrom,
  extJsonHash: hash,
});

describe('retry', () => {
  it('re-commits only when the ext_json changed since the commit, re-submits a rejection otherwise', () => {
    expect(retryAction(item('rejected', null, 'h1'), 'h1')).toBe('resubmit');
    expect(retryAction(item('rejected', null, 'h1'), 'h2')).toBe('recommit');
    expect(retryAction(item('failed', 'submitting', 'h1'), 'h2')).toBe('recommit');
    expect(retryAction(item('failed', 'submitting', 'h1'), 'h1')).toBe('resume');
    expect(retryAction(item('failed', 'pending', null), 'h2')).toBe('resume');
    expect(retryAction(item('released', null, 'h1'), 'h2')).toBe('none');
    expect(retryAction(item('failed', 'scanning', 'h1'), '')).toBe('resume');
  });

  it('moves items as planned, carries feedback to rejected ones and runs a finished job again', () => {
    const j = job();
    Object.assign(j.items[A]!, { state: 'rejected', auditId: 5, submitSentAt: 1, extJsonHash: 'h' });
    Object.assign(j.items[B]!, { state: 'failed', failedFrom: 'scanning', commitSentAt: 1, extJsonHash: 'h' });
    j.status = 'finished';
    retryItems(
      j,
      100,
      new Map([
        [A, 'resubmit'],
        [B, 'recommit'],
      ]),
      '已补充类目资质',
    );
    expect(j.items[A]).toMatchObject({
      state: 'submitting',
      auditId: null,
      submitSentAt: null,
      feedbackInfo: '已补充类目资质',
    });
    expect(j.items[B]).toMatchObject({ state: 'pending', commitSentAt: null, extJsonHash: null, nextAt: 100 });
    expect(j.status).toBe('running');
  });

  it('leaves a finished job alone when nothing would be retried', () => {
    const j = job();
    j.status = 'finished';
    retryItems(j, 1, new Map(), null);
    expect(j.status).toBe('finished');
  });

  it('skips mini-programs that already run this template and version', () => {
    const j = job();
    skipRunning(j, (appid) =>
      appid === A ? { templateId: 7, userVersion: '2.0.0' } : { templateId: 7, userVersion: '1.0.0' },
    );
    expect(j.items[A]).toMatchObject({ state: 'skipped', skipReason: 'skip_same_version' });
    expect(j.items[B]?.state).toBe('pending');
  });
});
