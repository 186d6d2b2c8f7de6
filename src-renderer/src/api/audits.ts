import type { AuditQuotaView, AuditRow } from '@contract/release';
import { call, subscribe } from './bridge';

export const auditsApi = {
  list: (): Promise<AuditRow[]> => call('audits:list'),
  quota: (): Promise<AuditQuotaView> => call('audits:quota'),
  refresh: (appid: string): Promise<AuditRow> => call('audits:refresh', appid),
  withdraw: (appid: string): Promise<AuditRow> => call('audits:withdraw', appid),
  speedup: (appid: string): Promise<AuditRow> => call('audits:speedup', appid),
  release: (appid: string): Promise<AuditRow> => call('audits:release', appid),
  screenshot: (appid: string, mediaId: string): Promise<string> => call('audits:screenshot', appid, mediaId),
  onChanged: (listener: (row: AuditRow) => void) => subscribe('audits:changed', listener),
};
