import type { EventMap } from '@contract/ipc';
import type { EventRow, OverviewView } from '@contract/fleet';
import { call, subscribe } from './bridge';

export const overviewApi = {
  get: (): Promise<OverviewView> => call('overview:get'),
  onRelayStatus: (listener: (status: EventMap['relay:status']) => void) => subscribe('relay:status', listener),
};

export const eventsApi = {
  list: (search?: string, limit = 500): Promise<EventRow[]> =>
    call('events:list', search ? { search, limit } : { limit }),
  onAppended: (listener: (row: EventRow) => void) => subscribe('events:appended', listener),
};
