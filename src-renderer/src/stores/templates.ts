import { defineStore } from 'pinia';
import { ref } from 'vue';
import { h } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import type { TemplateLibraryView, TemplateView } from '@contract/release';
import { templatesApi } from '@renderer/api/templates';
import { ApiError } from '@renderer/api/bridge';
import { i18n } from '@renderer/i18n';
import { notifyError } from '@renderer/errors/notify-error';
import { notifySuccess } from '@renderer/errors/notify-success';
import { debounce } from './debounce';

/** WeChat's own page for the template library (open platform → 第三方平台 → 开发配置 → 模板库). */
export const WECHAT_TEMPLATE_PAGE = 'https://open.weixin.qq.com/';

/** 48001 from the template APIs: this platform may add drafts to the library only on WeChat's web page (seed 7.5). */
function templateApisRefused(): void {
  const { t } = i18n.global;
  void ElMessageBox.alert(
    h('div', { 'data-test': 'templates-48001' }, [
      h('p', t('templateNotice.refused48001')),
      h(
        'a',
        { href: WECHAT_TEMPLATE_PAGE, target: '_blank', rel: 'noopener noreferrer' },
        t('templateNotice.openWeChat'),
      ),
    ]),
    t('templateNotice.refusedTitle'),
    { type: 'warning' },
  ).catch(() => undefined);
}

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
      if (error instanceof ApiError && error.error.errcode === 48001) templateApisRefused();
      else notifyError(error);
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
      run(async () => {
        const added: TemplateView = await templatesApi.addDraft(draftId);
        const { t } = i18n.global;
        if (added.alreadyInLibrary) ElMessage.info(t('templateNotice.already', { id: added.templateId }));
        else ElMessage.success(t('templateNotice.added', { id: added.templateId, version: added.userVersion }));
      }),
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
