/** Every channel is a `domain:verb` key of one map, so a rename is a compile error in main, preload and renderer. */
import type {
  AttentionItem,
  AuthorizerDetail,
  AuthorizerFilter,
  AuthorizerRow,
  EventRow,
  InvitationView,
  OverviewView,
  RelayStatusView,
} from './fleet';
import type {
  AuditQuotaView,
  AuditRow,
  DeployJobSpec,
  ExtJsonConfig,
  ExtJsonPreview,
  CallLogRow,
  GrayOptions,
  GrayPlanView,
  JobDetail,
  LogFilter,
  OperationRow,
  VersionJobSpec,
  VersionJobView,
  VersionStateView,
  JobView,
  LedgerEntryView,
  RetryOptions,
  SubmitPreview,
  TemplateLibraryView,
  TemplateView,
} from './release';
import type {
  CategoryOption,
  FixRequest,
  FixResult,
  IcpStatusView,
  PreflightView,
  ReadinessProfile,
  ReadinessView,
  RegistrationInput,
  RegistrationView,
} from './readiness';
import type { Coded } from './codes';
import type { ContractError } from './result';
import type { ConnectionReport, PlatformInput, PreferencesInput, RelayInput, SettingsView } from './settings';

export interface AppInfo {
  name: string;
  version: string;
  profile: string;
}

type Call<A extends unknown[], R> = { args: A; result: R };

export interface InvokeMap {
  'app:info': Call<[], AppInfo>;

  'settings:get': Call<[], SettingsView>;
  'settings:savePlatform': Call<[PlatformInput], SettingsView>;
  'settings:saveRelay': Call<[RelayInput], SettingsView>;
  'settings:savePreferences': Call<[PreferencesInput], SettingsView>;
  'settings:testConnection': Call<[], ConnectionReport>;

  'overview:get': Call<[], OverviewView>;
  'events:list': Call<[{ search?: string; limit?: number }], EventRow[]>;

  'authorizers:list': Call<[AuthorizerFilter], AuthorizerRow[]>;
  'authorizers:get': Call<[appid: string], AuthorizerDetail>;
  /** Reconciles with api_get_authorizer_list and refreshes info; one appid or all (null). */
  'authorizers:sync': Call<[appid: string | null], AuthorizerRow[]>;
  'authorizers:setTags': Call<[appid: string, tags: string[]], AuthorizerRow>;
  /** data: URL of the experience-version QR code. */
  'authorizers:experienceQr': Call<[appid: string], string>;

  'invitations:list': Call<[], InvitationView[]>;
  'invitations:create': Call<[{ note: string }], InvitationView>;
  'invitations:revoke': Call<[id: string], InvitationView>;

  'templates:get': Call<[], TemplateLibraryView>;
  'templates:sync': Call<[], TemplateLibraryView>;
  'templates:addDraft': Call<[draftId: number], TemplateView>;
  'templates:delete': Call<[templateId: number], TemplateLibraryView>;
  'templates:setDefault': Call<[templateId: number], TemplateLibraryView>;

  'extjson:get': Call<[templateId: number], ExtJsonConfig>;
  'extjson:save': Call<[ExtJsonConfig], ExtJsonConfig>;
  'extjson:preview': Call<[templateId: number, appids: string[]], ExtJsonPreview[]>;
  /** The audit item each mini-program would be submitted with, checked against its get_category/get_page. */
  'extjson:submitPreview': Call<[templateId: number, appids: string[]], SubmitPreview[]>;

  'ledger:list': Call<[appid: string], LedgerEntryView[]>;

  'audits:list': Call<[], AuditRow[]>;
  'audits:quota': Call<[], AuditQuotaView>;
  'audits:refresh': Call<[appid: string], AuditRow>;
  'audits:withdraw': Call<[appid: string], AuditRow>;
  'audits:speedup': Call<[appid: string], AuditRow>;
  'audits:release': Call<[appid: string], AuditRow>;
  /** data: URL of a rejection screenshot. */
  'audits:screenshot': Call<[appid: string, mediaId: string], string>;

  /** Service state, phased release and rollback targets, read from WeChat now. */
  'versions:state': Call<[appid: string], VersionStateView>;
  /** Rolls back to `appVersion` from `versions:state` history, or to the previous version (null). */
  'versions:revert': Call<[appid: string, appVersion: number | null], AuthorizerRow>;
  'versions:grayRelease': Call<[appid: string, options: GrayOptions], GrayPlanView>;
  /** Ends a phased release by releasing to everyone. */
  'versions:releaseFully': Call<[appid: string], AuthorizerRow>;
  'versions:revertGray': Call<[appid: string], AuthorizerRow>;
  'versions:setVisit': Call<[appid: string, action: 'open' | 'close'], AuthorizerRow>;

  'versionJobs:list': Call<[], VersionJobView[]>;
  'versionJobs:start': Call<[VersionJobSpec], VersionJobView>;
  'versionJobs:cancel': Call<[id: string], VersionJobView>;
  'versionJobs:retryFailed': Call<[id: string], VersionJobView>;

