import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { CallLogRow, OperationRow } from '../../contract/release.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { CallLog } from './call-log.js';
import { createCallLog } from './call-log.js';
import { openLogBook } from './log-book.js';
import type { Operator, OperationsLog } from './operations-log.js';
import { createOperationsLog } from './operations-log.js';

export interface StaffLogs {
  calls: CallLog;
  operations: OperationsLog;
  flush(): Promise<void>;
}

export interface StaffLogOptions {
  /** `<profile>/logs`. */
  dir: string;
  clock: Clock;
  logger: Logger;
  retentionDays?: number;
  maxRows?: number;
  operator?: Operator;
}

/** The person at this desktop: the OS account and the machine name. */
export function localOperator(): Operator {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the machine name still says where.
  }
  return { user, desktop: hostname() };
}

/** The two logs staff read on the Logs page: WeChat calls and operations, each kept for `retentionDays`. */
export async function openStaffLogs(o: StaffLogOptions): Promise<StaffLogs> {
  const common = {
    clock: o.clock,
    logger: o.logger,
    retentionDays: o.retentionDays ?? 30,
    maxRows: o.maxRows ?? 50_000,
  };
  const now = () => o.clock.now();
  const calls = createCallLog(await openLogBook<CallLogRow>({ ...common, dir: join(o.dir, 'calls') }), now);
  const operations = createOperationsLog(
    await openLogBook<OperationRow>({ ...common, dir: join(o.dir, 'operations') }),
    o.operator ?? localOperator(),
    now,
  );
  return {
    calls,
    operations,
    flush: async () => {
      await Promise.all([calls.flush(), operations.flush()]);
    },
  };
}
