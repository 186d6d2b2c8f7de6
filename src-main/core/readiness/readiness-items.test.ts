import { describe, expect, it } from 'vitest';
import type { GetEffectiveDomainResponse, GetPrivacySettingResponse, ServerDomainLists } from '@wxfleet/protocol';
import type { ReadinessFacts } from './readiness-facts.js';
import { categoryNamedBy, domainGaps, heldBy, readinessItems } from './readiness-items.js';

const lists = (over: Partial<ServerDomainLists> = {}): ServerDomainLists => ({
  requestdomain: [],
  wsrequestdomain: [],
  uploaddomain: [],
  downloaddomain: [],
  udpdomain: [],
  tcpdomain: [],
  ...over,
});

const guide = (over: Partial<GetPrivacySettingResponse> = {}): GetPrivacySettingResponse => ({
  errcode: 0,
  errmsg: 'ok',
  code_exist: 1,
  privacy_list: ['UserInfo'],
  setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于登录', privacy_label: '用户信息' }],
  update_time: 1,
  owner_setting: {
    contact_phone: '',
    contact_email: 'a@b.cn',
    contact_qq: '',
    contact_weixin: '',
    ext_file_media_id: '',
    notice_method: '弹窗',
    store_expire_timestamp: '',
    store_region: 0,
  },
  privacy_desc: { privacy_desc_list: [] },
  sdk_privacy_info_list: [],
  ...over,
});

function facts(over: Partial<ReadinessFacts> = {}): ReadinessFacts {
  const domains: GetEffectiveDomainResponse = {
    errcode: 0,
    errmsg: 'ok',
    mp_domain: lists(),
    third_domain: lists(),
    direct_domain: lists(),
    effective_domain: lists(),
  };
  return {
    funcInfo: [17, 18, 19],
    basic: {
      errcode: 0,
      errmsg: 'ok',
      appid: 'wx1',
      account_type: 3,
      principal_type: 1,
      principal_name: 'x',
      credential: '',
      realname_status: 1,
      wx_verify_info: { qualification_verify: false, naming_verify: false },
      signature_info: { signature: '简介', modify_used_count: 0, modify_quota: 5 },
      head_image_info: { head_image_url: 'https://img', modify_used_count: 0, modify_quota: 5 },
      nickname: '店',
      nickname_info: { nickname: '店', modify_used_count: 0, modify_quota: 2 },
      registered_country: 156,
      customer_type: 0,
    },
    categories: {
      errcode: 0,
      errmsg: 'ok',
      categories: [{ first: 1, first_name: '工具', second: 2, second_name: '效率', audit_status: 3, audit_reason: '' }],
      limit: 5,
      quota: 5,
      category_limit: 5,
    },
    guide: guide(),
    interfaces: { errcode: 0, errmsg: 'ok', interface_list: [] },
    codePrivacy: { errcode: 0, errmsg: 'ok', without_auth_list: [], without_conf_list: [] },
    domains,
    webview: {
      errcode: 0,
      errmsg: 'ok',
      mp_webviewdomain: [],
      third_webviewdomain: [],
      direct_webviewdomain: [],
      effective_webviewdomain: [],
    },
    icp: { errcode: 0, errmsg: 'ok', info: { status: 6, is_canceling: false } },
    testers: ['u1'],
    profile: { requestdomain: [], wsrequestdomain: [], uploaddomain: [], downloaddomain: [], webviewdomain: [] },
    requiredCategory: null,
    ...over,
  };
}

const byKey = (f: ReadinessFacts) => Object.fromEntries(readinessItems(f).map((i) => [i.key, i]));

