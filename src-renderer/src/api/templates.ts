import type {
  ExtJsonConfig,
  ExtJsonPreview,
  SubmitPreview,
  TemplateLibraryView,
  TemplateView,
} from '@contract/release';
import { call, subscribe } from './bridge';

export const templatesApi = {
  get: (): Promise<TemplateLibraryView> => call('templates:get'),
  sync: (): Promise<TemplateLibraryView> => call('templates:sync'),
  addDraft: (draftId: number): Promise<TemplateView> => call('templates:addDraft', draftId),
  remove: (templateId: number): Promise<TemplateLibraryView> => call('templates:delete', templateId),
  setDefault: (templateId: number): Promise<TemplateLibraryView> => call('templates:setDefault', templateId),
  onChanged: (listener: () => void) => subscribe('templates:changed', listener),
};

export const extJsonApi = {
  get: (templateId: number): Promise<ExtJsonConfig> => call('extjson:get', templateId),
  save: (config: ExtJsonConfig): Promise<ExtJsonConfig> => call('extjson:save', config),
  preview: (templateId: number, appids: string[]): Promise<ExtJsonPreview[]> =>
    call('extjson:preview', templateId, appids),
  submitPreview: (templateId: number, appids: string[]): Promise<SubmitPreview[]> =>
    call('extjson:submitPreview', templateId, appids),
};
