import type { EndpointSpec } from './endpoint-spec.js';

/** 06 (fast registration) and 08 (basic info, categories, ICP filing). */
export const MERCHANT_ENDPOINTS = {
  // 06 — fast registration
  fastRegisterWeappCreate: {
    method: 'POST',
    path: '/cgi-bin/component/fastregisterweapp',
    token: 'component',
    query: ['action=create'],
    retired: '2026-04-30',
    doc: '06 F1',
  },
  fastRegisterWeappSearch: {
    method: 'POST',
    path: '/cgi-bin/component/fastregisterweapp',
    token: 'component',
    query: ['action=search'],
    retired: '2026-04-30',
    doc: '06 F2',
  },
  fastRegisterPersonalWeappCreate: {
    method: 'POST',
    path: '/wxa/component/fastregisterpersonalweapp',
    token: 'component',
    query: ['action=create'],
    doc: '06 F3, F8',
  },
  fastRegisterPersonalWeappQuery: {
    method: 'POST',
    path: '/wxa/component/fastregisterpersonalweapp',
    token: 'component',
    query: ['action=query'],
    doc: '06 F3, F8',
  },
  fastRegisterBetaWeapp: {
    method: 'POST',
    path: '/wxa/component/fastregisterbetaweapp',
    token: 'component',
    tokenParam: 'access_token',
    doc: '06 F4',
  },
  verifyBetaWeapp: { method: 'POST', path: '/wxa/verifybetaweapp', token: 'authorizer', doc: '06 F4, F9' },
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
  fastRegisterEnterpriseWeappCreate: {
    method: 'POST',
    path: '/wxa/component/fastregisterenterpriseweapp',
    token: 'component',
    tokenParam: 'access_token',
    query: ['action=create'],
    doc: '06 F7',
  },
  fastRegisterEnterpriseWeappQuery: {
    method: 'POST',
    path: '/wxa/component/fastregisterenterpriseweapp',
    token: 'component',
    tokenParam: 'access_token',
    query: ['action=query'],
    doc: '06 F7',
  },

  // 08 H1–H4 — basic info. getaccountbasicinfo: GET in the SDKs, POST `{}` on the current page (UNCONFIRMED).
  getAccountBasicInfo: {
    method: 'GET',
    path: '/cgi-bin/account/getaccountbasicinfo',
    token: 'authorizer',
    doc: '08 H1',
  },
  checkWxVerifyNickname: {
    method: 'POST',
    path: '/cgi-bin/wxverify/checkwxverifynickname',
    token: 'authorizer',
    doc: '08 H2',
  },
  modifyHeadImage: { method: 'POST', path: '/cgi-bin/account/modifyheadimage', token: 'authorizer', doc: '08 H3' },
  modifySignature: { method: 'POST', path: '/cgi-bin/account/modifysignature', token: 'authorizer', doc: '08 H4' },

  // 08 H6 — categories
  getAllCategories: { method: 'GET', path: '/cgi-bin/wxopen/getallcategories', token: 'authorizer', doc: '08 H6' },
  getCategoriesByType: {
    method: 'POST',
    path: '/cgi-bin/wxopen/getcategoriesbytype',
    token: 'authorizer',
    doc: '08 H6',
  },
  getSettingCategories: { method: 'GET', path: '/cgi-bin/wxopen/getcategory', token: 'authorizer', doc: '08 H6' },
  addCategory: { method: 'POST', path: '/cgi-bin/wxopen/addcategory', token: 'authorizer', doc: '08 H6' },
  deleteCategory: { method: 'POST', path: '/cgi-bin/wxopen/deletecategory', token: 'authorizer', doc: '08 H6' },
  modifyCategory: { method: 'POST', path: '/cgi-bin/wxopen/modifycategory', token: 'authorizer', doc: '08 H6' },

  // 08 H7 — ICP filing (permission sets 18 or 156)
  getIcpEntranceInfo: { method: 'GET', path: '/wxa/icp/get_icp_entrance_info', token: 'authorizer', doc: '08 H7' },
  queryIcpSubjectTypes: {
    method: 'GET',
    path: '/wxa/icp/query_icp_subject_types',
    token: 'authorizer',
    doc: '08 H7',
  },
  queryIcpDistrictCode: {
    method: 'GET',
    path: '/wxa/icp/query_icp_district_code',
    token: 'authorizer',
    doc: '08 H7',
  },
  queryIcpCertificateTypes: {
    method: 'GET',
    path: '/wxa/icp/query_icp_certificate_types',
    token: 'authorizer',
    doc: '08 H7',
  },
  queryIcpNrlxTypes: { method: 'GET', path: '/wxa/icp/query_icp_nrlx_types', token: 'authorizer', doc: '08 H7' },
  queryIcpServiceContentTypes: {
    method: 'GET',
    path: '/wxa/icp/query_icp_service_content_types',
    token: 'authorizer',
    doc: '08 H7',
  },
  createIcpVerifyTask: {
    method: 'POST',
    path: '/wxa/icp/create_icp_verifytask',
    token: 'authorizer',
    doc: '08 H7',
  },
  queryIcpVerifyTask: {
    method: 'POST',
    path: '/wxa/icp/query_icp_verifytask',
    token: 'authorizer',
    doc: '08 H7',
  },
  uploadIcpMedia: {
    method: 'POST',
    path: '/wxa/icp/upload_icp_media',
    token: 'authorizer',
    multipart: true,
    fileField: 'media',
    doc: '08 H7',
  },
  applyIcpFiling: { method: 'POST', path: '/wxa/icp/apply_icp_filing', token: 'authorizer', doc: '08 H7' },
  getOnlineIcpOrder: { method: 'GET', path: '/wxa/icp/get_online_icp_order', token: 'authorizer', doc: '08 H7' },
  cancelApplyIcpFiling: {
    method: 'POST',
    path: '/wxa/icp/cancel_apply_icp_filing',
    token: 'authorizer',
    emptyBodyNeedsObject: true,
    doc: '08 H7',
  },
  cancelIcpFiling: { method: 'POST', path: '/wxa/icp/cancel_icp_filing', token: 'authorizer', doc: '08 H7' },
} as const satisfies Record<string, EndpointSpec>;
