import type { AuthorizerRow, AuthorizerStatus } from '@contract/fleet';
import type { AuditRow, JobView } from '@contract/release';
import type { SettingsView } from '@contract/settings';

const STATUSES: AuthorizerStatus[] = ['authorized', 'needs_reauth', 'revoked'];

export function authorizerRow(i: number, over: Partial<AuthorizerRow> = {}): AuthorizerRow {
  return {
    appid: `wx${String(i).padStart(16, '0')}`,
    nickname: `Shop ${i}`,
    userName: `gh_${i}`,
    principal: i % 2 === 0 ? 'Acme Ltd' : 'Globex Co',
    status: STATUSES[i % 3]!,
    statusReason: null,
    canManageCode: true,
    tags: i % 10 === 0 ? ['vip'] : [],
    online: { templateId: i % 4, userVersion: `1.0.${i % 5}`, userDesc: '', at: null },
    audit: null,
    drift: i % 7 === 0,
    gray: i % 9 === 0 ? { percentage: 10, userVersion: '1.0.1' } : null,
    service: i % 11 === 0 ? 'closed' : 'open',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export const authorizerRows = (count: number): AuthorizerRow[] =>
  Array.from({ length: count }, (_, i) => authorizerRow(i));

export function jobView(id: string, over: Partial<JobView> = {}): JobView {
  return {
    id,
    kind: 'deploy',
    spec: {} as JobView['spec'],
    status: 'running',
    pauseReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    counts: {},
    total: 10,
    ...over,
  };
}

export function auditRow(appid: string, over: Partial<AuditRow> = {}): AuditRow {
  return {
    appid,
    nickname: appid,
    state: 'auditing',
    auditId: 1,
    userVersion: '1.0.0',
    templateId: 1,
    submittedAt: null,
    reason: null,
    screenshots: [],
    ...over,
  };
}

export function settingsView(over: Partial<SettingsView> = {}): SettingsView {
  return {
    profile: 'test',
    demo: false,
    platform: {
      componentAppid: 'wxcomponent',
      appsecretSet: true,
      tokenSet: false,
      encodingAESKeySet: true,
      previousEncodingAESKeySet: false,
    },
    relay: { url: 'https://relay.test', deviceTokenSet: false },
    egress: 'relay',
    language: 'zh-CN',
    theme: 'light',
    ...over,
  };
}
