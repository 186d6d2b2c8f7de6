import type { Sim } from '../sim.js';
import type { MiniProgram } from '../state/types.js';

export interface Completed {
  authCode: string;
  expiresIn: number;
  pushed: 'authorized' | 'updateauthorized' | null;
}

/** Permission sets a merchant can grant a platform (01 A10), with their official names. */
export const PERMISSION_SETS: Record<number, string> = {
  17: '获取小程序码',
  18: '小程序开发与数据分析',
  19: '小程序客服管理',
  25: '开放平台账号管理',
  30: '小程序基本信息管理',
  31: '小程序认证名称检测',
  37: '附近的小程序管理',
  40: '小程序插件管理',
  49: '小程序云开发管理',
  52: '小程序直播管理',
  65: '小程序广告管理',
  76: '小程序违规与交易投诉管理',
  81: '试用小程序快速认证',
  // Names above 85 are UNCONFIRMED (01 A10); 156 is the set ICP filing through the API needs (08 H7).
  156: '小程序备案管理',
};

/**
 * The merchant confirmed: a new refresh token (re-authorization replaces it, 01 A5), a single-use code, and
 * `authorized`, or `updateauthorized` when the sets changed, or no push when nothing changed (02 B3).
 */
export function completeAuthorization(sim: Sim, app: MiniProgram, funcIds: number[], preAuthCode: string): Completed {
  const { changed, isNew } = sim.accounts.authorize(app, funcIds, sim.now());
  sim.credentials.consumePreAuthCode(preAuthCode);
  const code = sim.credentials.createAuthCode(app.appid, preAuthCode);
  const pushed = isNew ? 'authorized' : changed ? 'updateauthorized' : null;
  if (pushed !== null) sim.events.authorized(pushed, app.appid, code.code, code.expiresAt, preAuthCode);
  return { authCode: code.code, expiresIn: code.expiresIn, pushed };
}

/** The merchant revoked on mp.weixin.qq.com: tokens and refresh token die (61023), `unauthorized` is pushed (02 B4). */
export function revokeAuthorization(sim: Sim, app: MiniProgram): boolean {
  if (app.authorization === null) return false;
  sim.accounts.revoke(app);
  sim.credentials.revokeAuthorizerTokens(app.appid);
  sim.credentials.dropAuthCodes(app.appid);
  sim.events.unauthorized(app.appid);
  return true;
}
