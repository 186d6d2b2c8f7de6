import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { OverviewView, RelayStatusView } from '@contract/fleet';
import { authorizersApi } from '@renderer/api/authorizers';
import { auditsApi } from '@renderer/api/audits';
import { jobsApi } from '@renderer/api/jobs';
import { eventsApi, overviewApi } from '@renderer/api/overview';
import { notifyError } from '@renderer/errors/notify-error';
import { debounce } from './debounce';

export const useOverviewStore = defineStore('overview', () => {
  const view = ref<OverviewView | null>(null);
  const relay = ref<RelayStatusView | null>(null);
  let started = false;

  async function load(): Promise<void> {
    try {
      const next = await overviewApi.get();
      view.value = next;
      relay.value = next.relay;
    } catch (error) {
      notifyError(error);
    }
  }

  const reload = debounce(() => void load(), 400);

  /** Subscribes before the first snapshot so nothing that happens in between is lost. */
  async function start(): Promise<void> {
    if (started) return load();
    started = true;
    overviewApi.onRelayStatus((status) => {
      relay.value = status;
      reload();
    });
    eventsApi.onAppended(reload);
    authorizersApi.onChanged(reload);
    auditsApi.onChanged(reload);
    jobsApi.onProgress(reload);
    await load();
  }

  return { view, relay, load, start };
});
