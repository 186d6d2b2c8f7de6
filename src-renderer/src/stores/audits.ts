import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AuditQuotaView, AuditRow } from '@contract/release';
import { auditsApi } from '@renderer/api/audits';
import { notifyError } from '@renderer/errors/notify-error';
import { notifySuccess } from '@renderer/errors/notify-success';
import { upsert } from './debounce';

export const useAuditsStore = defineStore('audits', () => {
  const rows = ref<AuditRow[]>([]);
  const quota = ref<AuditQuotaView | null>(null);
  const busy = ref<string | null>(null);
  let started = false;

  const byState = computed(() => {
    const groups: Record<AuditRow['state'], AuditRow[]> = {
      auditing: [],
      delayed: [],
      rejected: [],
      passed: [],
      withdrawn: [],
      released: [],
    };
    for (const row of rows.value) groups[row.state].push(row);
    return groups;
  });

  const sameApp = (a: AuditRow, b: AuditRow): boolean => a.appid === b.appid;
  // Changes pushed while a snapshot is in flight may be newer than it: replay them on top (see the jobs store).
  let pushedDuringLoad: AuditRow[] | null = null;

  const adopt = (row: AuditRow): void => {
    pushedDuringLoad?.push(row);
    rows.value = upsert(rows.value, row, sameApp);
  };

  async function load(): Promise<void> {
    const pushed: AuditRow[] = [];
    pushedDuringLoad = pushed;
    try {
      const [list, q] = await Promise.all([auditsApi.list(), auditsApi.quota().catch(() => null)]);
      rows.value = pushed.reduce((current, row) => upsert(current, row, sameApp), list);
      quota.value = q;
    } catch (error) {
      notifyError(error);
    } finally {
      if (pushedDuringLoad === pushed) pushedDuringLoad = null;
    }
  }

  async function start(): Promise<void> {
    if (!started) {
      started = true;
      auditsApi.onChanged(adopt);
    }
    await load();
  }

  /** Runs an action, shows the quota it spent (speed-up, withdraw), then says it worked. */
  async function act(appid: string, action: (appid: string) => Promise<AuditRow>, done: string): Promise<void> {
    busy.value = appid;
    try {
      adopt(await action(appid));
      quota.value = await auditsApi.quota().catch(() => quota.value);
      notifySuccess(done, { n: quota.value?.speedupRemaining ?? '—' });
    } catch (error) {
      notifyError(error);
    } finally {
      busy.value = null;
    }
  }

  return {
    rows,
    quota,
    busy,
    byState,
    load,
    start,
    refresh: (appid: string) => act(appid, auditsApi.refresh, 'done.auditRefreshed'),
    withdraw: (appid: string) => act(appid, auditsApi.withdraw, 'done.auditWithdrawn'),
    speedup: (appid: string) => act(appid, auditsApi.speedup, 'done.auditSpedUp'),
    release: (appid: string) => act(appid, auditsApi.release, 'done.released'),
    screenshot: (appid: string, mediaId: string) => auditsApi.screenshot(appid, mediaId),
  };
});
