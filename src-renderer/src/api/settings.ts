import type { ConnectionReport, PlatformInput, PreferencesInput, RelayInput, SettingsView } from '@contract/settings';
import { call } from './bridge';

export const settingsApi = {
  get: (): Promise<SettingsView> => call('settings:get'),
  savePlatform: (input: PlatformInput): Promise<SettingsView> => call('settings:savePlatform', input),
  saveRelay: (input: RelayInput): Promise<SettingsView> => call('settings:saveRelay', input),
  savePreferences: (input: PreferencesInput): Promise<SettingsView> => call('settings:savePreferences', input),
  testConnection: (): Promise<ConnectionReport> => call('settings:testConnection'),
};
