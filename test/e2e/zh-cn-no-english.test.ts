/**
 * A zh-CN user reads no English: every page, a job with a pause and a failed item (its drawer), and the events page,
 * in real Chromium against the browser host, the simulator and a relay. The page text is scanned for English
 * sentences; screenshots are kept for the user guide.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeChannel, InvokeMap } from '@contract/ipc';
import type { JobDetail } from '@contract/release';
import { keytarKeychain } from '../../src-main/core/platform/vault/keytar-keychain.js';
import { englishSentences } from '../../src-renderer/src/testing/english-sentences.js';
import { startDemoStack } from '../../scripts/demo-stack.js';
import type { DemoStack } from '../../scripts/demo-stack.js';
import { applyGuidesThroughConsole } from './console-guide.js';
import { PAGES, PATIENCE, ROOT, goTo, launchChromium, screenshot, until } from './helpers.js';

let stack: DemoStack;
let browser: Browser;
let page: Page;
let profileDir: string;

async function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeMap[C]['args']
): Promise<InvokeMap[C]['result']> {
  const result = await stack.host.invoke(channel, ...args);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The page's visible text once nothing is loading any more. */
async function settledText(): Promise<string> {
  await page.locator('.el-skeleton, .el-loading-mask').first().waitFor({ state: 'detached', timeout: PATIENCE });
  return page.evaluate<string>('document.body.innerText');
}

const found: string[] = [];
async function scan(name: string): Promise<void> {
  const text = await settledText();
  for (const sentence of englishSentences(text)) found.push(`${name}: ${sentence}`);
  await screenshot(page, `zh-CN-codes-${name}`);
}

/** Opens the first mini-program's drawer and its rollback confirmation (an Element Plus popconfirm). */
/** The drawer's service confirmation: Element Plus' own message box, with its buttons in the UI language. */
async function openServiceConfirm(label: string): Promise<ReturnType<Page['locator']>> {
  await page.locator('[data-test=authorizer-row] .wx-link').first().click();
  const drawer = page.locator('[data-test=authorizer-drawer]');
  await drawer.waitFor({ timeout: PATIENCE });
  await drawer.getByRole('button', { name: label }).click();
  const confirm = page.locator('.el-message-box').filter({ visible: true }).first();
  await confirm.waitFor({ timeout: PATIENCE });
  return confirm;
}

