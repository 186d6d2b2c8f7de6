/**
 * The browser host opened without a valid login link, in real Chromium against the built console: a clear page in
 * Chinese and English with the command for a new link, no refusal toasts, no call to the core; a fresh link from that
 * command logs the browser in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebHost } from '../../src-main/web-host/server.js';
import type { RunningWebHost } from '../../src-main/web-host/server.js';
import { PATIENCE, ROOT, launchChromium, screenshot } from './helpers.js';

let host: RunningWebHost;
let browser: Browser;
let dir: string;
const coreCalls: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-login-'));
  host = await startWebHost({
    rendererDir: join(ROOT, 'out/renderer'),
    handlers: new Proxy(
      {},
      {
        get: (_target, channel) => async () => {
          coreCalls.push(String(channel));
          throw Object.assign(new Error('not here'), { contractCode: 'not_configured' });
        },
      },
    ),
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.goto(url);
  return page;
}

it('shows how to get a new link, in Chinese then English, when opened without one', async () => {
  const page = await open(`${host.origin}/`);
  await page.locator('[data-test=login-needed]').waitFor({ timeout: PATIENCE });
  const text = await page.locator('[data-test=login-needed]').innerText();
  expect(text).toContain('这个浏览器控制台只对用登录链接打开的浏览器开放');
  expect(text).toContain('opens only in a browser that used a login link');
  expect(text).toContain('npm run wxfleet -- login-link');
  expect(await page.locator('.el-notification').count()).toBe(0);
  expect(coreCalls).toEqual([]);
  await screenshot(page, 'login-needed');
  await page.close();
});

it('says a spent link is spent, and a fresh link opens the console', async () => {
  const link = host.loginUrl();
  const first = await open(link);
  await first.locator('[data-test=nav]').waitFor({ timeout: PATIENCE });
  await first.close();

  const context = await browser.newContext();
  const replay = await context.newPage();
  await replay.goto(link);
  await replay.locator('[data-test=login-needed]').waitFor({ timeout: PATIENCE });
  expect(await replay.locator('[data-test=login-needed]').innerText()).toContain('这个登录链接已失效');
  await screenshot(replay, 'login-link-spent');
  await replay.goto(host.loginUrl());
  await replay.locator('[data-test=nav]').waitFor({ timeout: PATIENCE });
  await context.close();
});
