import type { TemplateLibraryView, TemplateView } from '@contract/release';
import type { TemplateDraft, TemplateItem } from '@wxfleet/protocol';
import type { DraftRecord, TemplateLibrary, TemplateRecord } from '../../platform/store/templates-aggregate.js';
import type { TemplateUse } from './template-usage.js';

export interface TemplateLimits {
  /** 200 per library (04); normal and standard templates each have their own. */
  cap: number;
  /** `nearCap` from this many templates in one library. */
  nearCapAt: number;
}

export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = { cap: 200, nearCapAt: 180 };

export const draftRecord = (d: TemplateDraft): DraftRecord => ({
  draftId: d.draft_id,
  userVersion: d.user_version,
  userDesc: d.user_desc,
  createTime: d.create_time,
  sourceAppid: d.source_miniprogram_appid,
  developer: d.developer,
});

export const templateRecord = (t: TemplateItem): TemplateRecord => ({
  templateId: t.template_id,
  draftId: t.draft_id ?? null,
  userVersion: t.user_version,
  userDesc: t.user_desc,
  createTime: t.create_time,
  templateType: t.template_type,
  sourceAppid: t.source_miniprogram_appid,
  developer: t.developer,
});

export function templateView(t: TemplateRecord, lib: TemplateLibrary, uses: TemplateUse[] = []): TemplateView {
  return {
    templateId: t.templateId,
    userVersion: t.userVersion,
    userDesc: t.userDesc,
    createTime: t.createTime,
    isDefault: lib.defaultTemplateId === t.templateId,
    usedBy: uses.map((u) => u.appid),
  };
}

export function libraryView(
  lib: TemplateLibrary,
  usage: Map<number, TemplateUse[]>,
  limits: TemplateLimits,
): TemplateLibraryView {
  const perType = new Map<number, number>();
  for (const t of lib.templates) perType.set(t.templateType, (perType.get(t.templateType) ?? 0) + 1);
  return {
    drafts: [...lib.drafts]
      .sort((a, b) => b.createTime - a.createTime || b.draftId - a.draftId)
      .map(({ draftId, userVersion, userDesc, createTime }) => ({ draftId, userVersion, userDesc, createTime })),
    templates: [...lib.templates]
      .sort((a, b) => b.templateId - a.templateId)
      .map((t) => templateView(t, lib, usage.get(t.templateId))),
    defaultTemplateId: lib.defaultTemplateId,
    cap: limits.cap,
    nearCap: Math.max(0, ...perType.values()) >= limits.nearCapAt,
  };
}
