import { describe, expect, it } from 'vitest';
import type { AppCategory } from './build-submit.js';
import { buildSubmission } from './build-submit.js';
import { mergeProfiles, profileProblems } from './submit-profile.js';

const FOOD: AppCategory = {
  first_class: '餐饮',
  second_class: '餐饮服务场所',
  first_id: 220,
  second_id: 221,
  third_class: '',
  third_id: 0,
};
const RETAIL: AppCategory = {
  first_class: '商家自营',
  second_class: '服装/鞋/箱包',
  first_id: 304,
  second_id: 305,
  third_class: '',
  third_id: 0,
};
const PAGES = ['pages/index/index', 'pages/menu/menu'];

describe('submit profiles', () => {
  it('submits under the first own category and page by default', () => {
    const built = buildSubmission({}, [FOOD, RETAIL], PAGES);
    expect(built.problems).toEqual([]);
    expect(built.request).toEqual({
      item_list: [
        {
          first_class: '餐饮',
          second_class: '餐饮服务场所',
          first_id: 220,
          second_id: 221,
          address: 'pages/index/index',
        },
      ],
    });
  });

  it('takes the chosen category, page, title and tags, and the declarations', () => {
    const built = buildSubmission(
      {
        category: { firstId: 304, secondId: 305 },
        page: 'pages/menu/menu',
        title: '菜单',
        tags: ['衣服', '鞋'],
        ugcDeclare: { scene: [2, 4], method: [1, 3], hasAuditTeam: 1, auditDesc: '人工审核' },
        privacyApiNotUse: true,
        previewInfo: { picIdList: ['m1'] },
        versionDesc: '新菜单',
      },
      [FOOD, RETAIL],
      PAGES,
    );
    expect(built.request).toEqual({
      item_list: [
        {
          first_class: '商家自营',
          second_class: '服装/鞋/箱包',
          first_id: 304,
          second_id: 305,
          address: 'pages/menu/menu',
          title: '菜单',
          tag: '衣服 鞋',
        },
      ],
      version_desc: '新菜单',
      ugc_declare: { scene: [2, 4], method: [1, 3], has_audit_team: 1, audit_desc: '人工审核' },
      privacy_api_not_use: true,
      preview_info: { pic_id_list: ['m1'] },
    });
  });

  it('refuses a category the mini-program does not have and a page its code does not have', () => {
    const built = buildSubmission({ category: { firstId: 1, secondId: 2 }, page: 'pages/x/x' }, [FOOD], PAGES);
    expect(built.request).toBeNull();
    expect(built.problems).toEqual([
      { code: 'submit_category_not_on_app', params: { category: '1-2' } },
      { code: 'submit_page_not_in_code', params: { page: 'pages/x/x' } },
    ]);
    expect(buildSubmission({}, [], PAGES).problems).toEqual([{ code: 'submit_no_category', params: {} }]);
  });

  it('checks WeChat’s lengths and counts: title, tags, UGC, preview, version notes', () => {
    const codes = profileProblems({
      title: 'x'.repeat(33),
      tags: ['a b', 'y'.repeat(21), ...Array.from({ length: 9 }, (_, i) => `t${i}`)],
      ugcDeclare: { scene: [5], auditDesc: 'z'.repeat(257) },
      previewInfo: { picIdList: ['1', '2', '3', '4', '5', '6'], videoIdList: ['v1', 'v2', 'v3'] },
      versionDesc: 'd'.repeat(501),
    }).map((p) => p.code);
    expect(codes).toEqual([
      'submit_title_too_long',
      'submit_too_many_tags',
      'submit_tag_has_space',
      'submit_tag_too_long',
      'submit_ugc_method_missing',
      'submit_ugc_other_desc_missing',
      'submit_ugc_text_too_long',
      'submit_preview_too_many_pics',
      'submit_preview_too_many_videos',
      'submit_version_desc_too_long',
    ]);
    expect(profileProblems({ title: '三十二个字'.repeat(6), tags: ['标签'], ugcDeclare: { scene: [0] } })).toEqual([]);
    expect(profileProblems({ ugcDeclare: { scene: [0, 2], method: [1] } }).map((p) => p.code)).toEqual([
      'submit_ugc_scene_none_alone',
    ]);
  });

  it('lets a mini-program’s own profile override the template’s field by field', () => {
    expect(
      mergeProfiles(
        { title: 'T', tags: ['a'], privacyApiNotUse: true },
        { title: 'Own', category: { firstId: 1, secondId: 2 } },
      ),
    ).toEqual({ title: 'Own', tags: ['a'], privacyApiNotUse: true, category: { firstId: 1, secondId: 2 } });
  });
});
