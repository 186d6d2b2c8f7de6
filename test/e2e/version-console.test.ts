/**
 * The release console's version controls in real Chromium against the demo (browser host, simulator, relay): a
 * mini-program is gray-released at 10 % then 50 %, released fully, rolled back to a version chosen from WeChat's
 * history and its service closed and reopened — each through the UI, with the list, the drawer and the ledger looked
 * at after each step. Then a batch version job, the Logs page, and screenshots in zh-CN, English and dark mode.
 * (Deploys before the gray release are set up through the host's channels; ext_json editing is another test's.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizerRow } from '@contract/fleet';
import type { JobDetail, LedgerEntryView, TemplateLibraryView } from '@contract/release';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { startDemoStack } from '../../scripts/demo-stack.js';
import type { DemoStack } from '../../scripts/demo-stack.js';
import { PATIENCE, ROOT, launchChromium, screenshot as capture, until } from './helpers.js';

let stack: DemoStack;
let browser: Browser;
let page: Page;
let profileDir: string;
let appid = '';
let name = '';

/** Element Plus tags, drawers and dialogs animate in: a screenshot waits for them to settle. */
async function screenshot(target: Page, name: string): Promise<void> {
  await target.waitForTimeout(500);
  await capture(target, name);
}

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = await (
    stack.host.invoke as (c: string, ...a: unknown[]) => Promise<{ ok: boolean; value?: T; error?: unknown }>
  )(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function deploy(templateId: number, userVersion: string, autoRelease: boolean): Promise<void> {
  const job = await invoke<{ id: string }>('jobs:startDeploy', {
    templateId,
    appids: [appid],
    userVersion,
    userDesc: `build ${userVersion}`,
    canary: 0,
    autoRelease,
  });
  const done = await until(
    `deploy ${userVersion}`,
    async () => {
      const detail = await invoke<JobDetail>('jobs:get', job.id);
      return detail.status === 'finished' || detail.status === 'paused' ? detail : null;
    },
    2 * PATIENCE,
  );
  expect(done.items[0]?.state, JSON.stringify(done.items[0]?.error)).toBe(autoRelease ? 'released' : 'passed');
}

const row = (): Locator => page.locator(`[data-test=authorizer-row][data-appid="${appid}"]`);
const drawer = (): Locator => page.locator('[data-test=authorizer-drawer]');

async function goTo(route: string): Promise<void> {
  await page.evaluate(`window.location.hash = '#/${route}'`);
  await page.locator(`[data-test=page-${route}]`).waitFor({ timeout: PATIENCE });
}

async function openDrawer(): Promise<void> {
  await goTo('mini-programs');
  await page.locator('input[data-test=mp-search]').fill(name);
  await row().locator('.wx-link').click();
  await drawer().locator('[data-test=version-controls]').waitFor({ timeout: PATIENCE });
}

/** A confirmation box names the merchant; it is accepted. */
async function confirmNaming(text: string): Promise<void> {
  const box = page.locator('.el-message-box.wx-confirm');
  await box.waitFor({ timeout: PATIENCE });
  expect(await box.innerText()).toContain(text);
  await box.locator('.el-button--primary').click();
}

/** The success message an action ends in. */
async function success(text: string): Promise<void> {
  await page.locator('.el-message--success', { hasText: text }).first().waitFor({ timeout: PATIENCE });
}

const ledgerTop = async (): Promise<string> =>
  (await drawer().locator('[data-test=ledger-entry]').first().innerText()).replace(/\s+/g, ' ');

async function grayTo(percentage: number, testersFirst = false): Promise<void> {
  await drawer().locator('[data-test=gray-start]').click();
  const dialog = page.locator('[data-test=gray-dialog]');
  await dialog.waitFor({ timeout: PATIENCE });
  await dialog.locator('[data-test=gray-percentage] input, input[data-test=gray-percentage]').fill(String(percentage));
  if (testersFirst) await dialog.getByText('项目成员优先').click();
  await dialog.locator('[data-test=gray-submit]').click();
  await success(`${percentage}%`);
  await expect
    .poll(() => drawer().locator('[data-test=gray-state]').innerText(), { timeout: PATIENCE })
    .toBe(`灰度 ${percentage}%`);
  await expect
    .poll(() => row().locator('[data-test=row-gray]').innerText(), { timeout: PATIENCE })
    .toContain(`${percentage}%`);
  await expect.poll(ledgerTop, { timeout: PATIENCE }).toContain(`灰度 ${percentage}%`);
}

describe('gray release, rollback and service state through the console', () => {
  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'wxfleet-e2e-versions-'));
    stack = await startDemoStack({
      profileDir,
      keychain: keytarKeychain(),
      config: (demo) => ({ ...demo, vault: { ...demo.vault, keychainService: `wxfleet-e2e-v-${process.pid}` } }),
      rendererDir: join(ROOT, 'out/renderer'),
      prewire: true,
      sim: { privacyScanSeconds: 1, audit: { durationSeconds: 1 } },
    });
    const rows = await until(
      'the demo fleet',
      async () => {
        const synced = await invoke<AuthorizerRow[]>('authorizers:sync', null);
        return synced.some((r) => r.nickname === '光影时光摄影') ? synced : null;
      },
      2 * PATIENCE,
    );
    const target = rows.find((r) => r.nickname === '光影时光摄影');
    appid = target?.appid ?? '';
    name = target?.nickname ?? '';
    // Two releases of the booking build (it needs no privacy interface), then a third that passes and waits.
    await invoke('templates:sync');
    const library = await invoke<TemplateLibraryView>('templates:get');
    const draft = library.drafts.find((d) => d.userVersion === '2.1.1');
    const template = await invoke<{ templateId: number }>('templates:addDraft', draft?.draftId ?? -1);
    await deploy(template.templateId, '3.0.0', true);
    await deploy(template.templateId, '3.1.0', true);
    await deploy(template.templateId, '3.2.0', false);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(stack.host.loginUrl());
    await page.locator('[data-test=page-overview]').waitFor({ timeout: PATIENCE });
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('gray-releases at 10 % then 50 %, then releases to everyone', async () => {
    await openDrawer();
    expect(await drawer().locator('[data-test=gray-state]').innerText()).toBe('未灰度');
    await grayTo(10, true);
    await screenshot(page, 'zh-CN-drawer-gray-10');
    await grayTo(50);
    // A lower share is WeChat's refusal, said as such with what to do.
    await drawer().locator('[data-test=gray-start]').click();
    const dialog = page.locator('[data-test=gray-dialog]');
    await dialog.locator('[data-test=gray-percentage] input, input[data-test=gray-percentage]').fill('20');
    await dialog.locator('[data-test=gray-submit]').click();
    const refusal = page.locator('.el-notification', { hasText: '85082' }).first();
    await refusal.waitFor({ timeout: PATIENCE });
    expect(await refusal.innerText()).not.toMatch(/内部错误/);
    await screenshot(page, 'zh-CN-gray-refused');
    await dialog.getByRole('button', { name: '取消' }).click();

    await drawer().locator('[data-test=gray-full]').click();
    await confirmNaming(name);
    await success('已全量发布');
    await expect
      .poll(() => drawer().locator('[data-test=gray-state]').innerText(), { timeout: PATIENCE })
      .toBe('未灰度');
    await expect.poll(() => row().locator('[data-test=row-gray]').innerText(), { timeout: PATIENCE }).toBe('—');
    await expect.poll(() => row().locator('.c-version').innerText(), { timeout: PATIENCE }).toBe('3.2.0');
    await expect.poll(ledgerTop, { timeout: PATIENCE }).toContain('发布上线');
  }, 240_000);

  it('rolls back to a version chosen from WeChat’s history', async () => {
    await drawer().locator('[data-test=rollback]').click();
    const dialog = page.locator('[data-test=rollback-dialog]');
    await dialog.locator('[data-test="rollback-3.0.0"]').waitFor({ timeout: PATIENCE });
    expect(await dialog.locator('[data-test="rollback-3.1.0"]').count()).toBe(1);
    await dialog.locator('[data-test="rollback-3.0.0"]').click();
    await screenshot(page, 'zh-CN-rollback-dialog');
    await dialog.locator('[data-test=rollback-submit]').click();
    await success('已回退到 3.0.0');
    await expect.poll(() => row().locator('.c-version').innerText(), { timeout: PATIENCE }).toBe('3.0.0');
    await expect.poll(ledgerTop, { timeout: PATIENCE }).toMatch(/版本回退\s*3\.0\.0/);
    const ledger = await invoke<LedgerEntryView[]>('ledger:list', appid);
    expect(ledger.at(-1)).toMatchObject({ kind: 'revert', userVersion: '3.0.0' });

    // A second rollback is WeChat's refusal (87012), not an internal error.
    await drawer().locator('[data-test=rollback]').click();
    await dialog.locator('[data-test=rollback-submit]').click();
    const refusal = page.locator('.el-notification', { hasText: '87012' }).first();
    await refusal.waitFor({ timeout: PATIENCE });
    expect(await refusal.innerText()).toContain('不能回退');
    expect(await refusal.innerText()).not.toMatch(/内部错误/);
    await dialog.getByRole('button', { name: '取消' }).click();
  }, 180_000);

  it('closes and reopens the service after a confirmation naming the merchant', async () => {
    await drawer().locator('[data-test=service-close]').click();
    await confirmNaming(`暂停「${name}」的服务`);
    await success(`已暂停「${name}」的服务`);
    await expect
      .poll(() => drawer().locator('[data-test=service-state]').innerText(), { timeout: PATIENCE })
      .toBe('已暂停服务');
    await expect
      .poll(() => row().locator('[data-test=row-service]').innerText(), { timeout: PATIENCE })
      .toBe('已暂停服务');
    await expect.poll(ledgerTop, { timeout: PATIENCE }).toContain('已暂停服务');
    await screenshot(page, 'zh-CN-drawer-service-closed');
    const merchants = await stack.control<{ merchants: { apps: { appid: string; visitStatus: number }[] }[] }>(
      'GET',
      '/state',
    );
    expect(merchants.merchants.flatMap((m) => m.apps).find((a) => a.appid === appid)?.visitStatus).toBe(0);

    await drawer().locator('[data-test=service-open]').click();
    await confirmNaming(name);
    await success(`已恢复「${name}」的服务`);
    await expect.poll(() => row().locator('[data-test=row-service]').innerText(), { timeout: PATIENCE }).toBe('服务中');
    await expect.poll(ledgerTop, { timeout: PATIENCE }).toContain('已恢复服务');
    await page.keyboard.press('Escape');
  }, 180_000);

  it('runs a batch version job and shows every call and action in the Logs page', async () => {
    await goTo('mini-programs');
    await page.locator('input[data-test=mp-search]').fill(name);
    await row().locator('input[type=checkbox]').check();
    await page.locator('[data-test=version-batch]').click();
    const dialog = page.locator('[data-test=version-job-dialog]');
    await dialog.waitFor({ timeout: PATIENCE });
    await dialog.locator('[data-test=version-job-action]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '暂停服务' }).click();
    await screenshot(page, 'zh-CN-version-job-dialog');
    await dialog.locator('[data-test=version-job-start]').click();
    await confirmNaming(name);
    await page.locator('[data-test=page-jobs]').waitFor({ timeout: PATIENCE });
    const job = page.locator('[data-test=version-jobs-table] .el-table__row').first();
    await expect.poll(() => job.innerText(), { timeout: PATIENCE }).toContain('已完成');
    expect(await job.innerText()).toContain('暂停服务 · 1 个小程序');
    await screenshot(page, 'zh-CN-jobs-version-job');

    await goTo('logs');
    const calls = page.locator('[data-test=calls-table]');
    await expect.poll(() => calls.innerText(), { timeout: PATIENCE }).toContain('changeVisitStatus');
    expect(await calls.innerText()).toContain('87012');
    await page.locator('[data-test=logs-failed]').click();
    await expect.poll(() => calls.innerText(), { timeout: PATIENCE }).not.toContain('changeVisitStatus');
    await screenshot(page, 'zh-CN-logs-calls');
    expect(await page.content()).not.toMatch(/access_token=|authorizer_access_token/);
    await page.locator('.el-tabs__item', { hasText: '操作日志' }).click();
    const ops = page.locator('[data-test=operations-table]');
    await expect.poll(() => ops.innerText(), { timeout: PATIENCE }).toContain('版本回退');
    expect(await ops.innerText()).toContain(name);
    await screenshot(page, 'zh-CN-logs-operations');
  }, 180_000);

  it('shows the new pages and dialogs in English and in dark mode', async () => {
    await page.locator('[data-test=language] .el-radio-button', { hasText: 'English' }).click();
    await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: PATIENCE }).toBe('en');
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await page.locator('.el-radio-button', { hasText: 'Dark' }).click();
      const tag = `en${theme === 'dark' ? '-dark' : ''}`;
      await goTo('logs');
      await page.waitForTimeout(300);
      await screenshot(page, `${tag}-logs`);
      await goTo('jobs');
      await screenshot(page, `${tag}-jobs-version-job`);
      await goTo('events');
      await screenshot(page, `${tag}-events`);
      await openDrawer();
      await screenshot(page, `${tag}-drawer-versions`);
      await drawer().locator('[data-test=rollback]').click();
      await page.locator('[data-test=rollback-dialog] [data-test=rollback-submit]').waitFor({ timeout: PATIENCE });
      await screenshot(page, `${tag}-rollback-dialog`);
      await page.locator('[data-test=rollback-dialog]').getByRole('button', { name: 'Cancel' }).click();
      await page.keyboard.press('Escape');
    }
    await page.locator('[data-test=language] .el-radio-button', { hasText: '中文' }).click();
    await goTo('mini-programs');
    await screenshot(page, 'zh-CN-dark-mini-programs');
    await openDrawer();
    await screenshot(page, 'zh-CN-dark-drawer-versions');
  }, 180_000);
});
