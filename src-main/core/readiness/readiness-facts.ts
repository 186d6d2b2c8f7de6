import type {
  GetAccountBasicInfoResponse,
  GetCodePrivacyInfoResponse,
  GetEffectiveDomainResponse,
  GetEffectiveWebviewDomainResponse,
  GetIcpEntranceInfoResponse,
  GetPrivacyInterfaceResponse,
  GetPrivacySettingResponse,
  GetSettingCategoriesResponse,
} from '@wxfleet/protocol';
import type { DomainProfile } from '../../contract/readiness.js';

/** What WeChat answered for one mini-program; null where the call failed (then the item is `unknown`). */
export interface ReadinessFacts {
  funcInfo: number[];
  basic: GetAccountBasicInfoResponse | null;
  categories: GetSettingCategoriesResponse | null;
  guide: GetPrivacySettingResponse | null;
  interfaces: GetPrivacyInterfaceResponse | null;
  /** `scanning` while WeChat scans new code (61039); `none` when no code is committed. */
  codePrivacy: GetCodePrivacyInfoResponse | 'scanning' | 'none' | null;
  domains: GetEffectiveDomainResponse | null;
  webview: GetEffectiveWebviewDomainResponse | null;
  icp: GetIcpEntranceInfoResponse | null;
  testers: string[] | null;
  /** The agency's domain profile. */
  profile: DomainProfile;
  /** The category the last audit rejection named (「一级-二级」), if it did. */
  requiredCategory: string | null;
}
