import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { EventRow } from '@contract/fleet';
import { eventsApi } from '@renderer/api/overview';
import { notifyError } from '@renderer/errors/notify-error';

const KEEP = 2000;

export const useEventsStore = defineStore('events', () => {
  const rows = ref<EventRow[]>([]);
  const search = ref('');
  let started = false;

  async function load(): Promise<void> {
    try {
      rows.value = await eventsApi.list(search.value.trim() || undefined);
    } catch (error) {
      notifyError(error);
    }
  }

  async function start(): Promise<void> {
    if (!started) {
      started = true;
      eventsApi.onAppended((row) => {
        if (search.value.trim() === '') rows.value = [row, ...rows.value].slice(0, KEEP);
      });
    }
    await load();
  }

  return { rows, search, load, start };
});
