/** Merchant readiness: what WeChat checks before audit and release, per mini-program, and the console's fixes. */
export type {
  DomainProfile,
  FixRequest,
  GuideOwner,
  GuidePurpose,
  GuideTemplate,
  PreflightInput,
  ReadinessProfile,
  RegistrationInput,
} from './readiness-schemas';

/** One thing WeChat checks, in the order a person fixes them. */
export type ReadinessKey =
  'permission' | 'basic_info' | 'category' | 'privacy_guide' | 'privacy_interfaces' | 'domains' | 'icp' | 'testers';

export const READINESS_KEYS: readonly ReadinessKey[] = [
  'permission',
  'basic_info',
  'category',
  'privacy_guide',
  'privacy_interfaces',
  'domains',
  'icp',
  'testers',
];

/** `unknown`: WeChat did not answer when it was last read. */
export type ReadinessState = 'ready' | 'missing' | 'pending' | 'blocked' | 'unknown';

/** What the console can do about an item; `null` when only the merchant or WeChat can. */
export type FixAction =
  | 'apply_privacy_guide'
  | 'apply_privacy_interfaces'
  | 'apply_domains'
  | 'add_category'
  | 'set_basic_info'
  | 'start_icp'
  | 'reauthorize'
  | 'bind_tester';

export interface ReadinessItem {
  key: ReadinessKey;
  state: ReadinessState;
  /** An i18n code (`readiness.reason.<code>`) with its parameters; null when ready. */
  reason: string | null;
  params: Record<string, string>;
  fix: FixAction | null;
  /** Submitting now would spend audit quota on a failure (errcode or rejection). */
  blocksAudit: boolean;
  /** The release would fail or break the mini-program (ICP, domains deleted at release). */
  blocksRelease: boolean;
}

export interface ReadinessView {
  appid: string;
  nickname: string;
  checkedAt: string | null;
  items: ReadinessItem[];
  /** Keys that hold a deploy with release (audit or release blockers). */
  notReady: ReadinessKey[];
  pending: ReadinessKey[];
}

/** What the fleet list shows in its readiness column. */
export interface ReadinessSummary {
  checkedAt: string | null;
  notReady: ReadinessKey[];
  pending: ReadinessKey[];
}

export interface FixResult {
  appid: string;
  ok: boolean;
  /** An i18n code (`readiness.fix.<code>`) and its parameters: what was done, or why not and what to do. */
  code: string;
  params: Record<string, string>;
  readiness: ReadinessView;
}

export interface CategoryOption {
  first: number;
  firstName: string;
  second: number;
  secondName: string;
  /** Needs qualification documents (the console cannot add those). */
  needsQualification: boolean;
}

/** What the deploy dialog and batch jobs show before spending quota. */
export interface PreflightView {
  ready: string[];
  held: { appid: string; nickname: string; keys: ReadinessKey[]; items: ReadinessItem[] }[];
}

export interface HeldOutView {
  appid: string;
  nickname: string;
  keys: ReadinessKey[];
}

export interface IcpStatusView {
  appid: string;
  /** get_icp_entrance_info `info.status`. */
  status: number | null;
  filed: boolean;
  /** 1024 + bits: what WeChat says is missing before a filing can start. */
  missing: ('basic_info' | 'category' | 'not_verified')[];
  /** Where the merchant starts or follows the filing (the MP console). */
  startUrl: string;
}

export interface RegistrationView {
  taskid: string;
  kind: 'enterprise' | 'personal';
  /** The enterprise name or the person's WeChat ID. */
  label: string;
  /** WeChat's task status (06 F7/F8 enums); `readiness.registration.status.<kind>.<n>` says it in words. */
  status: number;
  done: boolean;
  /** The mini-program exists (it then appears in the list, authorized). */
  created: boolean;
  /** Where the person (legal person, or the WeChat user) agrees and verifies, for 24 h. */
  authorizeUrl: string;
  authorizeQr: string;
  createdAt: string;
}
