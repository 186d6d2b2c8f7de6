import { parseXml, textOf } from '../xml/safe-xml.js';
import type { XmlObject, XmlParseOptions } from '../xml/safe-xml.js';
import type { ComponentPush, AppPush, Push, PushChannel, UnknownPush } from './push-types.js';

class MissingField extends Error {}

function required(fields: XmlObject, name: string): string {
  const value = textOf(fields, name);
  if (value === undefined) throw new MissingField(`missing <${name}>`);
  return value;
}

const optional = (fields: XmlObject, name: string): string => textOf(fields, name) ?? '';

function flatInfo(fields: XmlObject): Record<string, string> {
  const info = fields['info'];
  const out: Record<string, string> = {};
  if (info === undefined || typeof info === 'string' || Array.isArray(info)) return out;
  for (const [name, value] of Object.entries(info)) if (typeof value === 'string') out[name] = value;
  return out;
}

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
    case 'notify_third_fastverifybetaapp':
      return {
        ...base,
        kind: type,
        appid: optional(fields, 'appid'),
        status: required(fields, 'status'),
        authCode: optional(fields, 'auth_code'),
        msg: optional(fields, 'msg'),
        info: flatInfo(fields),
      };
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
    default:
      return undefined;
  }
}

/** Classifies already parsed, decrypted push fields. Never throws for content: what it cannot type stays raw. */
export function classifyPush(fields: XmlObject, channel: PushChannel): Push {
  const type = channel === 'component' ? optional(fields, 'InfoType') : optional(fields, 'Event');
  const unknown = (note: string): UnknownPush => ({
    kind: 'unknown',
    channel,
    type,
    createTime: optional(fields, 'CreateTime'),
    note,
    fields,
  });
  try {
    const push = channel === 'component' ? componentPush(fields, type) : appPush(fields, type);
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
