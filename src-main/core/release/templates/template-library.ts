import { coded } from '../../../contract/codes.js';
import type { TemplateLibraryView, TemplateView } from '@contract/release';
import type { TemplateDraft, TemplateItem } from '@wxfleet/protocol';
import type { Clock } from '../../platform/clock/clock.js';
import type { DriftRow } from '../ledger/drift.js';
import { computeDrift } from '../ledger/drift.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Logger } from '../../platform/log/logger.js';
import type { Store } from '../../platform/store/store.js';
import type { WeChatApi } from '../../wechat/client/wechat-api.js';
import { WeChatError } from '../../wechat/client/wechat-error.js';
import { findNewTemplate } from './find-new-template.js';
import type { TemplateLimits } from './library-view.js';
import { DEFAULT_TEMPLATE_LIMITS, draftRecord, libraryView, templateRecord, templateView } from './library-view.js';
import { TemplateInUseError, TemplateLibraryError } from './template-errors.js';
import type { TemplateUse } from './template-usage.js';
import { fleetAppids, templateUsage } from './template-usage.js';
import { MAX_TEMPLATE_ACTIVITY } from '../../platform/store/templates-aggregate.js';

export interface TemplateLibraryDeps {
  store: Pick<Store, 'templates' | 'authorizers'>;
  api: Pick<WeChatApi, 'getTemplateDraftList' | 'getTemplateList' | 'addToTemplate' | 'deleteTemplate'>;
  ledger: Pick<Ledger, 'entries' | 'appids'>;
  clock: Clock;
  logger: Logger;
  limits?: Partial<TemplateLimits>;
  /** Appids that queued or running jobs will commit this template to (from core/jobs). */
  pendingUse?: (templateId: number) => string[];
}

export interface TemplateLibraryService {
  view(): TemplateLibraryView;
  sync(): Promise<TemplateLibraryView>;
  addDraft(draftId: number, templateType?: 0 | 1): Promise<TemplateView>;
  remove(templateId: number): Promise<TemplateLibraryView>;
  setDefault(templateId: number): Promise<TemplateLibraryView>;
  usage(templateId: number): TemplateUse[];
  drift(targetTemplateId?: number): DriftRow[];
}

/** 85064 on a list call means "none" (04 D1/D3). */
async function orEmpty<T>(call: Promise<T>, empty: T): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof WeChatError && err.errcode === 85064) return empty;
    throw err;
  }
}

export function createTemplateLibrary(deps: TemplateLibraryDeps): TemplateLibraryService {
  const { store, api, ledger, clock, logger } = deps;
  const limits = { ...DEFAULT_TEMPLATE_LIMITS, ...deps.limits };
  const lib = () => store.templates.data;
  const allUsage = () =>
    templateUsage(
      fleetAppids(ledger, store.authorizers.data),
      ledger,
      deps.pendingUse,
      lib().templates.map((t) => t.templateId),
    );
  const view = (): TemplateLibraryView => libraryView(lib(), allUsage(), limits);
  const listDrafts = async (): Promise<TemplateDraft[]> =>
    (await orEmpty(api.getTemplateDraftList(), { errcode: 0, errmsg: 'ok', draft_list: [] })).draft_list ?? [];
  const listTemplates = async (): Promise<TemplateItem[]> =>
    (await orEmpty(api.getTemplateList(), { errcode: 0, errmsg: 'ok', template_list: [] })).template_list ?? [];
  const save = (drafts: TemplateDraft[] | null, templates: TemplateItem[]) =>
    store.templates.update((d) => {
      if (drafts) d.drafts = drafts.map(draftRecord);
      d.templates = templates.map(templateRecord);
      if (d.defaultTemplateId !== null && !d.templates.some((t) => t.templateId === d.defaultTemplateId)) {
        logger.warn('the default template is no longer in the library', { templateId: d.defaultTemplateId });
        d.defaultTemplateId = null;
      }
      d.syncedAt = clock.now();
    });
  const logActivity = (action: string, templateId: number, draftId: number | null) =>
    store.templates.update((d) => {
      d.activity.push({ at: new Date(clock.now()).toISOString(), action, templateId, draftId });
      d.activity.splice(0, Math.max(0, d.activity.length - MAX_TEMPLATE_ACTIVITY));
    });
  // Our own additions run one at a time so each before/after diff holds at most one template of ours.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };
  const usage = (templateId: number): TemplateUse[] => allUsage().get(templateId) ?? [];

  return {
    view,
    async sync() {
      const [drafts, templates] = await Promise.all([listDrafts(), listTemplates()]);
      await save(drafts, templates);
      return view();
    },
    addDraft: (draftId, templateType = 0) =>
      serial(async () => {
        const draft = (await listDrafts()).find((d) => d.draft_id === draftId);
        if (!draft) throw new TemplateLibraryError(coded('draft_not_found', { draftId }));
        const listed = await listTemplates();
        // The same draft added twice would make a duplicate template: hand back the one it already made.
        const existing = findNewTemplate(draft, listed, templateType);
        if (existing) {
          await save(null, listed);
          const id = existing.template.template_id;
          logger.info('draft is already a template; nothing added', { draftId, templateId: id });
          const record = lib().templates.find((t) => t.templateId === id) ?? templateRecord(existing.template);
          return { ...templateView(record, lib(), usage(id)), alreadyInLibrary: true };
        }
        const before = new Set(listed.map((t) => t.template_id));
        await api.addToTemplate({ draft_id: draftId, template_type: templateType });
        const after = await listTemplates();
        const match = findNewTemplate(
          draft,
          after.filter((t) => !before.has(t.template_id)),
          templateType,
        );
        await save(null, after);
        if (!match) {
          throw new TemplateLibraryError(coded('draft_added_unidentified', { draftId }));
        }
        const id = match.template.template_id;
        if (match.ambiguous) logger.warn('several new templates fit the draft; took the newest', { draftId, id });
        logger.info('draft added to the template library', { draftId, templateId: id });
        await logActivity('addtotemplate', id, draftId);
        const record = lib().templates.find((t) => t.templateId === id) ?? templateRecord(match.template);
        return templateView(record, lib(), usage(id));
      }),
    async remove(templateId) {
      if (lib().defaultTemplateId === templateId) {
        throw new TemplateLibraryError(coded('template_is_default', { templateId }));
      }
      const uses = usage(templateId);
      if (uses.length > 0) throw new TemplateInUseError(templateId, uses);
      try {
        await api.deleteTemplate({ template_id: templateId });
      } catch (err) {
        if (!(err instanceof WeChatError && err.errcode === 85064)) throw err;
        logger.info('template was already gone from WeChat', { templateId });
      }
      await store.templates.update((d) => {
        d.templates = d.templates.filter((t) => t.templateId !== templateId);
      });
      await logActivity('deletetemplate', templateId, null);
      return view();
    },
    async setDefault(templateId) {
      if (!lib().templates.some((t) => t.templateId === templateId)) {
        throw new TemplateLibraryError(coded('template_not_found', { templateId }));
      }
      await store.templates.update((d) => {
        d.defaultTemplateId = templateId;
      });
      return view();
    },
    usage,
    drift(targetTemplateId) {
      const id = targetTemplateId ?? lib().defaultTemplateId;
      if (id === null) throw new TemplateLibraryError(coded('no_target_template'));
      const target = lib().templates.find((t) => t.templateId === id);
      if (!target) throw new TemplateLibraryError(coded('template_not_found', { templateId: id }));
      const appids = fleetAppids(ledger, store.authorizers.data);
      return computeDrift(appids, (a) => ledger.entries(a), { templateId: id, userVersion: target.userVersion });
    },
  };
}
