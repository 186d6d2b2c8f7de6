/** Mini-programs (authorizers), invitations and the overview. */
import type { Coded } from './codes';
import type { ReadinessSummary } from './readiness';

export type AuthorizerStatus = 'authorized' | 'needs_reauth' | 'revoked';
export type AuditState = 'none' | 'auditing' | 'delayed' | 'passed' | 'rejected' | 'withdrawn' | 'released';

export interface VersionView {
  templateId: number | null;
  userVersion: string;
  userDesc: string;
  at: string | null;
}

export interface AuthorizerRow {
  appid: string;
  nickname: string;
  /** `gh_` original id. */
  userName: string;
  principal: string;
  status: AuthorizerStatus;
  statusReason: Coded | null;
  /** False when permission set 18 (code management) was not granted. */
  canManageCode: boolean;
  tags: string[];
  online: VersionView | null;
  audit: { state: AuditState; auditId: number | null; userVersion: string | null; reason: string | null } | null;
  /** Not on the default (target) template, or behind its latest version. */
  drift: boolean;
  /** The phased release the ledger knows of, or null. */
  gray: { percentage: number; userVersion: string | null } | null;
  /** Service state as last set or seen; null when never read. */
  service: 'open' | 'closed' | null;
  updatedAt: string;
  /** What still holds the mini-program back from audit or release; null before the first read. */
  readiness?: ReadinessSummary | null;
}

export interface AuthorizerDetail extends AuthorizerRow {
  funcInfo: number[];
  headImg: string | null;
  experience: VersionView | null;
  /** data: URL of the experience-version QR code, fetched on demand. */
  domains: { requestdomain: string[]; wsrequestdomain: string[]; uploaddomain: string[]; downloaddomain: string[] };
  webviewDomains: string[];
  testers: string[];
  privacyComplete: boolean;
  extVariables: Record<string, string>;
}

export type { AuthorizerFilter } from './schemas';

export type InvitationStatus = 'pending' | 'done' | 'revoked';

export interface InvitationView {
  id: string;
  note: string;
  status: InvitationStatus;
  createdAt: string;
  /** The relay launch page for a PC browser and for a phone. */
  pcUrl: string;
  mobileUrl: string;
  /** PNG data: URLs of QR codes for the two links. */
  pcQr: string;
  mobileQr: string;
  authorizerAppid: string | null;
  /** Set when the merchant left out permission set 18. */
  warning: Coded | null;
}

export type AttentionKind =
  | 'needs_reauth'
  | 'missing_code_permission'
  | 'stale_ticket'
  | 'ip_whitelist'
  | 'relay_down'
  | 'not_configured'
  | 'job_paused'
  | 'store_recovered';

export interface AttentionItem {
  kind: AttentionKind;
  message: Coded;
  appid?: string;
  jobId?: string;
}

export interface RelayStatusView {
  state: 'stopped' | 'connecting' | 'connected' | 'disconnected';
  detail: Coded | null;
  backlog: number | null;
  lastPushAt: string | null;
}

export interface EventRow {
  id: string;
  at: string;
  /** Push kind (`component_verify_ticket`, `weapp_audit_fail`, …), `auth_callback` or `rejected`. */
  kind: string;
  appid: string | null;
  summary: Coded;
  /** Decrypted fields with tickets, codes and tokens replaced by `***`. */
  fields: Record<string, string>;
}

export interface OverviewView {
  relay: RelayStatusView;
  ticket: { ageSeconds: number | null; stale: boolean };
  componentToken: { state: 'valid' | 'missing' | 'failing'; expiresAt: string | null };
  auditQuota: { remaining: number; limit: number; speedupRemaining: number } | null;
  authorizers: { total: number; authorized: number; needsReauth: number; revoked: number };
  auditsInFlight: number;
  failingJobs: number;
  attention: AttentionItem[];
  recentEvents: EventRow[];
}
