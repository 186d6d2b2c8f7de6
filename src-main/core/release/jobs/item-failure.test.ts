import { coded } from '@contract/codes';
import { describe, expect, it } from 'vitest';
import type { ItemState } from '@contract/release';
import type { ItemRecord } from '../../platform/store/release-aggregate.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { PauseSignal } from '../audits/quota-guard.js';
import { releaseSettings } from '../release-settings.js';
import { LocalStepError, failureKind, itemErrorView, mayHaveArrived } from '../steps/item-error.js';
import { itemFailure } from './item-failure.js';

const NOW = 5_000_000;
const settings = releaseSettings({
  retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
  rateLimitedDelayMs: 61_000,
});

const wechat = (errcode: number | null, kind: 'api' | 'transport' = 'api', retryClass?: 'transient'): WeChatError =>
  new WeChatError({
    kind,
    endpoint: 'commit',
    path: '/wxa/commit',
    errcode,
    errmsg: 'x',
    ...(retryClass ? { retryClass } : {}),
  });

function item(state: ItemState, attempts = 0): ItemRecord {
  return {
    appid: 'wx0000000000000001',
    state,
    wave: 1,
    attempts,
    error: null,
    extJsonHash: null,
    auditId: null,
    commitSentAt: 1,
    submitSentAt: 1,
    releaseSentAt: 1,
    failedFrom: null,
    nextAt: 0,
    updatedAt: 0,
  };
}

describe('failure classes', () => {
  const cases: Array<[string, unknown, ReturnType<typeof failureKind>, boolean]> = [
    ['-1 system busy', wechat(-1), 'transient', true],
    ['a reset connection', wechat(null, 'transport', 'transient'), 'transient', true],
    ['45011 too frequent', wechat(45011), 'rate_limited', false],
    ['85085 audit quota used up', wechat(85085), 'quota', false],
    ['45009 daily quota used up', wechat(45009), 'quota', false],
    ['61040 privacy guide', wechat(61040), 'permanent', false],
    ['a local refusal', new LocalStepError(coded('ext_json_invalid', { appid: 'wxa', count: 1 })), 'permanent', true],
  ];
  for (const [name, error, kind, arrived] of cases) {
    it(`${name}: ${kind}, ${arrived ? 'may have reached WeChat' : 'certainly did not change anything'}`, () => {
      expect(failureKind(error)).toBe(kind);
      expect(mayHaveArrived(error)).toBe(arrived);
    });
  }
});

describe('itemFailure', () => {
  it('backs a transient failure off with jitter and keeps the sent marker (it may have arrived)', () => {
    const out = itemFailure(item('committing'), wechat(-1), NOW, settings, () => 0.5);
    expect(out.pause).toBeNull();
    expect(out.patch.state).toBeUndefined();
    expect(out.patch.attempts).toBe(1);
    expect(out.patch.nextAt).toBeGreaterThan(NOW);
    expect(out.patch.commitSentAt).toBeUndefined();
  });

  it('fails the item once transient failures used every attempt', () => {
    const out = itemFailure(item('submitting', 2), wechat(-1), NOW, settings, () => 0);
    expect(out.patch).toMatchObject({ state: 'failed', failedFrom: 'submitting', attempts: 3 });
    expect(itemErrorView(out.patch.error!)).toEqual({ code: 'wechat_gave_up', params: { attempts: 3 }, errcode: -1 });
  });

  it('waits a minute after 45011 and clears the sent marker: WeChat refused before acting', () => {
    const out = itemFailure(item('submitting'), wechat(45011), NOW, settings, () => 0);
    expect(out.patch).toMatchObject({ nextAt: NOW + 61_000, submitSentAt: null });
    expect(out.pause).toBeNull();
  });

  it('pauses the job on the audit quota and leaves the item to retry', () => {
    const out = itemFailure(item('submitting'), wechat(85085), NOW, settings, () => 0);
    expect(out.pause).toEqual({ kind: 'quota', reason: { code: 'pause_quota_exhausted', errcode: 85085 } });
    expect(out.patch).toMatchObject({ nextAt: NOW, submitSentAt: null });
    expect(out.patch.state).toBeUndefined();
  });

  it('pauses on the job budget without counting an attempt', () => {
    const reason = coded('pause_budget_spent', { budget: 3 });
    const out = itemFailure(item('submitting'), new PauseSignal('budget', reason), NOW, settings, () => 0);
    expect(out.pause).toEqual({ kind: 'budget', reason });
    expect(out.patch.attempts).toBeUndefined();
  });

  it('fails a permanent error at once, keeping where it failed for retry-failed', () => {
    const out = itemFailure(item('releasing'), wechat(61040), NOW, settings, () => 0);
    expect(out.patch).toMatchObject({ state: 'failed', failedFrom: 'releasing', releaseSentAt: null });
  });

  it('fails a local refusal with its own code', () => {
    const reason = coded('another_version_under_audit', {}, 85009);
    const out = itemFailure(item('pending'), new LocalStepError(reason), NOW, settings, () => 0);
    expect(out.patch).toMatchObject({ state: 'failed', error: { errcode: 85009 } });
    expect(itemErrorView(out.patch.error!)).toEqual(reason);
  });
});
