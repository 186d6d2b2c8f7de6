import type { CallLogRow, LogFilter } from '../../contract/release.js';
import type { LogBook } from './log-book.js';

/** What the WeChat client reports of each call it made (the shape `CallRecorder` of wechat/client). */
export interface CallOutcome {
  appid: string | null;
  endpoint: string;
  path: string;
  errcode: number | null;
  rid: string | null;
  ms: number;
}

const DEFAULT_LIMIT = 500;

export interface CallLog {
  record(outcome: CallOutcome): void;
  list(filter: LogFilter): CallLogRow[];
  flush(): Promise<void>;
}

/** Every WeChat call the console made: endpoint, errcode, rid and duration; bodies and tokens never reach it. */
export function createCallLog(book: LogBook<CallLogRow>, now: () => number): CallLog {
  return {
    record(o) {
      book.append({
        at: new Date(now()).toISOString(),
        appid: o.appid,
        endpoint: o.endpoint,
        path: o.path.split('?')[0] ?? o.path,
        errcode: o.errcode,
        rid: o.rid,
        ms: Math.max(0, Math.round(o.ms)),
      });
    },
    list(filter) {
      const needle = filter.search?.trim().toLowerCase() ?? '';
      const out: CallLogRow[] = [];
      for (const r of book.rows()) {
        if (filter.appid !== undefined && r.appid !== filter.appid) continue;
        if (filter.failedOnly && (r.errcode === 0 || r.errcode === null)) continue;
        if (
          needle &&
          ![r.endpoint, r.path, r.appid ?? '', String(r.errcode ?? ''), r.rid ?? ''].some((f) =>
            f.toLowerCase().includes(needle),
          )
        )
          continue;
        out.push(r);
        if (out.length >= (filter.limit ?? DEFAULT_LIMIT)) break;
      }
      return out;
    },
    flush: () => book.flush(),
  };
}
