import { coded } from '../../contract/codes.js';
import type { Coded } from '../../contract/codes.js';
import type { Push } from '@wxfleet/protocol';

const HIDDEN = '***';
/** Field names whose values are credentials or single-use codes: never stored, logged or shown. */
const SECRET_KEY = /ticket|code|token|secret|aeskey|password/i;
/** Keys that contain "code" but are not credentials. */
const PLAIN_KEYS = new Set(['code_type', 'status', 'errcode']);

const isSecretKey = (key: string): boolean => SECRET_KEY.test(key) && !PLAIN_KEYS.has(key);

function flatten(value: unknown, prefix: string, out: Record<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    out[prefix] = isSecretKey(prefix) ? HIDDEN : value.map(String).join('|');
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
    }
    return;
  }
  const key = prefix.split('.').at(-1) ?? prefix;
  out[prefix] = isSecretKey(key) ? HIDDEN : String(value);
}

/** The decrypted fields of a push as strings, every ticket, code and token replaced by `***`. */
export function redactedFields(push: Push): Record<string, string> {
  const out: Record<string, string> = {};
  const { kind: _kind, ...rest } = push;
  flatten(rest, '', out);
  return out;
}

/** A redacted flat record of arbitrary values (auth callbacks, rejected pushes). */
export function redactedRecord(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  flatten(values, '', out);
  return out;
}

export function pushKind(push: Push): string {
  return push.kind === 'unknown' ? push.type || 'unknown' : push.kind;
}

/** One line for the events list; holds no secret. */
export function summarizePush(push: Push, appid: string | null): Coded {
  const who = appid ?? ('toUserName' in push ? push.toUserName : '') ?? '';
  switch (push.kind) {
    case 'component_verify_ticket':
      return coded('event_ticket');
    case 'authorized':
      return coded('event_authorized', { appid: who });
    case 'updateauthorized':
      return coded('event_updateauthorized', { appid: who });
    case 'unauthorized':
      return coded('event_unauthorized', { appid: who });
    case 'weapp_audit_success':
      return coded('event_audit_success', { appid: who });
    case 'weapp_audit_fail':
      return coded('event_audit_fail', { appid: who });
    case 'weapp_audit_delay':
      return coded('event_audit_delay', { appid: who });
    case 'wxa_nickname_audit':
      return coded('event_nickname_audit', { appid: who });
    case 'unknown':
      return coded('event_unhandled_type', { type: push.type });
    default:
      return coded('event_other', { kind: push.kind, appid: 'appid' in push ? push.appid || '' : who });
  }
}
