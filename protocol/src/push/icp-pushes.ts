import type { XmlObject } from '../xml/safe-xml.js';
import { lenient, optional } from './push-fields.js';
import type { IcpPush, PushChannel } from './push-types.js';

/** The ICP filing results of 02 B15, as InfoType values; they are accepted on either URL (delivery UNCONFIRMED). */
export const ICP_PUSH_TYPES = new Set([
  'notify_icpfiling_verify_result',
  'notify_apply_icpfiling_result',
  'notify_3rd_wxa_auth_and_icp',
]);

/** Parsed leniently (element casing UNCONFIRMED) with the raw fields kept beside the typed ones. */
export function icpPush(fields: XmlObject, type: string, channel: PushChannel): IcpPush | undefined {
  const base = {
    channel,
    appId: optional(fields, 'AppId'),
    toUserName: optional(fields, 'ToUserName'),
    createTime: optional(fields, 'CreateTime'),
    fields,
  };
  switch (type) {
    case 'notify_icpfiling_verify_result':
      return {
        ...base,
        kind: type,
        taskId: lenient(fields, 'task_id'),
        verifyAppid: lenient(fields, 'verify_appid'),
        result: lenient(fields, 'result'),
      };
    case 'notify_apply_icpfiling_result':
      return {
        ...base,
        kind: type,
        authorizerAppid: lenient(fields, 'authorizer_appid'),
        beianStatus: lenient(fields, 'beian_status'),
      };
    case 'notify_3rd_wxa_auth_and_icp':
      return { ...base, kind: type };
    default:
      return undefined;
  }
}
