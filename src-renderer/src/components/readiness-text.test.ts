// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AuthorizerTable from '@renderer/components/AuthorizerTable.vue';
import { i18n, setLanguage } from '@renderer/i18n';
import { filterRows } from '@renderer/stores/authorizer-filter';
import { authorizerRow } from '@renderer/testing/fixtures';
import { appPlugins } from '@renderer/testing/mount';
import { reasonText, summaryTag } from './readiness-text';

const rows = [
  authorizerRow(0, { readiness: { checkedAt: '2026-01-01T00:00:00Z', notReady: [], pending: [] } }),
  authorizerRow(1, {
    readiness: { checkedAt: '2026-01-01T00:00:00Z', notReady: ['privacy_guide', 'icp'], pending: [] },
  }),
  authorizerRow(2, { readiness: null }),
];
const all = { search: '', status: '' as const, templateId: null, version: '', tag: '', drift: '' as const };

describe('readiness in the fleet list', () => {
  it('filters by what holds a mini-program back', () => {
    expect(filterRows(rows, { ...all, readiness: 'any' }).map((r) => r.appid)).toEqual([rows[1]!.appid]);
    expect(filterRows(rows, { ...all, readiness: 'icp' })).toHaveLength(1);
    expect(filterRows(rows, { ...all, readiness: 'domains' })).toHaveLength(0);
    expect(filterRows(rows, { ...all, readiness: '' })).toHaveLength(3);
  });

  it('says ready, what is missing first, or not checked — in Chinese and in English', () => {
    setLanguage('zh-CN');
    expect(summaryTag(rows[1]!.readiness).text).toBe('未就绪：隐私保护指引 等 1 项');
    const wrapper = mount(AuthorizerTable, {
      props: { rows, selected: new Set<string>() },
      global: { plugins: appPlugins() },
    });
    const cells = wrapper.findAll('[data-test="readiness-cell"]').map((c) => c.text());
    expect(cells).toEqual(['就绪', '未就绪：隐私保护指引 等 1 项', '未检查']);
    setLanguage('en');
    expect(summaryTag(rows[0]!.readiness)).toEqual({ type: 'success', text: 'Ready' });
    expect(summaryTag(null).text).toBe('Not checked');
    const text = reasonText({
      key: 'basic_info',
      state: 'missing',
      reason: 'basic_info_missing',
      params: { missing: 'avatar,introduction' },
      fix: 'set_basic_info',
      blocksAudit: true,
      blocksRelease: true,
    });
    expect(text).toBe('Missing: avatar, introduction. submit_audit would answer 86002.');
    setLanguage('zh-CN');
    expect(i18n.global.t('readiness.reason.guide_missing')).toContain('隐私保护指引');
  });
});
