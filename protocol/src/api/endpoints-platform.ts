import type { EndpointSpec } from './endpoint-spec.js';

/** 01 (authorization, tokens, authorizers, quotas, login) and 04 (template library). */
export const PLATFORM_ENDPOINTS = {
  // 01 — authorization, tokens, authorizers
  apiStartPushTicket: {
    method: 'POST',
    path: '/cgi-bin/component/api_start_push_ticket',
    token: 'none',
    doc: '01 A1b',
  },
  apiComponentToken: { method: 'POST', path: '/cgi-bin/component/api_component_token', token: 'none', doc: '01 A2' },
  apiCreatePreauthcode: {
    method: 'POST',
    path: '/cgi-bin/component/api_create_preauthcode',
    token: 'component',
    doc: '01 A3',
  },
  componentLoginPage: {
    method: 'GET',
    host: 'mp.weixin.qq.com',
    path: '/cgi-bin/componentloginpage',
    token: 'none',
    browser: true,
    doc: '01 A4.1',
  },
  bindComponent: {
    method: 'GET',
    host: 'open.weixin.qq.com',
    path: '/wxaopen/safe/bindcomponent',
    token: 'none',
    browser: true,
    query: ['action=bindcomponent', 'no_scan=1'],
    fragment: 'wechat_redirect',
    doc: '01 A4.2',
  },
  bindComponentLegacy: {
    method: 'GET',
    host: 'mp.weixin.qq.com',
    path: '/safe/bindcomponent',
    token: 'none',
    browser: true,
    query: ['action=bindcomponent', 'no_scan=1'],
    fragment: 'wechat_redirect',
    doc: '01 A4.2',
  },
  apiQueryAuth: { method: 'POST', path: '/cgi-bin/component/api_query_auth', token: 'component', doc: '01 A5' },
  apiAuthorizerToken: {
    method: 'POST',
    path: '/cgi-bin/component/api_authorizer_token',
    token: 'component',
    doc: '01 A6',
  },
  apiGetAuthorizerInfo: {
    method: 'POST',
    path: '/cgi-bin/component/api_get_authorizer_info',
    token: 'component',
    doc: '01 A7',
  },
  apiGetAuthorizerList: {
    method: 'POST',
    path: '/cgi-bin/component/api_get_authorizer_list',
    token: 'component',
    doc: '01 A8',
  },
  apiGetAuthorizerOption: {
    method: 'POST',
    path: '/cgi-bin/component/api_get_authorizer_option',
    token: 'component',
    doc: '01 A9',
  },
  apiSetAuthorizerOption: {
    method: 'POST',
    path: '/cgi-bin/component/api_set_authorizer_option',
    token: 'component',
    doc: '01 A9',
  },
  // New paths: CN page says component token, EN page and WxJava use the authorizer token (UNCONFIRMED).
  getAuthorizerOption: {
    method: 'POST',
    path: '/cgi-bin/component/get_authorizer_option',
    token: 'component',
    doc: '01 A9',
  },
  setAuthorizerOption: {
    method: 'POST',
    path: '/cgi-bin/component/set_authorizer_option',
    token: 'component',
    doc: '01 A9',
  },
  getApiQuota: {
    method: 'POST',
    path: '/cgi-bin/openapi/quota/get',
    token: 'component',
    ownerToken: true,
    doc: '01 A11',
  },
  clearQuota: { method: 'POST', path: '/cgi-bin/clear_quota', token: 'component', ownerToken: true, doc: '01 A12' },
  clearComponentQuotaByAppSecret: {
    method: 'POST',
    path: '/cgi-bin/component/clear_quota/v2',
    token: 'none',
    doc: '01 A12',
  },
  // Documented for OA/Shop/Channels accounts; use with component APIs UNCONFIRMED.
  clearApiQuota: {
    method: 'POST',
    path: '/cgi-bin/openapi/quota/clear',
    token: 'authorizer',
    ownerToken: true,
    doc: '01 A12',
  },
  getRidInfo: { method: 'POST', path: '/cgi-bin/openapi/rid/get', token: 'component', ownerToken: true, doc: '01 A13' },
  getApiDomainIp: { method: 'GET', path: '/cgi-bin/get_api_domain_ip', token: 'component', doc: '01 A14' },
  getCallbackIp: { method: 'GET', path: '/cgi-bin/getcallbackip', token: 'component', doc: '01 A14' },

  // 01 A15 — mini-program login through the platform (all query parameters)
  componentJscode2Session: {
    method: 'GET',
    path: '/sns/component/jscode2session',
    token: 'component',
    tokenParam: 'component_access_token',
    doc: '01 A15',
  },

  // 04 — template library (component token, always as `access_token=`)
  getTemplateDraftList: { method: 'GET', path: '/wxa/gettemplatedraftlist', token: 'component', doc: '04 D1' },
  addToTemplate: { method: 'POST', path: '/wxa/addtotemplate', token: 'component', doc: '04 D2' },
  getTemplateList: { method: 'GET', path: '/wxa/gettemplatelist', token: 'component', doc: '04 D3' },
  deleteTemplate: { method: 'POST', path: '/wxa/deletetemplate', token: 'component', doc: '04 D4' },
} as const satisfies Record<string, EndpointSpec>;
