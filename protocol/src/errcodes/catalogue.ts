import { GENERAL_ERRCODES } from './g1-general.js';
import { COMPONENT_ERRCODES } from './g2-component.js';
import { CODE_COMMIT_ERRCODES } from './g3-code-commit.js';
import { CODE_RELEASE_ERRCODES } from './g3-code-release.js';
import { MISC_ERRCODES } from './g4-misc.js';
import { ACCOUNT_SETTINGS_ERRCODES } from './g7-account-settings.js';
import { REGISTRATION_LOGIN_ERRCODES } from './g7-registration-login.js';
import type { ErrcodeInfo, RetryClass } from './types.js';

export type { ErrcodeInfo, RetryClass } from './types.js';

function buildCatalogue(groups: readonly (readonly ErrcodeInfo[])[]): ReadonlyMap<number, ErrcodeInfo> {
  const map = new Map<number, ErrcodeInfo>();
  for (const group of groups) {
    for (const info of group) {
      if (map.has(info.code)) throw new Error(`errcode ${info.code} is catalogued twice`);
      map.set(info.code, Object.freeze({ ...info }));
    }
  }
  return map;
}

/** Every errcode listed in the WeChat reference 07 (sections G1–G4 and G7), keyed by number. */
export const ERRCODES: ReadonlyMap<number, ErrcodeInfo> = buildCatalogue([
  GENERAL_ERRCODES,
  COMPONENT_ERRCODES,
  CODE_COMMIT_ERRCODES,
  CODE_RELEASE_ERRCODES,
  MISC_ERRCODES,
  ACCOUNT_SETTINGS_ERRCODES,
  REGISTRATION_LOGIN_ERRCODES,
]);

function unknownErrcode(code: number): ErrcodeInfo {
  return Object.freeze({
    code,
    errmsg: '',
    retry: 'permanent',
    zh: `错误码 ${code} 不在本目录中，暂无现成的解释。`,
    en: `Errcode ${code} is not in the catalogue, so there is no ready explanation.`,
    fixZh:
      '先看 errmsg 中的说明；再用 errmsg 末尾的 rid 调用 /cgi-bin/openapi/rid/get 查询这次请求的详情（rid 只保留 7 天），必要时把错误码和 rid 发给开发人员。',
    fixEn:
      'Read the errmsg first, then look up the rid at the end of errmsg with /cgi-bin/openapi/rid/get (rids are kept for 7 days); send the errcode and rid to the developers if needed.',
  });
}

export function explainErrcode(code: number): ErrcodeInfo {
  return ERRCODES.get(code) ?? unknownErrcode(code);
}

export function retryClassOf(code: number): RetryClass {
  return explainErrcode(code).retry;
}
