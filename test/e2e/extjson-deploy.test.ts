/**
 * ext_json through the console, in real Chromium against the demo stack: template 1.4.0 (its code uses getLocation
 * and chooseAddress) gets a base that declares them and a per-merchant variable in the ext_json editor, the preview
 * shows each mini-program's ext_json and its diff against what runs; two merchants in different service categories
 * are deployed from the dialog with a per-merchant cell and a preview of the submission; each is submitted under its
 * own category and passes; the drawer shows the merchant's cells. Screenshots in zh-CN, English and dark mode.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizerRow } from '@contract/fleet';
import type { JobDetail, TemplateLibraryView } from '@contract/release';
import { categoryNamed } from '../../simulator/src/state/category-catalogue.js';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { startDemoStack } from '../../scripts/demo-stack.js';
import type { DemoStack } from '../../scripts/demo-stack.js';
import { PATIENCE, ROOT, goTo, launchChromium, screenshot, until } from './helpers.js';

let stack: DemoStack;
let browser: Browser;
let page: Page;
let profileDir: string;

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = await (
    stack.host.invoke as (c: string, ...a: unknown[]) => Promise<{ ok: boolean; value?: T; error?: unknown }>
  )(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The same view in Chinese, in English and in dark mode (then back to Chinese and light). */
async function threeWays(name: string, ready: Locator): Promise<void> {
  const pick = async (group: string, text: string): Promise<void> => {
    // A modal covers the header: the click goes to the switch itself, as a keyboard user's would.
    await page.locator(`.wx-header ${group} .el-radio-button`, { hasText: text }).dispatchEvent('click');
  };
  // Element Plus animates colours on a theme switch: a screenshot waits until nothing is moving.
  const settled = (): Promise<void> =>
    expect.poll(() => page.evaluate('document.getAnimations().length'), { timeout: PATIENCE }).toBe(0);
  await ready.waitFor({ timeout: PATIENCE });
  await settled();
  await screenshot(page, `zh-CN-${name}`);
  await pick('[data-test=language]', 'English');
  await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: PATIENCE }).toBe('en');
  await settled();
  await screenshot(page, `en-${name}`);
  await pick('.el-radio-group:not([data-test=language])', 'Dark');
  await expect.poll(() => page.evaluate('document.documentElement.className'), { timeout: PATIENCE }).toContain('dark');
  await settled();
  await screenshot(page, `dark-${name}`);
  await pick('.el-radio-group:not([data-test=language])', 'Light');
  await pick('[data-test=language]', '中文');
  await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: PATIENCE }).toBe('zh-CN');
}

