import { parseXml } from '../xml/safe-xml.js';
import type { XmlObject, XmlParseOptions } from '../xml/safe-xml.js';
import { ICP_PUSH_TYPES, icpPush } from './icp-pushes.js';
import { MissingField, flatInfo, optional, required } from './push-fields.js';
import type { ComponentPush, AppPush, Push, PushChannel, UnknownPush } from './push-types.js';

function componentPush(fields: XmlObject, type: string): ComponentPush | undefined {
  const base = {
    channel: 'component' as const,
    appId: required(fields, 'AppId'),
    createTime: required(fields, 'CreateTime'),
  };
  switch (type) {
    case 'component_verify_ticket':
      return { ...base, kind: type, ticket: required(fields, 'ComponentVerifyTicket') };
    case 'authorized':
    case 'updateauthorized':
      return {
        ...base,
        kind: type,
        authorizerAppid: required(fields, 'AuthorizerAppid'),
        authorizationCode: required(fields, 'AuthorizationCode'),
        authorizationCodeExpiredTime: optional(fields, 'AuthorizationCodeExpiredTime'),
        preAuthCode: optional(fields, 'PreAuthCode'),
      };
    case 'unauthorized':
      return { ...base, kind: type, authorizerAppid: required(fields, 'AuthorizerAppid') };
    case 'notify_third_fasteregister':
    case 'notify_third_fastregisterbetaapp':
    case 'notify_third_fastverifybetaapp': {
      const info = flatInfo(fields);
      return {
        ...base,
        kind: type,
        appid: optional(fields, 'appid'),
        status: required(fields, 'status'),
        authCode: optional(fields, 'auth_code'),
        msg: optional(fields, 'msg'),
        info,
        taskid: info['taskid'] ?? '',
      };
    }
    default:
      return undefined;
  }
}

function appPush(fields: XmlObject, type: string): AppPush | undefined {
  const base = {
    channel: 'app' as const,
    toUserName: required(fields, 'ToUserName'),
    fromUserName: optional(fields, 'FromUserName'),
    createTime: required(fields, 'CreateTime'),
  };
  switch (type) {
    case 'weapp_audit_success':
      return { ...base, kind: type, succTime: optional(fields, 'SuccTime') };
    case 'weapp_audit_fail': {
      const screenshots = optional(fields, 'ScreenShot')
        .split('|')
        .filter((id) => id !== '');
      return {
        ...base,
        kind: type,
        reason: optional(fields, 'Reason'),
        failTime: optional(fields, 'FailTime'),
        screenshots,
      };
    }
    case 'weapp_audit_delay':
      return { ...base, kind: type, reason: optional(fields, 'Reason'), delayTime: optional(fields, 'DelayTime') };
    case 'wxa_nickname_audit':
      return {
        ...base,
        kind: type,
        ret: required(fields, 'ret'),
        nickname: optional(fields, 'nickname'),
        reason: optional(fields, 'reason'),
      };
    case 'wxa_category_audit':
      return {
        ...base,
        kind: type,
        first: required(fields, 'first'),
        second: required(fields, 'second'),
        ret: required(fields, 'ret'),
        reason: optional(fields, 'reason'),
      };
    case 'wxa_privacy_apply':
      return { ...base, kind: type, fields };
    default:
      return undefined;
  }
}

/** InfoType on the authorization-event URL; Event on the message URL, or InfoType for the ICP results sent there. */
function typeOf(fields: XmlObject, channel: PushChannel): string {
  if (channel === 'component') return optional(fields, 'InfoType');
  const event = optional(fields, 'Event');
  const infoType = optional(fields, 'InfoType');
  return event === '' && ICP_PUSH_TYPES.has(infoType) ? infoType : event;
}

/** Classifies already parsed, decrypted push fields. Never throws for content: what it cannot type stays raw. */
export function classifyPush(fields: XmlObject, channel: PushChannel): Push {
  const type = typeOf(fields, channel);
  const unknown = (note: string): UnknownPush => ({
    kind: 'unknown',
    channel,
    type,
    createTime: optional(fields, 'CreateTime'),
    note,
    fields,
  });
  try {
    const push = ICP_PUSH_TYPES.has(type)
      ? icpPush(fields, type, channel)
      : channel === 'component'
        ? componentPush(fields, type)
        : appPush(fields, type);
    return push ?? unknown(type === '' ? 'no type element' : `unmodelled type ${type}`);
  } catch (error) {
    if (error instanceof MissingField) return unknown(error.message);
    throw error;
  }
}

/** Parses the decrypted inner XML of a push; throws XmlError only for XML that is unsafe or not well formed. */
export function parsePush(innerXml: string, channel: PushChannel, options?: XmlParseOptions): Push {
  return classifyPush(parseXml(innerXml, options), channel);
}
