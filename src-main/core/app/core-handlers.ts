import type { HandlersOf } from '../../contract/handlers.js';
import type { AppInfo } from '../../contract/ipc.js';
import type { AuthorizerViews } from '../fleet/authorizer-views.js';
import type { Onboarding } from '../onboarding/onboarding.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { ConnectionReport } from '../../contract/settings.js';
import type { EventRow, OverviewView } from '../../contract/fleet.js';

export type CoreChannels =
  | 'app:info'
  | 'settings:get'
  | 'settings:savePlatform'
  | 'settings:saveRelay'
  | 'settings:savePreferences'
  | 'settings:testConnection'
  | 'overview:get'
  | 'events:list'
  | 'authorizers:list'
  | 'authorizers:get'
  | 'authorizers:sync'
  | 'authorizers:setTags'
  | 'authorizers:experienceQr'
  | 'invitations:list'
  | 'invitations:create'
  | 'invitations:revoke';

export interface CoreServices {
  appInfo: AppInfo;
  settings: SettingsService;
  onboarding: Onboarding;
  fleet: AuthorizerViews;
  testConnection(): Promise<ConnectionReport>;
  overview(): Promise<OverviewView>;
  events(query: { search?: string; limit?: number }): EventRow[];
  experienceQr(appid: string): Promise<string>;
}

/** Channel → service method; nothing else. */
export function coreHandlers(s: CoreServices): HandlersOf<CoreChannels> {
  const { settings, onboarding, fleet } = s;
  return {
    'app:info': async () => s.appInfo,
    'settings:get': async () => settings.view(),
    'settings:savePlatform': (input) => settings.savePlatform(input),
    'settings:saveRelay': (input) => settings.saveRelay(input),
    'settings:savePreferences': (input) => settings.savePreferences(input),
    'settings:testConnection': () => s.testConnection(),
    'overview:get': () => s.overview(),
    'events:list': async (query) => s.events(query),
    'authorizers:list': async (filter) => fleet.list(filter),
    'authorizers:get': (appid) => fleet.get(appid),
    'authorizers:sync': async (appid) => {
      await onboarding.sync.sync(appid);
      const rows = fleet.list({});
      return appid === null ? rows : rows.filter((r) => r.appid === appid);
    },
    'authorizers:setTags': (appid, tags) => fleet.setTags(appid, tags),
    'authorizers:experienceQr': (appid) => s.experienceQr(appid),
    'invitations:list': () => onboarding.invitations.list(),
    'invitations:create': ({ note }) => onboarding.invitations.create(note),
    'invitations:revoke': (id) => onboarding.invitations.revoke(id),
  };
}
