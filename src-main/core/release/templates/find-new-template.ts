import type { TemplateDraft, TemplateItem } from '@wxfleet/protocol';

export interface NewTemplateMatch {
  template: TemplateItem;
  /** More than one new template fitted the draft (the same draft added twice at once); the newest was taken. */
  ambiguous: boolean;
}

/**
 * addtotemplate does not return the new template_id (04 D2). Given the templates that appeared between a list before
 * and a list after the call, picks the one made from `draft`: by `draft_id` when WeChat lists it, else by the
 * draft's user_version, user_desc, source and developer, created no earlier than the draft. Other templates added
 * concurrently (from other drafts) are ignored.
 */
export function findNewTemplate(
  draft: TemplateDraft,
  fresh: readonly TemplateItem[],
  templateType: number,
): NewTemplateMatch | null {
  const byDraftId = fresh.filter((t) => t.draft_id === draft.draft_id);
  const candidates =
    byDraftId.length > 0
      ? byDraftId
      : fresh.filter(
          (t) =>
            t.draft_id === undefined &&
            t.template_type === templateType &&
            t.user_version === draft.user_version &&
            t.user_desc === draft.user_desc &&
            t.source_miniprogram_appid === draft.source_miniprogram_appid &&
            t.developer === draft.developer &&
            t.create_time >= draft.create_time,
        );
  const sorted = [...candidates].sort((a, b) => b.template_id - a.template_id);
  const [template] = sorted;
  return template ? { template, ambiguous: sorted.length > 1 } : null;
}
