/**
 * The mini-program list in headless Chromium at several fleet sizes: first render (route change → rows painted,
 * including the fetch of all rows) and filter latency (keystroke → filtered rows painted). The renderer is the
 * production build behind the browser host; the core is replaced by a handler table serving generated rows. Sizes
 * are interleaved round by round, a 500-row list being the baseline each size is compared with.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/helpers/chromium.js';
import type { AuthorizerRow } from '../src-main/contract/fleet.js';
import type { SettingsView } from '../src-main/contract/settings.js';
import { startWebHost } from '../src-main/web-host/server.js';
import type { BenchRow } from './bench-row.js';
import { median } from './rounds.js';

const BASELINE_ROWS = 500;
const SIZES = [5_000, 50_000];
const ROUNDS = 5;
const GOALS: Record<number, { first: string; filter: string }> = {
  5_000: { first: '≤ 200 ms', filter: '≤ 50 ms' },
  50_000: { first: '≤ 400 ms', filter: '≤ 150 ms' },
};

export function rows(count: number): AuthorizerRow[] {
  const hex = (n: number): string => n.toString(16).padStart(16, '0');
  return Array.from({ length: count }, (_, i) => ({
    appid: `wx${hex(i + 1)}`,
    nickname: `门店 ${i} ${['牛肉面', '烘焙', '瑜伽', '美甲', '宠物'][i % 5]}`,
    userName: `gh_${hex(i).slice(4)}`,
    principal: `商户 ${i % 700}`,
    status: i % 50 === 0 ? 'needs_reauth' : 'authorized',
    statusReason: null,
    gray: null,
    service: 'open',
    canManageCode: true,
    tags: i % 3 === 0 ? ['华东'] : ['华南'],
    online: { templateId: 1 + (i % 3), userVersion: `1.${i % 4}.0`, userDesc: '', at: null },
    audit: null,
    drift: i % 7 === 0,
    updatedAt: new Date(0).toISOString(),
  }));
}

export const settings: SettingsView = {
  profile: 'bench',
  demo: true,
  platform: {
    componentAppid: '',
    appsecretSet: false,
    tokenSet: false,
    encodingAESKeySet: false,
    previousEncodingAESKeySet: false,
  },
  relay: { url: '', deviceTokenSet: false },
  egress: 'relay',
  language: 'zh-CN',
  theme: 'light',
};

interface Timing {
  firstRender: number;
  filter: number;
}

async function timeList(browser: Browser, loginUrl: string, count: number): Promise<Timing> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(loginUrl);
    await page.locator('[data-test=page-overview]').waitFor();
    // Timed inside the page: route change → the count shows every row and a frame with rows was painted.
    const firstRender = await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      window.location.hash = '#/mini-programs';
      const check = () => {
        const count = document.querySelector('[data-test=mp-count]');
        if (count && count.textContent.includes('${count}') && document.querySelector('[data-test=authorizer-row]'))
          requestAnimationFrame(() => resolve(performance.now() - start));
        else requestAnimationFrame(check);
      };
      check();
    })`);
    const filters: number[] = [];
    for (const needle of ['牛肉面', '门店 42', 'wx00000000000013']) {
      filters.push(
        await page.evaluate(`new Promise((resolve) => {
          const input = document.querySelector('input[data-test=mp-search]');
          const count = document.querySelector('[data-test=mp-count]');
          const before = count.textContent;
          const start = performance.now();
          input.value = ${JSON.stringify(needle)};
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const check = () => {
            if (count.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - start));
            else requestAnimationFrame(check);
          };
          check();
        })`),
      );
      await page.evaluate(`new Promise((resolve) => {
        const input = document.querySelector('input[data-test=mp-search]');
        const count = document.querySelector('[data-test=mp-count]');
        const before = count.textContent;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => (count.textContent !== before ? resolve(0) : requestAnimationFrame(check));
        check();
      })`);
    }
    return { firstRender: firstRender as number, filter: median(filters) };
  } finally {
    await page.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const data = new Map([BASELINE_ROWS, ...SIZES].map((count) => [count, rows(count)]));
  let current: AuthorizerRow[] = [];
  const host = await startWebHost({
    rendererDir: join(import.meta.dirname, '../out/renderer'),
    handlers: {
      'settings:get': async () => settings,
      'authorizers:list': async () => current,
      'templates:get': async () => ({ drafts: [], templates: [], defaultTemplateId: null, cap: 200, nearCap: false }),
    },
  });
  const browser = await launchChromium();
  const samples = new Map<number, Timing[]>([...data.keys()].map((count) => [count, []]));
  try {
    const sizes = [...data.keys()];
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < sizes.length; i++) {
        const count = sizes[(round + i) % sizes.length]!;
        current = data.get(count)!;
        samples.get(count)!.push(await timeList(browser, host.loginUrl(), count));
      }
    }
  } finally {
    await browser.close();
    await host.close();
  }
  const medianOf = (count: number, key: keyof Timing): number => median(samples.get(count)!.map((t) => t[key]));
  const base = { firstRender: medianOf(BASELINE_ROWS, 'firstRender'), filter: medianOf(BASELINE_ROWS, 'filter') };
  return SIZES.flatMap((count) => {
    const label = count.toLocaleString('en-US');
    const firstRender = medianOf(count, 'firstRender');
    const filter = medianOf(count, 'filter');
    return [
      {
        name: `renderer: mini-program list first render, ${label} rows (baseline ${BASELINE_ROWS} rows)`,
        value: firstRender,
        unit: 'ms',
        baseline: base.firstRender,
        ratio: base.firstRender / firstRender,
        goal: GOALS[count]!.first,
      },
      {
        name: `renderer: mini-program list filter, ${label} rows (baseline ${BASELINE_ROWS} rows)`,
        value: filter,
        unit: 'ms',
        baseline: base.filter,
        ratio: base.filter / filter,
        goal: GOALS[count]!.filter,
      },
    ];
  });
}
