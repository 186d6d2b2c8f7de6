import type { WeChatApi } from '../wechat/client/wechat-api.js';

/** The endpoints the release pipeline, audits and version operations use. */
export type ReleaseApi = Pick<
  WeChatApi,
  | 'commit'
  | 'getPage'
  | 'getCategory'
  | 'getCodePrivacyInfo'
  | 'submitAudit'
  | 'getAuditStatus'
  | 'getLatestAuditStatus'
  | 'undoCodeAudit'
  | 'release'
  | 'revertCodeRelease'
  | 'getHistoryVersion'
  | 'grayRelease'
  | 'revertGrayRelease'
  | 'getGrayReleasePlan'
  | 'changeVisitStatus'
  | 'getVisitStatus'
  | 'getVersionInfo'
  | 'queryQuota'
  | 'speedupAudit'
  | 'getMaterial'
  | 'modifyDomain'
  | 'setWebviewDomain'
  | 'bindTester'
  | 'unbindTester'
  | 'memberAuth'
  | 'getPrivacySetting'
  | 'setPrivacySetting'
>;

export interface RenderedExtJson {
  extJson: string;
  hash: string;
  errors: string[];
}

/** `renderExtJson(templateId, appid)` of core/release/extjson: the ext_json text for one mini-program, validated. */
export type ExtJsonRenderer = (templateId: number, appid: string) => RenderedExtJson | Promise<RenderedExtJson>;
