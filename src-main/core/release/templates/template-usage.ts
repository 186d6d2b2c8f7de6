import type { Ledger } from '../ledger/ledger.js';
import { foldVersions } from '../ledger/version-state.js';
import type { Authorizers } from '../../platform/store/authorizers-aggregate.js';

export type UsePlace = 'online' | 'gray' | 'audit' | 'experience' | 'job';

export interface TemplateUse {
  appid: string;
  where: UsePlace[];
}

/** Mini-programs that are still ours: every ledger appid and authorizer, except revoked authorizations. */
export function fleetAppids(ledger: Pick<Ledger, 'appids'>, authorizers: Authorizers): string[] {
  const all = new Set([...Object.keys(authorizers.byAppid), ...ledger.appids()]);
  return [...all].filter((a) => authorizers.byAppid[a]?.status !== 'revoked').sort();
}

/** Where each template is used, per the ledger (online, gray, audit, experience) and pending jobs. */
export function templateUsage(
  appids: readonly string[],
  ledger: Pick<Ledger, 'entries'>,
  pendingUse: (templateId: number) => string[] = () => [],
  templateIds: readonly number[] = [],
): Map<number, TemplateUse[]> {
  const usage = new Map<number, Map<string, Set<UsePlace>>>();
  const add = (templateId: number | null | undefined, appid: string, where: UsePlace): void => {
    if (templateId === null || templateId === undefined) return;
    const byApp = usage.get(templateId) ?? new Map<string, Set<UsePlace>>();
    byApp.set(appid, (byApp.get(appid) ?? new Set<UsePlace>()).add(where));
    usage.set(templateId, byApp);
  };
  for (const appid of appids) {
    const st = foldVersions(ledger.entries(appid));
    add(st.online?.templateId, appid, 'online');
    add(st.gray?.templateId, appid, 'gray');
    const released = st.online !== null && st.online.userVersion === st.submitted?.userVersion;
    const auditOpen = st.audit?.state === 'auditing' || st.audit?.state === 'delayed';
    if (auditOpen || (st.audit?.state === 'passed' && !released)) add(st.submitted?.templateId, appid, 'audit');
    add(st.experience?.templateId, appid, 'experience');
  }
  for (const id of templateIds) for (const appid of pendingUse(id)) add(id, appid, 'job');
  return new Map(
    [...usage].map(([id, byApp]) => [id, [...byApp].map(([appid, where]) => ({ appid, where: [...where] }))]),
  );
}
