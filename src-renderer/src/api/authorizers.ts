import type { AuthorizerDetail, AuthorizerFilter, AuthorizerRow } from '@contract/fleet';
import type { EventMap } from '@contract/ipc';
import type {
  GrayOptions,
  GrayPlanView,
  LedgerEntryView,
  VersionJobSpec,
  VersionJobView,
  VersionStateView,
} from '@contract/release';
import { call, subscribe } from './bridge';

export const authorizersApi = {
  list: (filter: AuthorizerFilter = {}): Promise<AuthorizerRow[]> => call('authorizers:list', filter),
  get: (appid: string): Promise<AuthorizerDetail> => call('authorizers:get', appid),
  sync: (appid: string | null): Promise<AuthorizerRow[]> => call('authorizers:sync', appid),
  setTags: (appid: string, tags: string[]): Promise<AuthorizerRow> => call('authorizers:setTags', appid, tags),
  experienceQr: (appid: string): Promise<string> => call('authorizers:experienceQr', appid),
  ledger: (appid: string): Promise<LedgerEntryView[]> => call('ledger:list', appid),
  onChanged: (listener: (change: EventMap['authorizers:changed']) => void) =>
    subscribe('authorizers:changed', listener),
};

export const versionsApi = {
  state: (appid: string): Promise<VersionStateView> => call('versions:state', appid),
  revert: (appid: string, appVersion: number | null): Promise<AuthorizerRow> =>
    call('versions:revert', appid, appVersion),
  grayRelease: (appid: string, options: GrayOptions): Promise<GrayPlanView> =>
    call('versions:grayRelease', appid, options),
  releaseFully: (appid: string): Promise<AuthorizerRow> => call('versions:releaseFully', appid),
  revertGray: (appid: string): Promise<AuthorizerRow> => call('versions:revertGray', appid),
  setVisit: (appid: string, action: 'open' | 'close'): Promise<AuthorizerRow> =>
    call('versions:setVisit', appid, action),
};

export const versionJobsApi = {
  list: (): Promise<VersionJobView[]> => call('versionJobs:list'),
  start: (spec: VersionJobSpec): Promise<VersionJobView> => call('versionJobs:start', spec),
  cancel: (id: string): Promise<VersionJobView> => call('versionJobs:cancel', id),
  retryFailed: (id: string): Promise<VersionJobView> => call('versionJobs:retryFailed', id),
  onProgress: (listener: (job: VersionJobView) => void) => subscribe('versionJobs:progress', listener),
};
