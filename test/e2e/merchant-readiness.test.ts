/**
 * A new staff member in the README demo, only through the console in real Chromium: invite a new merchant who
 * authorizes, see what WeChat would refuse, fix all of it from the console, deploy, pass the audit, release, and find
 * the domains still in place afterwards. No call to the simulator's control API, nothing done as the merchant.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizerRow } from '@contract/fleet';
import type { ReadinessView } from '@contract/readiness';
import type { JobDetail } from '@contract/release';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { startDemoStack } from '../../scripts/demo-stack.js';
import type { DemoStack } from '../../scripts/demo-stack.js';
import { PATIENCE, ROOT, goTo, launchChromium, screenshot, until } from './helpers.js';

let stack: DemoStack;
let browser: Browser;
let page: Page;
let profileDir: string;

/** What the page would show, read through the same host channels (never the simulator). */
async function read<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = await (
    stack.host.invoke as (c: string, ...a: unknown[]) => Promise<{ ok: boolean; value?: T; error?: unknown }>
  )(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const DOMAIN = 'https://api.wxfleet-demo.cn';

describe('a new merchant made ready from the console', () => {
  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'wxfleet-e2e-ready-'));
    stack = await startDemoStack({
      profileDir,
      keychain: keytarKeychain(),
      config: (demo) => ({ ...demo, vault: { ...demo.vault, keychainService: `wxfleet-e2e-ready-${process.pid}` } }),
      rendererDir: join(ROOT, 'out/renderer'),
      prewire: true,
      // Short simulated review times, so the audit resolves by itself while the test waits for states.
      sim: { audit: { durationSeconds: 3 }, privacyScanSeconds: 1 },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(stack.host.loginUrl());
    await page.locator('[data-test=page-overview]').waitFor({ timeout: PATIENCE });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  let appid = '';

  it('invites a merchant who authorizes, and sees what is missing', async () => {
    await goTo(page, 'onboarding');
    await page.locator('input[data-test=invite-note]').fill('山野手作');
    await page.locator('[data-test=invite-create]').click();
    const link = (await page.locator('[data-test=invite-pc-url]').first().innerText()).trim();
    const merchant = await browser.newPage();
    await merchant.goto(link);
    await merchant.locator('#authorize').click();
    const unauthorized = merchant.locator('label:not(:has-text("已授权")) input[name=appid]').first();
    appid = (await unauthorized.getAttribute('value')) ?? '';
    await unauthorized.check();
    await merchant.locator('button[type=submit]').click();
    await merchant.waitForLoadState();
    await merchant.close();
    expect(appid).toMatch(/^wx/);

    await goTo(page, 'mini-programs');
    await page.locator('[data-test=sync-all]').click();
    const row = page.locator(`[data-test=authorizer-row][data-appid="${appid}"]`);
    await row.waitFor({ timeout: PATIENCE });
    // The readiness column says what holds the new mini-program back.
    await expect
      .poll(() => row.locator('[data-test=readiness-cell]').innerText(), { timeout: PATIENCE })
      .toMatch(/未就绪：隐私保护指引/);
    await row.locator('.wx-link').click();
    const panel = page.locator('[data-test=readiness-panel]');
    const guide = panel.locator('[data-key=privacy_guide]');
    await expect.poll(() => guide.innerText(), { timeout: PATIENCE }).toContain('尚未设置用户隐私保护指引');
    await screenshot(page, 'zh-CN-readiness-new-merchant');
    await page.keyboard.press('Escape');
  }, 240_000);

  it('writes the guide template and domain profile, then fixes everything with one click', async () => {
    await page.locator('[data-test=readiness-profile-open]').click();
    const dialog = page.locator('[data-test=readiness-profile]');
    await dialog.waitFor({ timeout: PATIENCE });
    await dialog
      .locator('textarea[data-test=profile-purposes]')
      .fill('UserInfo=用于登录后展示会员头像和昵称\nLocation=用于查找离你最近的门店\nAddress=用于填写配送地址');
    await dialog.locator('input[data-test=profile-email]').fill('privacy@agency.example');
    await dialog.locator('input[data-test=profile-notice]').fill('小程序首页弹窗提示');
    await dialog.locator('textarea[data-test=profile-requestdomain]').fill(DOMAIN);
    await screenshot(page, 'zh-CN-readiness-profile');
    await dialog.locator('[data-test=profile-save]').click();
    await dialog.waitFor({ state: 'hidden', timeout: PATIENCE });

    await page.locator(`[data-test=authorizer-row][data-appid="${appid}"] .wx-link`).click();
    const panel = page.locator('[data-test=readiness-panel]');
    await panel.locator('[data-test=readiness-fix-all]').click();
    const state = (key: string) => panel.locator(`[data-key=${key}] [data-test=readiness-state]`).innerText();
    await expect.poll(() => state('privacy_guide'), { timeout: PATIENCE }).toBe('就绪');
    await expect.poll(() => state('domains'), { timeout: PATIENCE }).toBe('就绪');
    for (const key of ['permission', 'basic_info', 'category', 'privacy_interfaces', 'icp'])
      expect(await state(key), key).toBe('就绪');
    // Every write is in the version ledger.
    await expect
      .poll(() => page.locator('[data-test=ledger-entry]').allInnerTexts(), { timeout: PATIENCE })
      .toContainEqual(expect.stringContaining('setprivacysetting'));
    await screenshot(page, 'zh-CN-readiness-fixed');
    await page.keyboard.press('Escape');
  }, 240_000);

  it('deploys after a green pre-flight, passes the audit, releases, and keeps the domains', async () => {
    // The template library as WeChat has it (the booking template 2.1.0 uses no privacy interface).
    await goTo(page, 'templates');
    await page.locator('[data-test=templates-sync]').click();
    await page
      .locator('[data-test=templates] .el-table__row', { hasText: '2.1.0' })
      .first()
      .waitFor({ timeout: PATIENCE });
    await goTo(page, 'mini-programs');
    await page.locator(`[data-test=authorizer-row][data-appid="${appid}"] input[type=checkbox]`).check();
    await page.locator('[data-test=deploy-selected]').click();
    const dialog = page.locator('[data-test=deploy-dialog]');
    await dialog.waitFor({ timeout: PATIENCE });
    await dialog.locator('[data-test=deploy-template]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '2.1.0' }).click();
    await dialog.locator('.el-switch').first().click();
    await expect
      .poll(() => dialog.locator('[data-test=deploy-preflight]').innerText(), { timeout: PATIENCE })
      .toContain('所选小程序均已就绪');
    await screenshot(page, 'zh-CN-deploy-preflight');
    await dialog.locator('[data-test=deploy-start]').click();
    await page.locator('[data-test=page-jobs]').waitFor({ timeout: PATIENCE });

    const jobs = await read<{ id: string }[]>('jobs:list');
    const jobId = jobs[0]!.id;
    const job = await until(
      'released',
      async () => {
        const detail = await read<JobDetail>('jobs:get', jobId);
        return detail.items.every((i) => ['released', 'rejected', 'failed'].includes(i.state)) ? detail : null;
      },
      4 * PATIENCE,
    );
    expect(job.items.map((i) => [i.state, i.error?.code ?? null])).toEqual([['released', null]]);
    await until(
      'online in the list',
      async () => {
        const rows = await read<AuthorizerRow[]>('authorizers:list', {});
        return rows.find((r) => r.appid === appid)?.online?.userVersion === '2.1.0';
      },
      PATIENCE,
    );

    // After the release the domains are still what the profile asked for (WeChat keeps what the platform set).
    await goTo(page, 'mini-programs');
    await page.locator(`[data-test=authorizer-row][data-appid="${appid}"] .wx-link`).click();
    const panel = page.locator('[data-test=readiness-panel]');
    await panel.locator('[data-test=readiness-refresh]').click();
    await expect
      .poll(() => panel.locator('[data-key=domains] [data-test=readiness-state]').innerText(), { timeout: PATIENCE })
      .toBe('就绪');
    const view = await read<ReadinessView>('readiness:get', appid);
    expect(view.items.find((i) => i.key === 'domains')?.state).toBe('ready');
    const drawer = page.locator('[data-test=authorizer-drawer]');
    await expect.poll(() => drawer.innerText(), { timeout: PATIENCE }).toContain(DOMAIN);
    await screenshot(page, 'zh-CN-readiness-after-release');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', timeout: PATIENCE });
  }, 300_000);

  it('a batch deploy to the whole demo fleet spends audit quota only on the ready ones; the others show why', async () => {
    await goTo(page, 'mini-programs');
    const before = await read<{ remaining: number }>('audits:quota');
    await page.locator('[data-test=authorizer-table] .wx-vt-head .el-checkbox').click();
    await page.locator('[data-test=deploy-selected]').click();
    const dialog = page.locator('[data-test=deploy-dialog]');
    await dialog.waitFor({ timeout: PATIENCE });
    await dialog.locator('[data-test=deploy-template]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '2.1.0' }).click();
    await dialog.locator('.el-switch').first().click();
    const held = dialog.locator('[data-test=deploy-held]');
    await held.first().waitFor({ timeout: 2 * PATIENCE });
    const heldText = (await held.allInnerTexts()).join('\n');
    // Each held mini-program is listed with what WeChat would refuse.
    expect(heldText).toContain('萌宠之家');
    expect(heldText).toContain('没有已通过的服务类目');
    expect(heldText).toContain('素心美甲预约');
    expect(heldText).toContain('尚未备案');
    expect(heldText).toContain('川味小面');
    expect(heldText).toContain('隐私保护指引');
    await screenshot(page, 'zh-CN-deploy-preflight-held');
    await dialog.locator('[data-test=deploy-start]').click();
    await page.locator('[data-test=page-jobs]').waitFor({ timeout: PATIENCE });

    const jobs = await read<{ id: string; createdAt: string }[]>('jobs:list');
    const job = [...jobs].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
    const sent = await until(
      'every item past submission',
      async () => {
        const detail = await read<JobDetail>('jobs:get', job.id);
        const submitting = ['pending', 'committing', 'committed', 'scanning', 'submitting'];
        return detail.items.every((i) => !submitting.includes(i.state)) ? detail : null;
      },
      4 * PATIENCE,
    );
    const heldOut = sent.heldOut ?? [];
    expect(heldOut.map((h) => h.nickname)).toEqual(expect.arrayContaining(['萌宠之家', '素心美甲预约', '川味小面']));
    expect(sent.items.some((i) => heldOut.some((h) => h.appid === i.appid))).toBe(false);
    // A skipped item (this template and version already run there) spends no audit either.
    const submitted = sent.items.filter((i) => i.state !== 'failed' && i.state !== 'skipped').length;
    const after = await read<{ remaining: number }>('audits:quota');
    expect(before.remaining - after.remaining).toBe(submitted);
    // The job's drawer (opened by the dialog) says who was left out and why.
    await expect
      .poll(() => page.locator('[data-test=job-held-out]').innerText(), { timeout: PATIENCE })
      .toContain('萌宠之家');
    await screenshot(page, 'zh-CN-job-held-out');
  }, 300_000);
});
