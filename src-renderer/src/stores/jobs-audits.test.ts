// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverviewView, RelayStatusView } from '@contract/fleet';
import { i18n } from '@renderer/i18n';
import { useAuditsStore } from '@renderer/stores/audits';
import { useJobsStore } from '@renderer/stores/jobs';
import { useOverviewStore } from '@renderer/stores/overview';
import { auditRow, jobView } from '@renderer/testing/fixtures';
import { err, installFakeBridge, ok } from '@renderer/testing/fake-bridge';
import { clearNotices, errorNotices } from '@renderer/testing/notices';

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  vi.useRealTimers();
  clearNotices();
  i18n.global.locale.value = 'zh-CN';
});

describe('jobs store', () => {
  it('keeps progress pushed while the first snapshot is in flight', async () => {
    const stale = jobView('j1', { counts: { committed: 1 } });
    const fresh = jobView('j1', { counts: { committed: 2 } });
    const fake = installFakeBridge({
      'jobs:list': () => {
        fake.emit('jobs:progress', fresh);
        fake.emit('jobs:progress', jobView('j2'));
        return ok([stale]);
      },
    });
    const store = useJobsStore();
    await store.start();
    expect(store.jobs.map((j) => [j.id, j.counts.committed])).toEqual([
      ['j2', undefined],
      ['j1', 2],
    ]);
  });

  it('updates the cached job in place on progress events', async () => {
    const fake = installFakeBridge({ 'jobs:list': () => ok([jobView('j1'), jobView('j2')]) });
    const store = useJobsStore();
    await store.start();
    fake.emit(
      'jobs:progress',
      jobView('j2', { status: 'paused', pauseReason: { code: 'pause_quota_exhausted', errcode: 85085 } }),
    );
    expect(store.jobs.map((j) => j.status)).toEqual(['running', 'paused']);
  });

  it('reports a failed action and returns null instead of throwing', async () => {
    i18n.global.locale.value = 'en';
    installFakeBridge({
      'jobs:list': () => ok([]),
      'jobs:pause': () => err('invalid_argument', { code: 'unknown_job', params: { id: 'j1' } }),
    });
    const store = useJobsStore();
    await expect(store.pause('nope')).resolves.toBeNull();
    expect(errorNotices()).toEqual([expect.stringContaining('Invalid input')]);
    expect(errorNotices()[0]).toContain('There is no job j1.');
  });
});

describe('audits store', () => {
  it('keeps an audit result pushed while the first snapshot is in flight', async () => {
    const fake = installFakeBridge({
      'audits:list': () => {
        fake.emit('audits:changed', auditRow('wxa', { state: 'passed' }));
        return ok([auditRow('wxa'), auditRow('wxb')]);
      },
      'audits:quota': () => ok({ remaining: 9, limit: 10, speedupRemaining: 1, speedupLimit: 1 }),
    });
    const store = useAuditsStore();
    await store.start();
    expect(store.byState.passed.map((r) => r.appid)).toEqual(['wxa']);
    expect(store.byState.auditing.map((r) => r.appid)).toEqual(['wxb']);
    expect(store.quota?.remaining).toBe(9);
  });

  it('moves a row between groups on change events and tolerates a missing quota', async () => {
    const fake = installFakeBridge({
      'audits:list': () => ok([auditRow('wxa')]),
      'audits:quota': () =>
        err('wechat_error', { code: 'wechat_rejected', params: { endpoint: 'queryquota' }, errcode: -1 }),
    });
    const store = useAuditsStore();
    await store.start();
    expect(store.quota).toBeNull();
    expect(errorNotices()).toEqual([]);
    fake.emit('audits:changed', auditRow('wxa', { state: 'rejected', reason: '<p>bad</p>' }));
    expect(store.byState.auditing).toEqual([]);
    expect(store.byState.rejected.map((r) => r.reason)).toEqual(['<p>bad</p>']);
  });

  it('reports a failed withdraw and clears the busy flag', async () => {
    i18n.global.locale.value = 'en';
    installFakeBridge({ 'audits:withdraw': () => err('relay_unreachable') });
    const store = useAuditsStore();
    await expect(store.withdraw('wxa')).resolves.toBeUndefined();
    expect(store.busy).toBeNull();
    expect(errorNotices()).toEqual([expect.stringContaining('Relay unreachable')]);
  });
});

describe('overview store', () => {
  const relay = (state: RelayStatusView['state']): RelayStatusView => ({
    state,
    detail: null,
    backlog: null,
    lastPushAt: null,
  });
  const overview = (failingJobs: number): OverviewView => ({
    relay: relay('connected'),
    ticket: { ageSeconds: 10, stale: false },
    componentToken: { state: 'valid', expiresAt: null },
    auditQuota: null,
    authorizers: { total: 0, authorized: 0, needsReauth: 0, revoked: 0 },
    auditsInFlight: 0,
    failingJobs,
    attention: [],
    recentEvents: [],
  });

  it('shows relay status at once and reloads the overview once per burst', async () => {
    vi.useFakeTimers();
    let n = 0;
    const fake = installFakeBridge({ 'overview:get': () => ok(overview(++n)) });
    const store = useOverviewStore();
    await store.start();
    expect(fake.listeners('authorizers:changed')).toBe(1);
    expect(fake.listeners('jobs:progress')).toBe(1);

    fake.emit('relay:status', relay('disconnected'));
    for (let i = 0; i < 50; i++) fake.emit('jobs:progress', jobView('j1'));
    expect(store.relay).toEqual(relay('disconnected'));
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.calls('overview:get')).toHaveLength(2);
    expect(store.view).toEqual(overview(2));
  });
});
