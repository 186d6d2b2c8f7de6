import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { AuthorizerDetail, AuthorizerRow } from '@contract/fleet';
import type { LedgerEntryView } from '@contract/release';
import { authorizersApi } from '@renderer/api/authorizers';
import { notifyError } from '@renderer/errors/notify-error';
import { notifySuccess } from '@renderer/errors/notify-success';
import { debounce } from './debounce';
import { filterRows } from './authorizer-filter';
import type { ListFilter } from './authorizer-filter';

export type { ListFilter } from './authorizer-filter';

export const useAuthorizersStore = defineStore('authorizers', () => {
  // shallowRef: thousands of rows are replaced wholesale, never mutated in place, so deep reactivity is waste.
  const rows = shallowRef<AuthorizerRow[]>([]);
  const loading = ref(false);
  const filter = reactive<ListFilter>({
    search: '',
    status: '',
    templateId: null,
    version: '',
    tag: '',
    drift: '',
    readiness: '',
  });
  const selected = ref<Set<string>>(new Set());
  const detail = ref<AuthorizerDetail | null>(null);
  const ledger = ref<LedgerEntryView[]>([]);
  let started = false;

  const visible = computed(() => filterRows(rows.value, filter));
  const tags = computed(() => [...new Set(rows.value.flatMap((r) => r.tags))].sort());
  const versions = computed(() =>
    [...new Set(rows.value.map((r) => r.online?.userVersion).filter((v): v is string => !!v))].sort(),
  );

  // One snapshot at a time: at 50,000 rows each one is megabytes to send and parse. A page asking while one is in
  // flight shares it; a change announced while one is in flight takes another snapshot once it is done.
  let inFlight: Promise<void> | null = null;
  let changedMeanwhile = false;
  /** A snapshot arrived since the subscription started: the change events keep it current from then on. */
  let current = false;

  function load(): Promise<void> {
    inFlight ??= snapshot().finally(() => {
      inFlight = null;
      if (changedMeanwhile) {
        changedMeanwhile = false;
        void load();
      }
    });
    return inFlight;
  }

  async function snapshot(): Promise<void> {
    loading.value = true;
    try {
      rows.value = await authorizersApi.list({});
      current = true;
      const known = new Set(rows.value.map((r) => r.appid));
      selected.value = new Set([...selected.value].filter((appid) => known.has(appid)));
    } catch (error) {
      notifyError(error);
    } finally {
      loading.value = false;
    }
  }

  const reload = debounce(() => {
    if (inFlight) changedMeanwhile = true;
    else void load();
    if (detail.value) void open(detail.value.appid);
  }, 300);

  /** Subscribes and takes the first snapshot; later pages reuse it, kept current by the change events. */
  async function start(): Promise<void> {
    if (!started) {
      started = true;
      authorizersApi.onChanged(reload);
    }
    if (current && !inFlight) return;
    await load();
  }

  async function open(appid: string): Promise<void> {
    try {
      const [next, entries] = await Promise.all([authorizersApi.get(appid), authorizersApi.ledger(appid)]);
      detail.value = next;
      // Newest first: what happened last is what staff look for.
      ledger.value = [...entries].reverse();
    } catch (error) {
      notifyError(error);
    }
  }

  function close(): void {
    detail.value = null;
    ledger.value = [];
  }

  function toggle(appid: string): void {
    const next = new Set(selected.value);
    if (next.has(appid)) next.delete(appid);
    else next.add(appid);
    selected.value = next;
  }

  function selectVisible(on: boolean): void {
    selected.value = on ? new Set(visible.value.map((r) => r.appid)) : new Set();
  }

  async function sync(appid: string | null): Promise<void> {
    loading.value = true;
    try {
      const synced = await authorizersApi.sync(appid);
      if (appid === null) rows.value = synced;
      else await load();
      notifySuccess('done.synced', { n: synced.length });
    } catch (error) {
      notifyError(error);
    } finally {
      loading.value = false;
    }
  }

  async function setTags(appid: string, next: string[]): Promise<void> {
    try {
      const row = await authorizersApi.setTags(appid, next);
      rows.value = rows.value.map((r) => (r.appid === appid ? row : r));
      if (detail.value?.appid === appid) detail.value = { ...detail.value, tags: row.tags };
      notifySuccess('common.saved');
    } catch (error) {
      notifyError(error);
    }
  }

  return {
    rows,
    loading,
    filter,
    selected,
    detail,
    ledger,
    visible,
    tags,
    versions,
    load,
    start,
    open,
    close,
    toggle,
    selectVisible,
    sync,
    setTags,
  };
});
