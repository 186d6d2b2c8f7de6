import type { TemplateDraft, TemplateItem } from '@wxfleet/protocol';
import { describe, expect, it } from 'vitest';
import { findNewTemplate } from './find-new-template.js';

const draft = (id: number, v: string, t = 1000): TemplateDraft => ({
  draft_id: id,
  user_version: v,
  user_desc: `build ${v}`,
  create_time: t,
  source_miniprogram_appid: 'wxdev',
  source_miniprogram: 'Dev',
  developer: 'dev',
  category_list: [],
});
const tpl = (templateId: number, d: TemplateDraft, created: number, withDraftId: boolean): TemplateItem => {
  const { draft_id, ...rest } = d;
  return {
    ...rest,
    ...(withDraftId ? { draft_id } : {}),
    template_id: templateId,
    create_time: created,
    template_type: 0,
  };
};

describe('findNewTemplate', () => {
  const mine = draft(7, '2.0.0');
  const theirs = draft(8, '2.0.1');

  it('matches by draft_id when WeChat lists it', () => {
    const fresh = [tpl(41, theirs, 2000, true), tpl(42, mine, 2000, true)];
    expect(findNewTemplate(mine, fresh, 0)).toEqual({ template: fresh[1], ambiguous: false });
  });

  it('matches by version, description, source and time without draft_id', () => {
    const fresh = [tpl(42, mine, 2000, false), tpl(43, theirs, 2001, false)];
    expect(findNewTemplate(mine, fresh, 0)?.template.template_id).toBe(42);
    expect(findNewTemplate(mine, [tpl(44, mine, 900, false)], 0)).toBeNull();
    expect(findNewTemplate(mine, [tpl(43, theirs, 2001, false)], 0)).toBeNull();
  });

  it('takes the newest and says so when the same draft was added twice at once', () => {
    const fresh = [tpl(42, mine, 2000, false), tpl(45, mine, 2000, false)];
    expect(findNewTemplate(mine, fresh, 0)).toMatchObject({ template: { template_id: 45 }, ambiguous: true });
  });
});
