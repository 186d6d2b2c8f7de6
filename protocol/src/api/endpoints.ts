/** Host of every API endpoint; browser pages name their own `host`. */
export const WX_API_HOST = 'api.weixin.qq.com';

/**
 * Which token goes in the query. Component endpoints accept `component_access_token=` (legacy, all SDKs) or
 * `access_token=` (new docs); authorizer endpoints take `access_token=`.
 */
export type EndpointToken = 'none' | 'component' | 'authorizer';

export interface EndpointSpec {
  readonly method: 'GET' | 'POST';
  /** Only for browser pages; API endpoints live on `WX_API_HOST`. */
  readonly host?: 'mp.weixin.qq.com' | 'open.weixin.qq.com';
  readonly path: string;
  readonly token: EndpointToken;
  /**
   * The token must belong to the account concerned (the API's owner, or the caller for rid/get): the component token
   * for the platform's own APIs, an authorizer token for calls made on behalf of a merchant. `token` is the default.
   */
  readonly ownerToken?: boolean;
  /** A page a person opens in a browser, not an API call; request = its query, response = the redirect's query. */
  readonly browser?: boolean;
  /** URL fragment the link must end with (mobile authorization page: `#wechat_redirect`). */
  readonly fragment?: string;
  /** POST with no fields that refuses an empty body with 44002: send `{}`. */
  readonly emptyBodyNeedsObject?: boolean;
  /** `multipart/form-data` body (file field `media`). */
  readonly multipart?: boolean;
  /** Success body is an image; errors are JSON: branch on Content-Type. */
  readonly binaryResponse?: 'image/jpeg' | 'image';
  /** Fixed query parameters, written `name=value`, that select the endpoint (e.g. `action=get_history_version`). */
  readonly query?: readonly string[];
  /** Section of /work/shared/wechat, e.g. `05 E5`. */
  readonly doc: string;
}

