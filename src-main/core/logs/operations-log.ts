import type { InvokeHandlers } from '../../contract/handlers.js';
import type { InvokeChannel } from '../../contract/ipc.js';
import type { LogFilter, OperationRow } from '../../contract/release.js';
import type { LogBook } from './log-book.js';

/** Channels that only read: not operations. */
const READS =
  /:(list|get|quota|state|info|screenshot|experienceQr|preview|calls|operations|profile|preflight|icp|categories)$/;
/** Arguments of these channels may carry secrets: only the channel is recorded. */
const SECRET_ARGS = /^settings:/;
const APPID = /^wx[0-9a-zA-Z]{6,32}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TARGETS = 20;
const DEFAULT_LIMIT = 500;

/** Appids, ids, numbers and a spec's action and appids: what an action was about, never free text. */
export function targetsOf(args: unknown[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (typeof v === 'number' && Number.isFinite(v)) out.push(String(v));
    else if (typeof v === 'string' && (APPID.test(v) || ID.test(v))) out.push(v);
    else if (Array.isArray(v) && depth < 2) {
      for (const x of v.slice(0, MAX_TARGETS)) visit(x, depth + 1);
      if (v.length > MAX_TARGETS) out.push(`+${v.length - MAX_TARGETS}`);
    } else if (typeof v === 'object' && v !== null && depth < 1) {
      const o = v as Record<string, unknown>;
      for (const key of ['action', 'templateId', 'userVersion', 'appids', 'percentage'])
        if (key in o) visit(o[key], depth + 1);
      if (typeof o['gray'] === 'object' && o['gray'] !== null)
        visit((o['gray'] as Record<string, unknown>)['percentage'], 2);
    }
  };
  for (const a of args) visit(a, 0);
  return out;
}

/** WeChat's errcode, on the error itself (WeChatError) or on its coded reason (CodedError). */
function errcodeOf(e: Record<string, unknown>): number | null {
  if (typeof e['errcode'] === 'number') return e['errcode'];
  const reason = e['reason'] as { errcode?: unknown } | undefined;
  return typeof reason?.errcode === 'number' ? reason.errcode : null;
}

export interface Operator {
  user: string;
  desktop: string;
}

export interface OperationsLog {
  /** Wraps every handler that changes something: each call is recorded with who, where, what and how it ended. */
  wrap(handlers: InvokeHandlers): InvokeHandlers;
  list(filter: LogFilter): OperationRow[];
  flush(): Promise<void>;
}

export function createOperationsLog(book: LogBook<OperationRow>, operator: Operator, now: () => number): OperationsLog {
  const record = (channel: string, args: unknown[], error: unknown): void => {
    const e = (error ?? {}) as Record<string, unknown>;
    book.append({
      at: new Date(now()).toISOString(),
      user: operator.user,
      desktop: operator.desktop,
      channel,
      target: SECRET_ARGS.test(channel) ? [] : targetsOf(args),
      ok: error === undefined,
      errorCode:
        error === undefined
          ? null
          : typeof e['contractCode'] === 'string'
            ? e['contractCode']
            : e['name'] === 'WeChatError'
              ? 'wechat_error'
              : 'internal',
      errcode: errcodeOf(e),
    });
  };
  return {
    wrap(handlers) {
      const out: Record<string, unknown> = { ...handlers };
      for (const [channel, handler] of Object.entries(handlers) as [InvokeChannel, (...a: unknown[]) => unknown][]) {
        if (READS.test(channel)) continue;
        out[channel] = async (...args: unknown[]) => {
          try {
            const value = await handler(...args);
            record(channel, args, undefined);
            return value;
          } catch (error) {
            record(channel, args, error ?? new Error('failed'));
            throw error;
          }
        };
      }
      return out as unknown as InvokeHandlers;
    },
    list(filter) {
      const needle = filter.search?.trim().toLowerCase() ?? '';
      const out: OperationRow[] = [];
      for (const r of book.rows()) {
        if (filter.appid !== undefined && !r.target.includes(filter.appid)) continue;
        if (filter.failedOnly && r.ok) continue;
        if (needle && ![r.channel, r.user, r.desktop, ...r.target].some((f) => f.toLowerCase().includes(needle)))
          continue;
        out.push(r);
        if (out.length >= (filter.limit ?? DEFAULT_LIMIT)) break;
      }
      return out;
    },
    flush: () => book.flush(),
  };
}
