import type { AuthorizerDetail, AuthorizerFilter, AuthorizerRow } from '@contract/fleet';
import type { EventMap } from '@contract/ipc';
import type { GrayPlanView, LedgerEntryView } from '@contract/release';
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
  revert: (appid: string): Promise<AuthorizerRow> => call('versions:revert', appid),
  grayRelease: (appid: string, percentage: number): Promise<GrayPlanView> =>
    call('versions:grayRelease', appid, percentage),
  revertGray: (appid: string): Promise<AuthorizerRow> => call('versions:revertGray', appid),
  setVisit: (appid: string, action: 'open' | 'close'): Promise<AuthorizerRow> =>
    call('versions:setVisit', appid, action),
};
