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
export function summarizePush(push: Push, appid: string | null): string {
  const who = appid ?? ('toUserName' in push ? push.toUserName : null);
  switch (push.kind) {
    case 'component_verify_ticket':
      return 'New component_verify_ticket received';
    case 'authorized':
      return `Mini-program ${who ?? ''} authorized the platform`;
    case 'updateauthorized':
      return `Mini-program ${who ?? ''} changed its permission sets`;
    case 'unauthorized':
      return `Mini-program ${who ?? ''} revoked the authorization`;
    case 'weapp_audit_success':
      return `Audit passed for ${who ?? ''}`;
    case 'weapp_audit_fail':
      return `Audit rejected for ${who ?? ''}`;
    case 'weapp_audit_delay':
      return `Audit delayed for ${who ?? ''}`;
    case 'wxa_nickname_audit':
      return `Name audit result for ${who ?? ''}`;
    case 'unknown':
      return `Push of an unhandled type "${push.type}"`;
    default:
      return `${push.kind} for ${'appid' in push ? push.appid || 'a new mini-program' : (who ?? '')}`;
  }
}
