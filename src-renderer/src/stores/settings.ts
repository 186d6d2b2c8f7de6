import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ConnectionReport, PlatformInput, PreferencesInput, RelayInput, SettingsView } from '@contract/settings';
import { settingsApi } from '@renderer/api/settings';
import { notifyError } from '@renderer/errors/notify-error';
import { setLanguage } from '@renderer/i18n';
import { applyTheme } from '@renderer/theme';

export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null);
  const report = ref<ConnectionReport | null>(null);
  const testing = ref(false);
  const saving = ref(false);

  function adopt(next: SettingsView): void {
    view.value = next;
    setLanguage(next.language);
    applyTheme(next.theme);
  }

  async function load(): Promise<void> {
    try {
      adopt(await settingsApi.get());
    } catch (error) {
      notifyError(error);
    }
  }

  async function save(action: () => Promise<SettingsView>): Promise<boolean> {
    saving.value = true;
    try {
      adopt(await action());
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      saving.value = false;
    }
  }

  const savePlatform = (input: PlatformInput): Promise<boolean> => save(() => settingsApi.savePlatform(input));
  const saveRelay = (input: RelayInput): Promise<boolean> => save(() => settingsApi.saveRelay(input));
  const savePreferences = (input: PreferencesInput): Promise<boolean> => save(() => settingsApi.savePreferences(input));

  async function testConnection(): Promise<void> {
    testing.value = true;
    try {
      report.value = await settingsApi.testConnection();
    } catch (error) {
      notifyError(error);
    } finally {
      testing.value = false;
    }
  }

  return { view, report, testing, saving, load, savePlatform, saveRelay, savePreferences, testConnection };
});
