import ElementPlus from 'element-plus';
import { createTestingPinia } from '@pinia/testing';
import type { TestingOptions } from '@pinia/testing';
import type { Plugin } from 'vue';
import { vi } from 'vitest';
import { i18n } from '@renderer/i18n';

/** The app's plugins as main.ts installs them, with a testing Pinia whose actions run for real by default. */
export function appPlugins(options: Partial<TestingOptions> = {}): Plugin[] {
  return [createTestingPinia({ createSpy: vi.fn, stubActions: false, ...options }), i18n, ElementPlus];
}