describe('a zh-CN user reads no English', () => {
  let jobId = '';

  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'wxfleet-zh-'));
    stack = await startDemoStack({
      profileDir,
      keychain: keytarKeychain(),
      config: (demo) => ({ ...demo, vault: { ...demo.vault, keychainService: `wxfleet-zh-${process.pid}` } }),
      rendererDir: join(ROOT, 'out/renderer'),
      prewire: true,
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

  it('runs a job that pauses on its audit budget with an item failed on its ext_json', async () => {
    const rows = await until(
      'three mini-programs the console may deploy to',
      async () => {
        const synced = await stack.host.invoke('authorizers:sync', null);
        const usable = synced.ok ? synced.value.filter((r) => r.status === 'authorized' && r.canManageCode) : [];
        return usable.length >= 3 ? usable : null;
      },
      2 * PATIENCE,
    );
    const targets = rows.slice(0, 3).map((r) => r.appid);
    const [first, second, broken] = targets as [string, string, string];
    await applyGuidesThroughConsole(stack.host.invoke as Parameters<typeof applyGuidesThroughConsole>[0], [
      first,
      second,
    ]);

    const library = await invoke('templates:sync');
    const draft = library.drafts.find((d) => d.userVersion === '2.1.1');
    expect(draft).toBeDefined();
    const template = await invoke('templates:addDraft', draft!.draftId);
    await invoke('extjson:save', {
      templateId: template.templateId,
      base: '{"extEnable":true,"extAppid":"{{appid}}","ext":{}}',
      // This merchant's ext_json names another mini-program: refused before anything is sent.
      merchants: { [broken]: { variables: {}, override: '{"extAppid":"wx0000000000000000"}' } },
    });
    const job = await invoke('jobs:startDeploy', {
      templateId: template.templateId,
      appids: [broken, first, second],
      userVersion: '2.1.1',
      userDesc: '预约功能上线',
      canary: 0,
      autoRelease: false,
      concurrency: 1,
      auditBudget: 1,
    });
    jobId = job.id;
    const paused = await until(
      'the job paused with a failed item',
      async () => {
        const detail: JobDetail = await invoke('jobs:get', jobId);
        return detail.status === 'paused' && detail.items.some((i) => i.state === 'failed') ? detail : null;
      },
      2 * PATIENCE,
    );
    expect(paused.pauseReason).toEqual({ code: 'pause_budget_spent', params: { budget: 1 } });
    expect(paused.items.find((i) => i.appid === broken)?.error).toMatchObject({ code: 'ext_json_invalid' });
  }, 300_000);

  it('shows every page, the paused job, its failed item and the events in Chinese only', async () => {
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    for (const route of PAGES) {
      await goTo(page, route);
      if (route === 'overview') await page.locator('[data-test=attention]').first().waitFor({ timeout: PATIENCE });
      if (route === 'events') await page.locator('[data-test=event-summary]').first().waitFor({ timeout: PATIENCE });
      if (route === 'settings') {
        await page.locator('[data-test=test-connection]').click();
        const outcome = page.locator('[data-test=connection-ok], [data-test=connection-failed]').first();
        await outcome.waitFor({ timeout: PATIENCE });
        // The screenshot shows the hops and their fixes, not the top of the form.
        await outcome.scrollIntoViewIfNeeded();
      }
      if (route === 'mini-programs') {
        await page.locator('[data-test=authorizer-row]').first().waitFor({ timeout: PATIENCE });
        await scan(route);
        const confirm = await openServiceConfirm('暂停服务');
        // Element Plus' own buttons speak Chinese too (its zh-CN locale).
        expect(await confirm.innerText()).toMatch(/取消[\s\S]*确定/);
        await scan('mini-program-drawer');
        await confirm.getByRole('button', { name: '取消' }).click();
        await page.locator('[data-test=authorizer-drawer] .el-drawer__close-btn').click();
        await page.locator('[data-test=authorizer-drawer]').waitFor({ state: 'hidden', timeout: PATIENCE });
        continue;
      }
      if (route === 'jobs') {
        await page.locator('[data-test=pause-reason]').first().waitFor({ timeout: PATIENCE });
        await scan('jobs-paused');
        await page.locator('[data-test=jobs-table] .el-table__row').first().click();
        await page.locator('[data-test=item-error]').first().waitFor({ timeout: PATIENCE });
        await scan('job-failed-item');
        await page.locator('[data-test=job-drawer] .el-drawer__close-btn').click();
        await page.locator('[data-test=item-error]').first().waitFor({ state: 'hidden', timeout: PATIENCE });
        continue;
      }
      await scan(route);
    }
    const pause = await page.evaluate<string>('document.body.innerText');
    expect(pause).not.toContain('pause_budget_spent');
    expect(found).toEqual([]);
  }, 240_000);

  it('follows the language switch: the same job reads in English, Element Plus included', async () => {
    await page.locator('[data-test=language] .el-radio-button', { hasText: 'English' }).click();
    await expect.poll(() => page.evaluate<string>('document.documentElement.lang'), { timeout: PATIENCE }).toBe('en');
    await goTo(page, 'jobs');
    const reason = page.locator('[data-test=pause-reason]').first();
    await expect.poll(() => reason.innerText(), { timeout: PATIENCE }).toContain('The job spent the 1 audits');
    await goTo(page, 'mini-programs');
    const confirm = await openServiceConfirm('Suspend service');
    expect(await confirm.innerText()).toMatch(/Cancel[\s\S]*OK/);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
  }, 120_000);
});
