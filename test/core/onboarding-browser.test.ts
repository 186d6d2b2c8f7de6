import { launchChromium } from '../helpers/chromium.js';
import type { Browser } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import type { World } from './helpers/core-world.js';
import { invoke, startWorld, waitFor } from './helpers/core-world.js';

let world: World | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await world?.close();
  world = browser = undefined;
});

it('a merchant in a real browser authorizes from the relay launch page (Referer kept), redeemed once', async () => {
  world = await startWorld();
  const w = world;
  const core = await w.startCore();
  const ctx = core.services;
  await waitFor(() => ctx.relay?.status().state === 'connected', 'connected');
  const [appid = ''] = await w.seedApps(1);
  const invitation = await invoke(core, 'invitations:create', { note: 'browser' });

  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(invitation.pcUrl);
  await page.click('#authorize');
  await page.check(`input[name="appid"][value="${appid}"]`);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/authorize\/[^/]+\/done\?auth_code=/);
  expect(await page.textContent('h1')).toContain('授权完成');

  await waitFor(() => ctx.store.invitations.data.byId[invitation.id]?.status === 'done', 'invitation done');
  await waitFor(
    () =>
      ctx.store.events.data.recent.filter((r) => r.kind === 'auth_callback' || r.kind === 'authorized').length === 2,
    'callback and push both applied',
  );
  expect(ctx.store.authorizers.data.byAppid[appid]?.status).toBe('authorized');
  expect(await w.calls('/cgi-bin/component/api_query_auth')).toHaveLength(1);
}, 60_000);
