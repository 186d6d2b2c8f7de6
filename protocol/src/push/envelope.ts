import { parseXml, textOf } from '../xml/safe-xml.js';
import type { XmlParseOptions } from '../xml/safe-xml.js';

/** The outer, still encrypted document of a push (03 C5). Only `<Encrypt>` is authoritative. */
export interface PushEnvelope {
  encrypt: string;
  /** `<AppId>` on the authorization-event URL, `<ToUserName>` on the message URL; '' when absent. */
  addressee: string;
}

export class EnvelopeError extends Error {
  readonly code = 'no_encrypt';
}

export function parseEnvelope(body: string, options?: XmlParseOptions): PushEnvelope {
  const fields = parseXml(body, { maxDepth: 1, ...options });
  const encrypt = textOf(fields, 'Encrypt');
  if (encrypt === undefined || encrypt === '') throw new EnvelopeError('push has no <Encrypt> element');
  return { encrypt, addressee: textOf(fields, 'AppId') ?? textOf(fields, 'ToUserName') ?? '' };
}

/** The outer document WeChat posts: `<AppId>` for the component channel, `<ToUserName>` for an app. */
export function buildEnvelope(encrypt: string, addressee: { appId: string } | { toUserName: string }): string {
  const sibling =
    'appId' in addressee
      ? `<AppId><![CDATA[${addressee.appId}]]></AppId>`
      : `<ToUserName><![CDATA[${addressee.toUserName}]]></ToUserName>`;
  return `<xml>${sibling}<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
}
