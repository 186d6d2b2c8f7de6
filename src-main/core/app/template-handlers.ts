import type { EmitEvent, HandlersOf } from '@contract/handlers';
import type { ExtJsonService } from '../release/extjson/ext-json-service.js';
import { createExtJsonService } from '../release/extjson/ext-json-service.js';
import type { ExtJsonLimits } from '../release/extjson/validate-ext-json.js';
import type { Ledger } from '../release/ledger/ledger.js';
import type { Store } from '../platform/store/store.js';
import type { TemplateLibraryDeps, TemplateLibraryService } from '../release/templates/template-library.js';
import { createTemplateLibrary } from '../release/templates/template-library.js';

export type TemplateChannel =
  | 'templates:get'
  | 'templates:sync'
  | 'templates:addDraft'
  | 'templates:delete'
  | 'templates:setDefault'
  | 'extjson:get'
  | 'extjson:save'
  | 'extjson:preview'
  | 'ledger:list';

export interface TemplateHandlerDeps extends Omit<TemplateLibraryDeps, 'store' | 'ledger'> {
  store: Pick<Store, 'templates' | 'authorizers' | 'extJson'>;
  ledger: Ledger;
  emit?: EmitEvent;
  /** UNCONFIRMED limits of ext_json (size). */
  extJsonLimits?: Partial<ExtJsonLimits>;
}

export interface ReleaseLibrary {
  templates: TemplateLibraryService;
  extJson: ExtJsonService;
}

/** The template library and ext_json services over one set of dependencies (also what core/release/steps uses). */
export function createReleaseLibrary(deps: TemplateHandlerDeps): ReleaseLibrary {
  return {
    templates: createTemplateLibrary(deps),
    extJson: createExtJsonService(deps),
  };
}

export function createTemplateHandlers(
  deps: TemplateHandlerDeps,
  lib: ReleaseLibrary = createReleaseLibrary(deps),
): HandlersOf<TemplateChannel> {
  const changed = <T>(value: T): T => {
    deps.emit?.('templates:changed', {});
    return value;
  };
  return {
    'templates:get': async () => lib.templates.view(),
    'templates:sync': async () => changed(await lib.templates.sync()),
    'templates:addDraft': async (draftId) => changed(await lib.templates.addDraft(draftId)),
    'templates:delete': async (templateId) => changed(await lib.templates.remove(templateId)),
    'templates:setDefault': async (templateId) => changed(await lib.templates.setDefault(templateId)),
    'extjson:get': async (templateId) => lib.extJson.get(templateId),
    'extjson:save': async (config) => lib.extJson.save(config),
    'extjson:preview': async (templateId, appids) => lib.extJson.preview(templateId, appids),
    'ledger:list': (appid) => deps.ledger.list(appid),
  };
}
