import type { CallLogRow, LogFilter, OperationRow } from '@contract/release';
import { call } from './bridge';

export const logsApi = {
  calls: (filter: LogFilter): Promise<CallLogRow[]> => call('logs:calls', filter),
  operations: (filter: LogFilter): Promise<OperationRow[]> => call('logs:operations', filter),
};
