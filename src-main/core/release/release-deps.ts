import type { EmitEvent } from '@contract/handlers';
import type { AuthorizerRow } from '@contract/fleet';
import type { Clock } from '../platform/clock/clock.js';
import type { PushBus } from '../events/push-bus.js';
import type { LedgerRecorder } from './ledger/ledger-recorder.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';
import type { ReleaseSettings } from './release-settings.js';

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

/** What createReleaseHandlers and startRelease need; nothing Electron. */
export interface ReleaseDeps {
  store: Pick<Store, 'release' | 'authorizers'>;
  api: ReleaseApi;
  ledger: LedgerRecorder;
  renderExtJson: ExtJsonRenderer;
  pushBus: PushBus;
  clock: Clock;
  logger: Logger;
  emit: EmitEvent;
  settings?: Partial<ReleaseSettings>;
  /** The fleet's row for a mini-program (core/authorizers); a minimal row is built when absent. */
  authorizerRow?: (appid: string) => Promise<AuthorizerRow>;
  random?: () => number;
  newId?: () => string;
}
