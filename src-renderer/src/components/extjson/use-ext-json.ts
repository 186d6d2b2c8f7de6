import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { ExtJsonConfig, ExtJsonPreview, SubmitPreview } from '@contract/release';
import { extJsonApi } from '@renderer/api/templates';
import { notifyError } from '@renderer/errors/notify-error';
import { i18n } from '@renderer/i18n';
import { cleanConfig } from './ext-json-text';

/** Loading, saving and previewing one template's ext_json and submit profiles (shared by every editor). */
export function useExtJson() {
  const config = ref<ExtJsonConfig | null>(null);
  const previews = ref<ExtJsonPreview[]>([]);
  const submits = ref<SubmitPreview[]>([]);
  const busy = ref(false);

  async function guarded<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true;
    try {
      return await work();
    } catch (error) {
      notifyError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  async function load(templateId: number): Promise<void> {
    previews.value = [];
    submits.value = [];
    config.value = await guarded(() => extJsonApi.get(templateId));
  }

  /** Saves; `quiet` leaves the success message to the caller (a deploy that saves first). */
  async function save(quiet = false): Promise<boolean> {
    const current = config.value;
    if (!current) return false;
    const saved = await guarded(() => extJsonApi.save(cleanConfig(current)));
    if (!saved) return false;
    config.value = saved;
    if (!quiet) ElMessage.success(i18n.global.t('extjson.saved'));
    return true;
  }

  /** Previews what is saved: the rendered ext_json, its problems, the diff against what runs; and the submission. */
  async function preview(appids: string[], withSubmit: boolean): Promise<boolean> {
    const current = config.value;
    if (!current || appids.length === 0) return false;
    const result = await guarded(() =>
      Promise.all([
        extJsonApi.preview(current.templateId, appids),
        withSubmit ? extJsonApi.submitPreview(current.templateId, appids) : Promise.resolve([]),
      ]),
    );
    if (!result) return false;
    [previews.value, submits.value] = result;
    return true;
  }

  const problems = (): number =>
    previews.value.filter((p) => p.errors.length > 0).length +
    submits.value.filter((s) => s.problems.some((p) => p.code !== 'submit_pages_after_commit')).length;

  return { config, previews, submits, busy, load, save, preview, problems };
}
