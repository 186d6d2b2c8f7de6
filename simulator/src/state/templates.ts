import type { Draft, Template } from './types.js';

export const TEMPLATE_LIBRARY_LIMIT = 200;
export const DEFAULT_PAGES = ['pages/index/index', 'pages/detail/detail', 'pages/cart/cart', 'pages/mine/mine'];

export interface DraftInput {
  user_version: string;
  user_desc: string;
  developer?: string;
  source_miniprogram_appid?: string;
  source_miniprogram?: string;
  pages?: string[];
  privacyApis?: string[];
}

/** The platform's draft box and template library (04). */
export class TemplateLibrary {
  readonly drafts: Draft[] = [];
  readonly templates: Template[] = [];
  private nextDraftId = 1;
  private nextTemplateId = 1;

  addDraft(input: DraftInput, now: number): Draft {
    const draft: Draft = {
      draft_id: this.nextDraftId++,
      create_time: now,
      user_version: input.user_version,
      user_desc: input.user_desc,
      source_miniprogram_appid: input.source_miniprogram_appid ?? 'wxdev0000000000001',
      source_miniprogram: input.source_miniprogram ?? '开发小程序',
      developer: input.developer ?? 'dev-wechat-nickname',
      pages: input.pages && input.pages.length > 0 ? [...input.pages] : [...DEFAULT_PAGES],
      privacyApis: input.privacyApis ? [...input.privacyApis] : [],
    };
    this.drafts.push(draft);
    return draft;
  }

  /** 85064 when the draft is gone, 85065 when that library already holds 200. */
  addToTemplate(draftId: number, type: 0 | 1, now: number): Template | number {
    const draft = this.drafts.find((d) => d.draft_id === draftId);
    if (draft === undefined) return 85064;
    if (this.templates.filter((t) => t.template_type === type).length >= TEMPLATE_LIBRARY_LIMIT) return 85065;
    const template: Template = {
      ...draft,
      pages: [...draft.pages],
      privacyApis: [...draft.privacyApis],
      create_time: now,
      template_id: this.nextTemplateId++,
      template_type: type,
    };
    this.templates.push(template);
    return template;
  }

  find(templateId: number): Template | undefined {
    return this.templates.find((t) => t.template_id === templateId);
  }

  delete(templateId: number): boolean {
    const index = this.templates.findIndex((t) => t.template_id === templateId);
    if (index < 0) return false;
    this.templates.splice(index, 1);
    return true;
  }
}
