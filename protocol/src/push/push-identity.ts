import type { Push } from './push-types.js';
import { textOf } from '../xml/safe-xml.js';
import type { XmlObject } from '../xml/safe-xml.js';

/**
 * The de-duplication key of a push (DESIGN.md §3): who it is about, what it is, when it was created, plus the value
 * that tells two pushes of the same kind in the same second apart. Retries of one push always share it.
 */
export function pushIdentity(push: Push): string {
  switch (push.kind) {
    case 'component_verify_ticket':
      return key(push.appId, push.kind, push.createTime, '', push.ticket);
    case 'authorized':
    case 'updateauthorized':
      return key(push.appId, push.kind, push.createTime, push.authorizerAppid, push.authorizationCode);
    case 'unauthorized':
      return key(push.appId, push.kind, push.createTime, push.authorizerAppid, '');
    case 'notify_third_fasteregister':
    case 'notify_third_fastregisterbetaapp':
    case 'notify_third_fastverifybetaapp':
      return key(push.appId, push.kind, push.createTime, push.appid, push.taskid || (push.info['code'] ?? ''));
    case 'notify_icpfiling_verify_result':
      return key(push.appId || push.toUserName, push.kind, push.createTime, push.verifyAppid, push.taskId);
    case 'notify_apply_icpfiling_result':
      return key(push.appId || push.toUserName, push.kind, push.createTime, push.authorizerAppid, push.beianStatus);
    case 'wxa_category_audit':
      return key(push.toUserName, push.kind, push.createTime, `${push.first}/${push.second}`, push.ret);
    case 'notify_3rd_wxa_auth_and_icp':
      return key(push.appId || push.toUserName, push.kind, push.createTime, '', canonical(push.fields));
    case 'wxa_privacy_apply':
      return key(push.toUserName, push.kind, push.createTime, '', canonical(push.fields));
    case 'unknown': {
      const who = textOf(push.fields, 'AppId') ?? textOf(push.fields, 'ToUserName') ?? '';
      const extra = textOf(push.fields, 'MsgId') ?? textOf(push.fields, 'FromUserName') ?? '';
      return key(who, push.type, push.createTime, textOf(push.fields, 'AuthorizerAppid') ?? '', extra);
    }
    default:
      return key(push.toUserName, push.kind, push.createTime, '', push.fromUserName);
  }
}

function key(...parts: string[]): string {
  return parts.map((part) => encodeURIComponent(part)).join('|');
}

/** Layouts we cannot type (UNCONFIRMED): every element counts, in a fixed order, so only a retry shares the key. */
function canonical(fields: XmlObject): string {
  return JSON.stringify(fields, (_name, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