describe('readiness items', () => {
  it('is all ready for a mini-program WeChat would take as it is', () => {
    const items = readinessItems(facts());
    expect(items.every((i) => i.state === 'ready')).toBe(true);
    expect(heldBy(items)).toEqual([]);
  });

  it('tells a missing guide from one that does not cover the code', () => {
    const empty = guide({ setting_list: [], privacy_list: [] });
    empty.owner_setting = { ...empty.owner_setting, contact_email: '', notice_method: '' };
    expect(byKey(facts({ guide: empty }))['privacy_guide']).toMatchObject({
      state: 'missing',
      reason: 'guide_missing',
      fix: 'apply_privacy_guide',
      blocksAudit: true,
    });
    const partial = guide({ privacy_list: ['UserInfo', 'Location'] });
    expect(byKey(facts({ guide: partial }))['privacy_guide']).toMatchObject({
      reason: 'guide_uncovered',
      params: { keys: 'Location' },
    });
  });

  it('follows a privacy interface from not applied to under review to granted', () => {
    const code = { errcode: 0, errmsg: 'ok', without_auth_list: ['wx.getLocation'], without_conf_list: [] };
    const list = (status: 1 | 2 | 3 | 4 | 5) => ({
      errcode: 0,
      errmsg: 'ok',
      interface_list: [
        { api_name: 'wx.getLocation', api_ch_name: '', api_desc: '', status, api_link: '', group_name: '' },
      ],
    });
    expect(byKey(facts({ codePrivacy: code, interfaces: list(1) }))['privacy_interfaces']).toMatchObject({
      state: 'missing',
      reason: 'interface_not_applied',
    });
    expect(byKey(facts({ codePrivacy: code, interfaces: list(3) }))['privacy_interfaces']?.state).toBe('pending');
    expect(byKey(facts({ codePrivacy: code, interfaces: list(2) }))['privacy_interfaces']?.state).toBe('blocked');
    expect(byKey(facts({ codePrivacy: 'none' }))['privacy_interfaces']?.state).toBe('ready');
  });

  it("warns that a release deletes the merchant's own domains once the platform manages them (05 E26)", () => {
    const f = facts();
    f.domains!.mp_domain = lists({ requestdomain: ['https://own.example'] });
    // Nobody manages domains yet: the merchant's own stay.
    expect(domainGaps(f)).toEqual({ missing: [], deleted: [] });
    f.profile.requestdomain = ['https://api.agency.example'];
    expect(domainGaps(f)).toEqual({ missing: ['https://api.agency.example'], deleted: ['https://own.example'] });
    expect(byKey(f)['domains']).toMatchObject({ reason: 'domains_deleted_at_release', blocksRelease: true });
    expect(byKey(f)['domains']?.blocksAudit).toBe(false);
    f.domains!.third_domain = lists({ requestdomain: ['https://api.agency.example'] });
    f.domains!.direct_domain = lists({ requestdomain: ['https://own.example'] });
    expect(byKey(f)['domains']?.state).toBe('ready');
  });

  it('asks for the category an audit rejection named, and holds release while not ICP-filed', () => {
    const reason =
      '1:小程序页面内容与所选服务类目不符:<br>(1) 小程序提供的服务属于「体育-体育场馆服务」类目，请在基本设置中补充';
    const named = categoryNamedBy(reason);
    expect(named).toBe('体育-体育场馆服务');
    expect(byKey(facts({ requiredCategory: named }))['category']).toMatchObject({
      reason: 'category_required',
      params: { category: '体育-体育场馆服务' },
      fix: 'add_category',
    });
    const unfiled = facts({ icp: { errcode: 0, errmsg: 'ok', info: { status: 1027, is_canceling: false } } });
    const items = readinessItems(unfiled);
    expect(heldBy(items, false)).toEqual([]);
    expect(heldBy(items, true)).toEqual(['icp']);
  });

  it('shows what it could not read as not read, and never holds a deploy for it', () => {
    const items = readinessItems(facts({ basic: null, categories: null, icp: null }));
    expect(items.filter((i) => i.state === 'unknown').map((i) => i.key)).toEqual(['basic_info', 'category', 'icp']);
    expect(heldBy(items)).toEqual([]);
  });
});
