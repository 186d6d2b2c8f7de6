import { createI18n } from 'vue-i18n';
import type { Language } from '@contract/settings';
import zhCN from './zh-CN';
import en from './en';

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'en',
  messages: { 'zh-CN': zhCN, en },
});

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}
