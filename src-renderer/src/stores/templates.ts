import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TemplateLibraryView } from '@contract/release';
import { templatesApi } from '@renderer/api/templates';
import { notifyError } from '@renderer/errors/notify-error';
import { debounce } from './debounce';

export const useTemplatesStore = defineStore('templates', () => {
  const library = ref<TemplateLibraryView | null>(null);
  const busy = ref(false);
  let started = false;

  async function run(action: () => Promise<TemplateLibraryView | unknown>): Promise<boolean> {
    busy.value = true;
    try {
      await action();
      library.value = await templatesApi.get();
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const load = (): Promise<boolean> => run(async () => undefined);
  const reload = debounce(() => void load(), 300);

  async function start(): Promise<void> {
    if (!started) {
      started = true;
      templatesApi.onChanged(reload);
    }
    await load();
  }

  return {
    library,
    busy,
    start,
    load,
    sync: () => run(() => templatesApi.sync()),
    addDraft: (draftId: number) => run(() => templatesApi.addDraft(draftId)),
    remove: (templateId: number) => run(() => templatesApi.remove(templateId)),
    setDefault: (templateId: number) => run(() => templatesApi.setDefault(templateId)),
  };
});
