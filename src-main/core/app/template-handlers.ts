import type { EmitEvent, HandlersOf } from '@contract/handlers';
import type { ExtJsonService } from '../release/extjson/ext-json-service.js';
import type { Ledger } from '../release/ledger/ledger.js';
import type { SubmitPreviewDeps } from '../release/submit/submit-preview.js';
import { previewSubmissions } from '../release/submit/submit-preview.js';
import type { TemplateLibraryService } from '../release/templates/template-library.js';

export type TemplateChannel =
  | 'templates:get'
  | 'templates:sync'
  | 'templates:addDraft'
  | 'templates:delete'
  | 'templates:setDefault'
  | 'extjson:get'
  | 'extjson:save'
  | 'extjson:preview'
  | 'extjson:submitPreview'
  | 'ledger:list';

export interface TemplateServices {
  templates: TemplateLibraryService;
  extJson: ExtJsonService;
  ledger: Pick<Ledger, 'list'>;
  /** get_category/get_page of mini-programs, for the submit preview. */
  api: SubmitPreviewDeps['api'];
  emit: EmitEvent;
  /** Every mini-program of the fleet: a new default template changes the drift of each. */
  fleet: () => string[];
}

/** The `templates:*`, `extjson:*` and `ledger:*` channels. */
export function createTemplateHandlers(s: TemplateServices): HandlersOf<TemplateChannel> {
  const changed = <T>(value: T): T => {
    s.emit('templates:changed', {});
    return value;
  };
  return {
    'templates:get': async () => s.templates.view(),
    'templates:sync': async () => changed(await s.templates.sync()),
    'templates:addDraft': async (draftId) => changed(await s.templates.addDraft(draftId)),
    'templates:delete': async (templateId) => changed(await s.templates.remove(templateId)),
    'templates:setDefault': async (templateId) => {
      const view = changed(await s.templates.setDefault(templateId));
      s.emit('authorizers:changed', { appids: s.fleet() });
      return view;
    },
    'extjson:get': async (templateId) => s.extJson.get(templateId),
    'extjson:save': async (config) => s.extJson.save(config),
    'extjson:preview': async (templateId, appids) => s.extJson.preview(templateId, appids),
    'extjson:submitPreview': (templateId, appids) =>
      previewSubmissions({ api: s.api, submitProfile: (t, a) => s.extJson.submitProfile(t, a) }, templateId, appids),
    'ledger:list': (appid) => s.ledger.list(appid),
  };
}