  'logs:calls': Call<[LogFilter], CallLogRow[]>;
  'logs:operations': Call<[LogFilter], OperationRow[]>;

  'jobs:list': Call<[], JobView[]>;
  'jobs:get': Call<[id: string], JobDetail>;
  'jobs:startDeploy': Call<[DeployJobSpec], JobView>;
  'jobs:pause': Call<[id: string], JobView>;
  'jobs:resume': Call<[id: string], JobView>;
  'jobs:cancel': Call<[id: string], JobView>;
  'jobs:retryFailed': Call<[id: string, options?: RetryOptions], JobView>;

  /** The last readiness read of a mini-program (what WeChat checks before audit and release). */
  'readiness:get': Call<[appid: string], ReadinessView>;
  /** Reads WeChat again for the given mini-programs, or every authorized one (null). */
  'readiness:refresh': Call<[appids: string[] | null], ReadinessView[]>;
  'readiness:profile': Call<[], ReadinessProfile>;
  'readiness:saveProfile': Call<[ReadinessProfile], ReadinessProfile>;
  'readiness:fix': Call<[FixRequest], FixResult[]>;
  /** Every fix the console can make from the profile, for each mini-program. */
  'readiness:fixAll': Call<[appids: string[]], FixResult[]>;
  /** Which mini-programs a deploy would send to audit, and which it holds back and why. */
  'readiness:preflight': Call<[{ appids: string[]; autoRelease: boolean }], PreflightView>;
  'readiness:icp': Call<[appid: string], IcpStatusView>;
  /** Categories this mini-program may add (second level). */
  'readiness:categories': Call<[appid: string], CategoryOption[]>;

  /** Fast registration (new versions): a new merchant's mini-program created by WeChat and authorized to us. */
  'registrations:list': Call<[], RegistrationView[]>;
  'registrations:start': Call<[RegistrationInput], RegistrationView>;
  'registrations:refresh': Call<[taskid: string], RegistrationView>;
}

export interface EventMap {
  'app:error': ContractError;
  /** Something a person should see now (audit passed or failed, job finished, re-authorization needed…). */
  'app:notice':
    | AttentionItem
    | { kind: 'audit_passed' | 'audit_rejected' | 'job_finished'; message: Coded; appid?: string; jobId?: string };
  'relay:status': RelayStatusView;
  'events:appended': EventRow;
  'authorizers:changed': { appids: string[] };
  'invitations:changed': InvitationView;
  'templates:changed': Record<string, never>;
  'audits:changed': AuditRow;
  'jobs:progress': JobView;
  'versionJobs:progress': VersionJobView;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

const invokeChannels: Record<InvokeChannel, true> = {
  'app:info': true,
  'settings:get': true,
  'settings:savePlatform': true,
  'settings:saveRelay': true,
  'settings:savePreferences': true,
  'settings:testConnection': true,
  'overview:get': true,
  'events:list': true,
  'authorizers:list': true,
  'authorizers:get': true,
  'authorizers:sync': true,
  'authorizers:setTags': true,
  'authorizers:experienceQr': true,
  'invitations:list': true,
  'invitations:create': true,
  'invitations:revoke': true,
  'templates:get': true,
  'templates:sync': true,
  'templates:addDraft': true,
  'templates:delete': true,
  'templates:setDefault': true,
  'extjson:get': true,
  'extjson:save': true,
  'extjson:preview': true,
  'extjson:submitPreview': true,
  'ledger:list': true,
  'audits:list': true,
  'audits:quota': true,
  'audits:refresh': true,
  'audits:withdraw': true,
  'audits:speedup': true,
  'audits:release': true,
  'audits:screenshot': true,
  'versions:state': true,
  'versions:revert': true,
  'versions:grayRelease': true,
  'versions:releaseFully': true,
  'versions:revertGray': true,
  'versions:setVisit': true,
  'versionJobs:list': true,
  'versionJobs:start': true,
  'versionJobs:cancel': true,
  'versionJobs:retryFailed': true,
  'logs:calls': true,
  'logs:operations': true,
  'jobs:list': true,
  'jobs:get': true,
  'jobs:startDeploy': true,
  'jobs:pause': true,
  'jobs:resume': true,
  'jobs:cancel': true,
  'jobs:retryFailed': true,
  'readiness:get': true,
  'readiness:refresh': true,
  'readiness:profile': true,
  'readiness:saveProfile': true,
  'readiness:fix': true,
  'readiness:fixAll': true,
  'readiness:preflight': true,
  'readiness:icp': true,
  'readiness:categories': true,
  'registrations:list': true,
  'registrations:start': true,
  'registrations:refresh': true,
};

const eventChannels: Record<EventChannel, true> = {
  'app:error': true,
  'app:notice': true,
  'relay:status': true,
  'events:appended': true,
  'authorizers:changed': true,
  'invitations:changed': true,
  'templates:changed': true,
  'audits:changed': true,
  'jobs:progress': true,
  'versionJobs:progress': true,
};

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(invokeChannels, channel);
}

export function isEventChannel(channel: unknown): channel is EventChannel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(eventChannels, channel);
}
