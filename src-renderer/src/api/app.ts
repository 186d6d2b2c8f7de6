import type { AppInfo, EventMap } from '@contract/ipc';
import { call, subscribe } from './bridge';

export const appApi = {
  info: (): Promise<AppInfo> => call('app:info'),
  onNotice: (listener: (notice: EventMap['app:notice']) => void) => subscribe('app:notice', listener),
  onError: (listener: (error: EventMap['app:error']) => void) => subscribe('app:error', listener),
};
