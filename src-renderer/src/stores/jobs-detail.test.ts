// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, expect, it } from 'vitest';
import type { JobDetail } from '@contract/release';
import { useJobsStore } from '@renderer/stores/jobs';
import { jobView } from '@renderer/testing/fixtures';
import { installFakeBridge, ok } from '@renderer/testing/fake-bridge';

beforeEach(() => setActivePinia(createPinia()));

const item = (state: JobDetail['items'][number]['state']): JobDetail['items'][number] => ({
  appid: 'wx1111222233334444',
  nickname: '',
  state,
  attempts: 0,
  error: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

it('the job open in the drawer never shows a status ahead of its items', async () => {
  let snapshot: JobDetail = { ...jobView('j1', { counts: { releasing: 1 } }), items: [item('releasing')] };
  const fake = installFakeBridge({ 'jobs:list': () => ok([jobView('j1')]), 'jobs:get': () => ok(snapshot) });
  const store = useJobsStore();
  await store.start();
  await store.open('j1');
  // "finished" is pushed while the drawer still holds "releasing": the row waits for the detail.
  snapshot = { ...jobView('j1', { status: 'finished', counts: { released: 1 } }), items: [item('released')] };
  fake.emit('jobs:progress', jobView('j1', { status: 'finished', counts: { released: 1 } }));
  expect(store.jobs[0]?.status).toBe('running');
  await expect.poll(() => store.detail?.items[0]?.state, { timeout: 10_000 }).toBe('released');
  expect(store.jobs[0]?.status).toBe('finished');
});