describe('ext_json edited and deployed through the console', () => {
  const apps: Record<string, string> = {};
  let templateId = 0;

  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'wxfleet-e2e-ext-'));
    stack = await startDemoStack({
      profileDir,
      keychain: keytarKeychain(),
      config: (demo) => ({ ...demo, vault: { ...demo.vault, keychainService: `wxfleet-e2e-ext-${process.pid}` } }),
      rendererDir: join(ROOT, 'out/renderer'),
      prewire: true,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(stack.host.loginUrl());
    await page.locator('[data-test=page-overview]').waitFor({ timeout: PATIENCE });
    const rows = await until(
      'the demo fleet',
      async () => {
        const list = await invoke<AuthorizerRow[]>('authorizers:sync', null).catch(() => []);
        return list.length >= 10 ? list : null;
      },
      2 * PATIENCE,
    );
    for (const row of rows) apps[row.nickname] = row.appid;
    const library = await invoke<TemplateLibraryView>('templates:sync');
    templateId = library.templates.find((t) => t.userVersion === '1.4.0')?.templateId ?? 0;
    expect(templateId).toBeGreaterThan(0);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('edits the template base and a merchant variable, and previews each ext_json with its diff', async () => {
    await goTo(page, 'templates');
    await page.locator(`[data-test=extjson-${templateId}]`).click();
    const editor = page.locator('[data-test=extjson-editor]');
    const base = editor.locator('textarea[data-test=extjson-base]');
    await base.waitFor({ timeout: PATIENCE });
    await base.fill(
      JSON.stringify(
        {
          extEnable: true,
          extAppid: '{{appid}}',
          ext: { shopName: '{{nickname}}', slogan: '{{slogan}}' },
          requiredPrivateInfos: ['getLocation', 'chooseAddress'],
        },
        null,
        2,
      ),
    );
    await editor.locator('.el-tabs__item', { hasText: '按小程序' }).click();
    const fruit = apps['鲜果时光']!;
    const takeaway = apps['老王家外卖']!;
    for (const [appid, slogan] of [
      [fruit, '当季鲜果 · 30 分钟送达'],
      [takeaway, '牛肉面外卖 "加辣"'],
    ] as const) {
      const cell = editor.locator(`textarea[data-test=vars-${appid}]`);
      await cell.fill(`slogan=${slogan}`);
      await cell.blur();
    }
    await editor.locator('[data-test=extjson-preview]').click();
    const card = editor.locator(`[data-test=preview-${fruit}]`);
    await card.waitFor({ timeout: PATIENCE });
    expect(await card.locator('[data-test=preview-invalid]').count(), await card.innerText()).toBe(0);
    await expect.poll(() => card.locator('[data-test=preview-diff]').innerText()).toContain('当季鲜果');
    // A merchant without the variable is named with what is missing, before anything is sent.
    const other = editor.locator(`[data-test=preview-${apps['光影时光摄影']!}] [data-test=preview-errors]`);
    await expect.poll(() => other.innerText(), { timeout: PATIENCE }).toContain('{{slogan}}');
    await threeWays('extjson-editor', card);
    await editor.locator('[data-test=extjson-save]').click();
    await page.keyboard.press('Escape');
    const saved = await invoke<{ merchants: Record<string, { variables: Record<string, string> }> }>(
      'extjson:get',
      templateId,
    );
    expect(saved.merchants[takeaway]?.variables).toEqual({ slogan: '牛肉面外卖 "加辣"' });
  }, 240_000);

  it('deploys to two merchants in different categories with a per-merchant cell; each is submitted under its own', async () => {
    const fruit = apps['鲜果时光']!;
    const takeaway = apps['老王家外卖']!;
    await goTo(page, 'mini-programs');
    for (const appid of [fruit, takeaway])
      await page.locator(`[data-test=authorizer-row][data-appid="${appid}"] input[type=checkbox]`).check();
    await page.locator('[data-test=deploy-selected]').click();
    const dialog = page.locator('[data-test=deploy-dialog]');
    await dialog.waitFor({ timeout: PATIENCE });
    await dialog.locator('[data-test=deploy-template]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: `#${templateId} ` }).click();
    await dialog.locator('[data-test=deploy-extjson] .el-collapse-item__header').click();
    const override = dialog.locator(`textarea[data-test=override-${fruit}]`);
    await override.waitFor({ timeout: PATIENCE });
    await override.fill('{"window":{"navigationBarTitleText":"鲜果时光 · 新品"}}');
    await override.blur();
    await dialog.locator('[data-test=deploy-preview]').click();
    const submitted = dialog.locator(`[data-test=preview-${fruit}] [data-test=preview-submit-item]`);
    await expect.poll(() => submitted.innerText(), { timeout: PATIENCE }).toContain('食品');
    await expect
      .poll(() => dialog.locator(`[data-test=preview-${takeaway}] [data-test=preview-submit-item]`).innerText())
      .toContain('餐饮');
    await expect.poll(() => dialog.locator('[data-test=deploy-preview-summary]').innerText()).toMatch(/通过检查/);
    await threeWays('deploy-dialog-extjson', submitted);
    await dialog.locator('[data-test=deploy-start]').click();
    await page.locator('[data-test=page-jobs]').waitFor({ timeout: PATIENCE });

    const jobId = (await invoke<{ id: string }[]>('jobs:list'))[0]!.id;
    await until(
      'both under audit',
      async () =>
        (await invoke<JobDetail>('jobs:get', jobId)).items.every((i) => ['auditing', 'passed'].includes(i.state)),
      2 * PATIENCE,
    );
    await stack.control('POST', '/clock/advance', { seconds: 30 });
    const job = await until(
      'both passed',
      async () => {
        const detail = await invoke<JobDetail>('jobs:get', jobId);
        return detail.status === 'finished' ? detail : null;
      },
      2 * PATIENCE,
    );
    expect(job.counts).toEqual({ passed: 2 });
    const state = await stack.control<{
      merchants: { apps: { appid: string; latestAudit: { categories: unknown[] } | null }[] }[];
    }>('GET', '/state');
    const audits = new Map(state.merchants.flatMap((m) => m.apps).map((a) => [a.appid, a.latestAudit]));
    expect(audits.get(fruit)?.categories).not.toEqual(audits.get(takeaway)?.categories);

    // The dialog opened the new job's drawer.
    const drawer = page.locator('[data-test=job-drawer]');
    await drawer.locator('[data-test=item-state]').first().waitFor({ timeout: PATIENCE });
    await threeWays('job-drawer-extjson', drawer.locator('[data-test=item-state]').first());
    await page.keyboard.press('Escape');
  }, 300_000);

  it('shows the merchant’s cells and what it runs in its drawer', async () => {
    const fruit = apps['鲜果时光']!;
    await goTo(page, 'mini-programs');
    await page.locator(`[data-test=authorizer-row][data-appid="${fruit}"] .wx-link`).click();
    const panel = page.locator('[data-test=authorizer-drawer] [data-test=drawer-extjson]');
    const vars = panel.locator(`textarea[data-test=vars-${fruit}]`);
    await vars.waitFor({ timeout: PATIENCE });
    await panel.locator('[data-test=drawer-extjson-preview]').click();
    await panel.locator(`[data-test=preview-${fruit}]`).waitFor({ timeout: PATIENCE });
    await panel.locator(`[data-test=preview-${fruit}]`).scrollIntoViewIfNeeded();
    await threeWays('drawer-extjson', panel.locator(`[data-test=preview-${fruit}]`));
    expect(await vars.inputValue()).toBe('slogan=当季鲜果 · 30 分钟送达');
    await page.keyboard.press('Escape');
    await page.locator('[data-test=authorizer-drawer]').waitFor({ state: 'hidden', timeout: PATIENCE });
  }, 180_000);
  it('a rejection is read safely, fixed with the merchant’s own category, and re-submitted with feedback; the release leaves the passed queue', async () => {
    const yoga = apps['青禾瑜伽约课']!;
    const library = await invoke<TemplateLibraryView>('templates:get');
    const booking = library.templates.find((t) => t.userVersion === '2.1.0')!.templateId;
    const job = await invoke<{ id: string }>('jobs:startDeploy', {
      templateId: booking,
      appids: [yoga],
      userVersion: '2.1.0',
      userDesc: '预约',
      canary: 0,
      autoRelease: false,
      auditBudget: 2,
    });
    const itemIs = (states: string[]) => async () =>
      states.includes((await invoke<JobDetail>('jobs:get', job.id)).items[0]?.state ?? '');
    await until('under audit', itemIs(['auditing']), 2 * PATIENCE);
    await stack.control('POST', '/clock/advance', { seconds: 30 });
    // The yoga studio's only category is 工具; its service is 体育: the reviewer rejects it.
    await until('rejected', itemIs(['rejected']), 2 * PATIENCE);

    await goTo(page, 'jobs');
    await page.locator('.el-table__row', { hasText: '2.1.0' }).first().click();
    const reason = page.locator('[data-test=job-drawer] [data-test=item-reason]');
    await expect.poll(() => reason.innerText(), { timeout: PATIENCE }).toContain('体育');
    const text = await reason.innerText();
    expect(text).not.toMatch(/<br>|&quot;|&lt;/);
    expect(text.split('\n').length).toBeGreaterThan(1);
    expect(await page.locator('[data-test=job-drawer] [data-test=item-retry]').innerText()).toMatch(/重新提审/);
    await page.keyboard.press('Escape');

    // The merchant adds the category on WeChat; staff choose it as this mini-program's own in its drawer.
    await stack.control('POST', '/app/update', {
      appid: yoga,
      categories: [categoryNamed('工具', '效率'), categoryNamed('体育', '体育场馆服务')],
    });
    await goTo(page, 'mini-programs');
    await page.locator(`[data-test=authorizer-row][data-appid="${yoga}"] .wx-link`).click();
    const panel = page.locator('[data-test=authorizer-drawer] [data-test=drawer-extjson]');
    await panel.locator('[data-test=drawer-extjson-preview]').click();
    await panel.locator(`[data-test=preview-${yoga}]`).waitFor({ timeout: PATIENCE });
    await panel.locator(`[data-test=own-submit-${yoga}]`).click();
    const own = page.locator('[data-test=own-submit-dialog]');
    await own.locator('[data-test=submit-category]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '体育' }).click();
    await own.locator('input[data-test=submit-title]').fill('约课首页');
    await threeWays('own-submit-profile', own.locator('[data-test=submit-category]'));
    await own.locator('[data-test=own-submit-keep]').click();
    await panel.locator('[data-test=drawer-extjson-preview]').click();
    await expect
      .poll(() => panel.locator(`[data-test=preview-${yoga}] [data-test=preview-submit-item]`).innerText(), {
        timeout: PATIENCE,
      })
      .toContain('体育');
    await page.keyboard.press('Escape');

    await goTo(page, 'jobs');
    await page.locator('.el-table__row', { hasText: '2.1.0' }).first().locator('[data-test=job-retry]').click();
    const dialog = page.locator('[data-test=retry-dialog]');
    await dialog
      .locator('textarea[data-test=retry-feedback]')
      .fill('已补充「体育-体育场馆服务」类目，提审时选择该类目。');
    await threeWays('job-retry-dialog', dialog.locator('textarea[data-test=retry-feedback]'));
    await dialog.locator('[data-test=retry-confirm]').click();
    await until('under audit again', itemIs(['auditing']), 2 * PATIENCE);
    await stack.control('POST', '/clock/advance', { seconds: 30 });
    await until('passed', itemIs(['passed']), 2 * PATIENCE);
    const state = await stack.control<{
      merchants: { apps: { appid: string; latestAudit: { feedbackInfo: string | null } | null }[] }[];
    }>('GET', '/state');
    const audit = state.merchants.flatMap((m) => m.apps).find((a) => a.appid === yoga)?.latestAudit;
    expect(audit?.feedbackInfo).toContain('体育场馆服务');

    await goTo(page, 'audits');
    await page.locator('.el-tabs__item', { hasText: '审核通过' }).click();
    await page.locator(`[data-test=release-${yoga}]`).click();
    await page.locator('.el-tabs__item', { hasText: '已发布' }).click();
    const releasedRow = page.locator('[data-test=audit-table] .el-table__row', { hasText: yoga });
    await releasedRow.waitFor({ timeout: PATIENCE });
    await page.locator('.el-tabs__item', { hasText: '审核通过' }).click();
    expect(await page.locator(`[data-test=release-${yoga}]`).count()).toBe(0);
    await page.locator('.el-tabs__item', { hasText: '已发布' }).click();
    await threeWays('audits-released', releasedRow);
  }, 300_000);
});
