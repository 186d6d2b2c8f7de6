import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { TemplateLibraryView } from '@contract/release';
import { templatesApi } from '@renderer/api/templates';
import { notifyError } from '@renderer/errors/notify-error';
import { notifySuccess } from '@renderer/errors/notify-success';
import { debounce } from './debounce';

export const useTemplatesStore = defineStore('templates', () => {
  const library = ref<TemplateLibraryView | null>(null);
  const busy = ref(false);
  let started = false;

  async function run(
    action: () => Promise<TemplateLibraryView | unknown>,
    done?: (result: unknown) => [key: string, params?: Record<string, unknown>],
  ): Promise<boolean> {
    busy.value = true;
    try {
      const result = await action();
      library.value = await templatesApi.get();
      if (done) notifySuccess(...done(result));
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
    sync: () =>
      run(
        () => templatesApi.sync(),
        () => ['done.templatesSynced'],
      ),
    addDraft: (draftId: number) =>
      run(
        () => templatesApi.addDraft(draftId),
        (t) => ['done.draftAdded', { id: (t as { templateId?: number }).templateId ?? '' }],
      ),
    remove: (templateId: number) =>
      run(
        () => templatesApi.remove(templateId),
        () => ['done.templateDeleted', { id: templateId }],
      ),
    setDefault: (templateId: number) =>
      run(
        () => templatesApi.setDefault(templateId),
        () => ['done.defaultSet', { id: templateId }],
      ),
  };
});
