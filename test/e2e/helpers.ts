import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');

export { launchChromium } from '../helpers/chromium.js';

/**
 * How long a state may take to show on a loaded machine (CI, four engineers on two cores). A bound against a hang,
 * never a claim about speed: every wait in these tests is for a state.
 */
export const PATIENCE = 60_000;

export const PAGES = [
  'overview',
  'mini-programs',
  'templates',
  'audits',
  'jobs',
  'onboarding',
  'events',
  'settings',
] as const;

export async function goTo(page: Page, route: (typeof PAGES)[number]): Promise<void> {
  await page.evaluate(`window.location.hash = '#/${route}'`);
  await page.locator(`[data-test=page-${route}]`).waitFor({ timeout: PATIENCE });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Every secret the stack knows; none may ever reach the renderer's DOM. */
export function assertNoSecrets(html: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (secret.length >= 8 && html.includes(secret))
      throw new Error(`a secret leaked into the page: ${secret.slice(0, 4)}…`);
  }
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
