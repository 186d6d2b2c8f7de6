import type { Language } from '../../contract/settings.js';

export const missingCodePermission = (appid: string, lang: Language): string =>
  lang === 'en'
    ? `Mini-program ${appid} did not grant permission set 18 (development and code management): the console cannot commit, submit or release its code. Ask the merchant to authorize again with set 18.`
    : `小程序 ${appid} 未授权权限集 18（小程序开发与数据分析），无法代为提交代码、审核与发布。请商户重新授权并勾选该权限集。`;

export const revokedReason = 'The merchant revoked the authorization (unauthorized push).';
