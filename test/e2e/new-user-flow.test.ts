/**
 * A new user's first session, in real Chromium against the browser host, the simulator and a relay:
 * first start → settings → connection test green → invite → authorize on the simulator's page → the mini-program
 * appears → draft added to the library → batch deploy to 10 → results arrive, one rejected with reason and
 * screenshot → release what passed → the ledger shows it. Screenshots of every page in zh-CN and English; no secret
 * ever appears in the page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail } from '@contract/release';
import { ICP_STATUS } from '@wxfleet/protocol';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { startDemoStack } from '../../scripts/demo-stack.js';
import type { DemoStack } from '../../scripts/demo-stack.js';
import { applyGuidesThroughConsole } from './console-guide.js';
import { PAGES, PATIENCE, ROOT, assertNoSecrets, goTo, launchChromium, screenshot, until } from './helpers.js';

let stack: DemoStack;
let browser: Browser;
let page: Page;
let profileDir: string;
const secrets: string[] = [];

async function checkNoSecrets(): Promise<void> {
  const state = await stack.control<{ apps?: { authorization?: { refreshToken?: string } }[] }>('GET', '/state');
  const refreshTokens =
    JSON.stringify(state).match(/refreshtoken@@@[A-Za-z0-9_-]+|"refresh_?[tT]oken":"([^"]+)"/g) ?? [];
  assertNoSecrets(await page.content(), [...secrets, ...refreshTokens.map((t) => t.replace(/^.*":"|"$/g, ''))]);
}

async function invoke<T>(channel: Parameters<DemoStack['host']['invoke']>[0], ...args: unknown[]): Promise<T> {
  const result = await (
    stack.host.invoke as (c: string, ...a: unknown[]) => Promise<{ ok: boolean; value?: T; error?: unknown }>
  )(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

interface SimCategory {
  first_id: number;
  second_id: number;
  audit_status: number;
}
interface SimApp {
  appid: string;
  icp: { status: number };
  categories: SimCategory[];
  serviceCategory?: { first_id: number; second_id: number } | null;
}

function readyAsIs(app: SimApp): boolean {
  const approved = app.categories.filter((c) => c.audit_status === 3);
  const service = app.serviceCategory;
  const matches =
    !service || approved.some((c) => c.first_id === service.first_id && c.second_id === service.second_id);
  return app.icp.status === ICP_STATUS.filed && approved.length > 0 && matches;
}

describe('a new user, end to end', () => {
  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'wxfleet-e2e-'));
    stack = await startDemoStack({
      profileDir,
      keychain: keytarKeychain(),
      config: (demo) => ({ ...demo, vault: { ...demo.vault, keychainService: `wxfleet-e2e-${process.pid}` } }),
      rendererDir: join(ROOT, 'out/renderer'),
      prewire: false,
    });
    secrets.push(
      stack.platform.componentAppsecret,
      stack.platform.encodingAESKey,
      stack.platform.token,
      stack.deviceToken,
    );
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

  it('enters the settings and gets a green connection test', async () => {
    await goTo(page, 'settings');
    await screenshot(page, 'zh-CN-settings-first-start');
    await page.locator('input[data-test=component-appid]').fill(stack.platform.componentAppid);
    await page.locator('input[data-test=secret-appsecret]').fill(stack.platform.componentAppsecret);
    await page.locator('input[data-test=secret-token]').fill(stack.platform.token);
    await page.locator('input[data-test=secret-encodingAESKey]').fill(stack.platform.encodingAESKey);
    await page.locator('[data-test=save-platform]').click();
    await expect
      .poll(() => page.locator('[data-test=flag-appsecret]').innerText(), { timeout: PATIENCE })
      .toMatch(/已设置/);
    await page.locator('input[data-test=relay-url]').fill(stack.relayUrl);
    await page.locator('input[data-test=secret-deviceToken]').fill(stack.deviceToken);
    await page.locator('[data-test=save-relay]').click();
    // The write-only fields are cleared after saving: the page never holds a secret again.
    await expect
      .poll(() => page.locator('input[data-test=secret-deviceToken]').inputValue(), { timeout: PATIENCE })
      .toBe('');
    await checkNoSecrets();

    await until(
      'a green connection test',
      async () => {
        await page.locator('[data-test=test-connection]').click();
        await page
          .locator('[data-test=connection-ok], [data-test=connection-failed]')
          .first()
          .waitFor({ timeout: PATIENCE });
        return (await page.locator('[data-test=connection-ok]').count()) > 0;
      },
      2 * PATIENCE,
    );
    // The user guide shows this screenshot: the green hops, not the top of the page.
    await page.locator('[data-test=connection-ok]').scrollIntoViewIfNeeded();
    await screenshot(page, 'zh-CN-settings-connection-green');
  }, 240_000);

  it('invites a merchant who authorizes on the simulator page, and the mini-program appears', async () => {
    await goTo(page, 'onboarding');
    await page.locator('input[data-test=invite-note]').fill('福满楼酒家');
    await page.locator('[data-test=invite-create]').click();
    const link = (await page.locator('[data-test=invite-pc-url]').first().innerText()).trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/authorize\//);
    await screenshot(page, 'zh-CN-onboarding-invitation');

    const merchant = await browser.newPage();
    await merchant.goto(link);
    await merchant.locator('#authorize').click();
    const unauthorized = merchant.locator('label:not(:has-text("已授权")) input[name=appid]').first();
    const appid = await unauthorized.getAttribute('value');
    await unauthorized.check();
    await merchant.locator('button[type=submit]').click();
    await merchant.waitForLoadState();
    await merchant.close();
    expect(appid).toBeTruthy();

    await goTo(page, 'mini-programs');
    await page.locator('[data-test=sync-all]').click();
    await page.locator(`[data-test=authorizer-row][data-appid="${appid}"]`).waitFor({ timeout: PATIENCE });
    await until(
      'ten authorized mini-programs',
      async () => (await page.locator('[data-test=authorizer-row]').count()) >= 10,
      PATIENCE,
    );
  }, 180_000);

  it('adds a draft to the library', async () => {
    await goTo(page, 'templates');
    await page.locator('[data-test=templates-sync]').click();
    // The booking build 2.1.1 uses no privacy API beyond the user info every mini-program declares.
    const draft = page
      .locator('[data-test=drafts] .el-table__row', { hasText: '2.1.1' })
      .locator('[data-test^=add-draft-]');
    await draft.waitFor({ timeout: PATIENCE });
    const before = await page.locator('[data-test=templates] .el-table__row').count();
    await draft.click();
    await until(
      'the new template',
      async () => (await page.locator('[data-test=templates] .el-table__row').count()) > before,
      PATIENCE,
    );
  }, 180_000);

  let jobId = '';
  let rejectedAppid = '';

  it('deploys to ten mini-programs; one is rejected with a reason and screenshots', async () => {
    const rows = await invoke<{ appid: string; status: string }[]>('authorizers:list', {});
    // This flow deploys to mini-programs WeChat would take as they are: ICP-filed (08 H7) and with an approved
    // category that matches their service. The demo's problem merchants are the readiness flow's business.
    const sim = await stack.control<{ merchants: { apps: SimApp[] }[] }>('GET', '/state');
    const ready = new Set(sim.merchants.flatMap((m) => m.apps).flatMap((a) => (readyAsIs(a) ? [a.appid] : [])));
    const targets = rows
      .filter((r) => r.status === 'authorized' && ready.has(r.appid))
      .slice(0, 10)
      .map((r) => r.appid);
    expect(targets).toHaveLength(10);
    rejectedAppid = targets[3]!;
    await applyGuidesThroughConsole(stack.host.invoke as Parameters<typeof applyGuidesThroughConsole>[0], targets);
    await stack.control('POST', '/audit/decide', {
      outcome: 'fail',
      appid: rejectedAppid,
      reason: '<p>小程序页面存在<b>诱导分享</b>内容</p><script>alert(1)</script>',
      screenshots: 1,
    });

    await goTo(page, 'mini-programs');
    for (const appid of targets)
      await page.locator(`[data-test=authorizer-row][data-appid="${appid}"] input[type=checkbox]`).check();
    await page.locator('[data-test=deploy-selected]').click();
    const dialog = page.locator('[data-test=deploy-dialog]');
    await dialog.waitFor({ timeout: PATIENCE });
    const library = await invoke<{ templates: { templateId: number; createTime: number }[] }>('templates:get');
    const newest = [...library.templates].sort((a, b) => b.createTime - a.createTime)[0]!;
    await dialog.locator('[data-test=deploy-template]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: `#${newest.templateId} ` }).click();
    await screenshot(page, 'zh-CN-deploy-dialog');
    await dialog.locator('[data-test=deploy-start]').click();
    await page.locator('[data-test=page-jobs]').waitFor({ timeout: PATIENCE });

    const jobs = await invoke<{ id: string }[]>('jobs:list');
    jobId = jobs[0]!.id;
    // Audits take 20 s of simulated time; move the simulator's clock once everything is under audit.
    await until(
      'every item under audit',
      async () => {
        const job = await invoke<JobDetail>('jobs:get', jobId);
        return job.items.every((i) => ['auditing', 'passed', 'rejected', 'failed'].includes(i.state));
      },
      2 * PATIENCE,
    );
    await stack.control('POST', '/clock/advance', { seconds: 30 });
    const settled = async (): Promise<JobDetail | null> => {
      const job = await invoke<JobDetail>('jobs:get', jobId);
      return job.items.every((i) => ['passed', 'rejected', 'failed'].includes(i.state)) ? job : null;
    };
    const final = await until('audit results from the pushes', settled, PATIENCE);
    await goTo(page, 'jobs');
    expect(final.items.filter((i) => i.state === 'rejected').map((i) => i.appid)).toEqual([rejectedAppid]);
    expect(
      final.items.filter((i) => i.state === 'passed'),
      'every other item passed',
    ).toHaveLength(9);
    await screenshot(page, 'zh-CN-jobs-results');

    await goTo(page, 'audits');
    await page.locator('.el-tabs__item', { hasText: '已驳回' }).click();
    const reason = page.locator('[data-test=audit-reason]').first();
    await expect.poll(() => reason.innerText(), { timeout: PATIENCE }).toContain('诱导分享');
    expect(await page.locator('.wx-safe-html script').count()).toBe(0);
    await page
      .locator('.el-table__row', { hasText: rejectedAppid })
      .getByRole('button', { name: /查看截图/ })
      .click({ timeout: PATIENCE });
    await page.locator('[data-test=audit-screenshot]').first().waitFor({ timeout: PATIENCE });
    await screenshot(page, 'zh-CN-audits-rejected');
  }, 300_000);

  it('releases what passed, and the ledger shows it', async () => {
    await page.locator('.el-tabs__item', { hasText: '审核通过' }).click();
    const buttons = page.locator('[data-test^=release-]');
    await until('passed audits', async () => (await buttons.count()) > 0, PATIENCE);
    expect(await buttons.count(), 'nine passed audits to release').toBe(9);
    const passed = (await buttons.evaluateAll((list) => list.map((b) => b.getAttribute('data-test') ?? ''))).map((t) =>
      t.replace('release-', ''),
    );
    // Each click is done when the version is online: the button's spinner may not have appeared yet when looked at.
    const online = async (appid: string): Promise<boolean> => {
      const rows = await invoke<{ appid: string; online: { userVersion: string } | null }[]>('authorizers:list', {});
      return rows.find((r) => r.appid === appid)?.online?.userVersion === '2.1.1';
    };
    for (const appid of passed) {
      await page.locator(`[data-test=release-${appid}]`).click();
      await until(`${appid} online`, () => online(appid), PATIENCE);
    }
    const released = passed[0]!;

    await goTo(page, 'mini-programs');
    await page.locator(`[data-test=authorizer-row][data-appid="${released}"] .wx-link`).click();
    const drawer = page.locator('[data-test=authorizer-drawer]');
    await expect
      .poll(() => drawer.locator('[data-test=ledger-entry]').allInnerTexts(), { timeout: PATIENCE })
      .toContainEqual(expect.stringContaining('发布上线'));
    await screenshot(page, 'zh-CN-ledger');
    await page.keyboard.press('Escape');
  }, 240_000);

  it('shows every page in Chinese and in English without a secret in the page', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      await page
        .locator('[data-test=language] .el-radio-button', { hasText: language === 'en' ? 'English' : '中文' })
        .click();
      await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: PATIENCE }).toBe(language);
      for (const route of PAGES) {
        await goTo(page, route);
        await page.waitForTimeout(400);
        await checkNoSecrets();
        await screenshot(page, `${language}-${route}`);
      }
    }
    // The language is a saved preference, so it survives a reload.
    await page.reload();
    await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: PATIENCE }).toBe('en');
  }, 180_000);
});