/** For GET endpoints the request type describes the query parameters (besides the token and `query`). */
export const ENDPOINTS = {
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

  // 04 — template library (component token, always as `access_token=`)
  getTemplateDraftList: { method: 'GET', path: '/wxa/gettemplatedraftlist', token: 'component', doc: '04 D1' },
  addToTemplate: { method: 'POST', path: '/wxa/addtotemplate', token: 'component', doc: '04 D2' },
  getTemplateList: { method: 'GET', path: '/wxa/gettemplatelist', token: 'component', doc: '04 D3' },
  deleteTemplate: { method: 'POST', path: '/wxa/deletetemplate', token: 'component', doc: '04 D4' },

  // 05 — code management (authorizer token)
  commit: { method: 'POST', path: '/wxa/commit', token: 'authorizer', doc: '05 E1' },
  getPage: { method: 'GET', path: '/wxa/get_page', token: 'authorizer', doc: '05 E2' },
  getCategory: { method: 'GET', path: '/wxa/get_category', token: 'authorizer', doc: '05 E3' },
  getQrcode: {
    method: 'GET',
    path: '/wxa/get_qrcode',
    token: 'authorizer',
    binaryResponse: 'image/jpeg',
    doc: '05 E4',
  },
  submitAudit: { method: 'POST', path: '/wxa/submit_audit', token: 'authorizer', doc: '05 E5' },
  getAuditStatus: { method: 'POST', path: '/wxa/get_auditstatus', token: 'authorizer', doc: '05 E6' },
  getLatestAuditStatus: { method: 'GET', path: '/wxa/get_latest_auditstatus', token: 'authorizer', doc: '05 E7' },
  undoCodeAudit: { method: 'GET', path: '/wxa/undocodeaudit', token: 'authorizer', doc: '05 E8' },
  release: { method: 'POST', path: '/wxa/release', token: 'authorizer', emptyBodyNeedsObject: true, doc: '05 E9' },
  revertCodeRelease: { method: 'GET', path: '/wxa/revertcoderelease', token: 'authorizer', doc: '05 E10' },
  getHistoryVersion: {
    method: 'GET',
    path: '/wxa/revertcoderelease',
    token: 'authorizer',
    query: ['action=get_history_version'],
    doc: '05 E10',
  },
  grayRelease: { method: 'POST', path: '/wxa/grayrelease', token: 'authorizer', doc: '05 E11' },
  revertGrayRelease: { method: 'GET', path: '/wxa/revertgrayrelease', token: 'authorizer', doc: '05 E12' },
  getGrayReleasePlan: { method: 'GET', path: '/wxa/getgrayreleaseplan', token: 'authorizer', doc: '05 E12' },
  changeVisitStatus: { method: 'POST', path: '/wxa/change_visitstatus', token: 'authorizer', doc: '05 E13' },
  getVisitStatus: {
    method: 'POST',
    path: '/wxa/getvisitstatus',
    token: 'authorizer',
    emptyBodyNeedsObject: true,
    doc: '05 E13',
  },
  getVersionInfo: {
    method: 'POST',
    path: '/wxa/getversioninfo',
    token: 'authorizer',
    emptyBodyNeedsObject: true,
    doc: '05 E14',
  },
  // GET per the official page; DT sends POST and reportedly works (UNCONFIRMED).
  queryQuota: { method: 'GET', path: '/wxa/queryquota', token: 'authorizer', doc: '05 E14' },
  speedupAudit: { method: 'POST', path: '/wxa/speedupaudit', token: 'authorizer', doc: '05 E14' },
  getWeappSupportVersion: {
    method: 'POST',
    path: '/cgi-bin/wxopen/getweappsupportversion',
    token: 'authorizer',
    emptyBodyNeedsObject: true,
    doc: '05 E15',
  },
  setWeappSupportVersion: {
    method: 'POST',
    path: '/cgi-bin/wxopen/setweappsupportversion',
    token: 'authorizer',
    doc: '05 E15',
  },
  modifyDomain: { method: 'POST', path: '/wxa/modify_domain', token: 'authorizer', doc: '05 E16' },
  modifyDomainDirectly: { method: 'POST', path: '/wxa/modify_domain_directly', token: 'authorizer', doc: '05 E16' },
  getEffectiveDomain: { method: 'POST', path: '/wxa/get_effective_domain', token: 'authorizer', doc: '05 E16' },
  setWebviewDomain: { method: 'POST', path: '/wxa/setwebviewdomain', token: 'authorizer', doc: '05 E17' },
  setWebviewDomainDirectly: {
    method: 'POST',
    path: '/wxa/setwebviewdomain_directly',
    token: 'authorizer',
    doc: '05 E17',
  },
  bindTester: { method: 'POST', path: '/wxa/bind_tester', token: 'authorizer', doc: '05 E18' },
  unbindTester: { method: 'POST', path: '/wxa/unbind_tester', token: 'authorizer', doc: '05 E18' },
  memberAuth: { method: 'POST', path: '/wxa/memberauth', token: 'authorizer', doc: '05 E18' },
  getCodePrivacyInfo: {
    method: 'GET',
    path: '/wxa/security/get_code_privacy_info',
    token: 'authorizer',
    doc: '05 E19',
  },
  uploadMedia: { method: 'POST', path: '/wxa/uploadmedia', token: 'authorizer', multipart: true, doc: '05 E20' },
  setNickname: { method: 'POST', path: '/wxa/setnickname', token: 'authorizer', doc: '05 E21' },
  queryNickname: { method: 'POST', path: '/wxa/api_wxa_querynickname', token: 'authorizer', doc: '05 E21' },
  // Under /cgi-bin/component/ but they take the AUTHORIZER token.
  getPrivacySetting: {
    method: 'POST',
    path: '/cgi-bin/component/getprivacysetting',
    token: 'authorizer',
    emptyBodyNeedsObject: true,
    doc: '05 E22',
  },
  setPrivacySetting: {
    method: 'POST',
    path: '/cgi-bin/component/setprivacysetting',
    token: 'authorizer',
    doc: '05 E22',
  },
  getMaterial: {
    method: 'POST',
    path: '/cgi-bin/material/get_material',
    token: 'authorizer',
    binaryResponse: 'image',
    doc: '02 B10, 05 E6',
  },
  modifyWxaServerDomain: {
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_server_domain',
    token: 'component',
    doc: '05 E16',
  },
  modifyWxaJumpDomain: {
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_jump_domain',
    token: 'component',
    doc: '05 E17',
  },

  // 06 — fast registration
  fastRegisterWeappCreate: {
    method: 'POST',
    path: '/cgi-bin/component/fastregisterweapp',
    token: 'component',
    query: ['action=create'],
    doc: '06 F1',
  },
  fastRegisterWeappSearch: {
    method: 'POST',
    path: '/cgi-bin/component/fastregisterweapp',
    token: 'component',
    query: ['action=search'],
    doc: '06 F2',
  },
  fastRegisterPersonalWeappCreate: {
    method: 'POST',
    path: '/wxa/component/fastregisterpersonalweapp',
    token: 'component',
    query: ['action=create'],
    doc: '06 F3',
  },
  fastRegisterPersonalWeappQuery: {
    method: 'POST',
    path: '/wxa/component/fastregisterpersonalweapp',
    token: 'component',
    query: ['action=query'],
    doc: '06 F3',
  },
  fastRegisterBetaWeapp: {
    method: 'POST',
    path: '/wxa/component/fastregisterbetaweapp',
    token: 'component',
    doc: '06 F4',
  },
  verifyBetaWeapp: { method: 'POST', path: '/wxa/verifybetaweapp', token: 'authorizer', doc: '06 F4' },
  fastRegisterAuth: {
    method: 'GET',
    host: 'mp.weixin.qq.com',
    path: '/cgi-bin/fastregisterauth',
    token: 'none',
    browser: true,
    doc: '06 F5',
  },
  // The official account's authorizer token, not a mini program's.
  accountFastRegister: { method: 'POST', path: '/cgi-bin/account/fastregister', token: 'authorizer', doc: '06 F5' },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof ENDPOINTS;

export type {
  EndpointRequest,
  EndpointResponse,
  EndpointTypes,
  EndpointTypesComplete,
  JsonEndpointName,
  JsonResponsesHaveEnvelope,
} from './endpoint-types.js';
