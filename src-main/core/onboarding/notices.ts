import type { Language } from '../../contract/settings.js';

export const missingCodePermission = (appid: string, lang: Language): string =>
  lang === 'en'
    ? `Mini-program ${appid} did not grant permission set 18 (development and code management): the console cannot commit, submit or release its code. Ask the merchant to authorize again with set 18.`
    : `小程序 ${appid} 未授权权限集 18（小程序开发与数据分析），无法代为提交代码、审核与发布。请商户重新授权并勾选该权限集。`;

export const revokedReason = 'The merchant revoked the authorization (unauthorized push).';

/** For a mini-program whose refresh token is dead (61023) or whose admin changed the password (42007). */
export const needsReauth = (name: string, reason: string, lang: Language): string =>
  lang === 'en'
    ? `The authorization of mini-program "${name}" is no longer valid (${reason}): the console cannot act for it any more. Send the merchant a new invitation; everything works again once they authorize.`
    : `小程序“${name}”的授权已失效（${reason}），控制台已无法代为操作。请向商户发送新的授权邀请，商户重新授权后即可恢复。`;
