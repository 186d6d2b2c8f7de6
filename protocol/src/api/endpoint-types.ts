import type * as Auth from './authorization.js';
import type * as Code from './code-management.js';
import type * as Common from './common.js';
import type * as Dtp from './domains-testers-privacy.js';
import type * as Fast from './fast-registration.js';
import type * as Icp from './icp-filing.js';
import type * as Login from './mini-program-login.js';
import type * as Merchant from './merchant-settings.js';
import type * as Pi from './privacy-interfaces.js';
import type * as Quota from './quota-misc.js';
import type * as Tpl from './templates.js';
import type { ENDPOINTS, EndpointName } from './endpoints.js';

interface Io<Req, Res> {
  request: Req;
  response: Res;
}

/** Request and response type of each endpoint, for a generic `call<K extends EndpointName>(name: K, req)`. */
export interface EndpointTypes {
  apiStartPushTicket: Io<Auth.ApiStartPushTicketRequest, Auth.ApiStartPushTicketResponse>;
  apiComponentToken: Io<Auth.ApiComponentTokenRequest, Auth.ApiComponentTokenResponse>;
  apiCreatePreauthcode: Io<Auth.ApiCreatePreauthcodeRequest, Auth.ApiCreatePreauthcodeResponse>;
  componentLoginPage: Io<Auth.AuthorizationPageQuery, Auth.AuthorizationRedirectQuery>;
  bindComponent: Io<Auth.AuthorizationPageQuery, Auth.AuthorizationRedirectQuery>;
  bindComponentLegacy: Io<Auth.AuthorizationPageQuery, Auth.AuthorizationRedirectQuery>;
  apiQueryAuth: Io<Auth.ApiQueryAuthRequest, Auth.ApiQueryAuthResponse>;
  apiAuthorizerToken: Io<Auth.ApiAuthorizerTokenRequest, Auth.ApiAuthorizerTokenResponse>;
  apiGetAuthorizerInfo: Io<Auth.ApiGetAuthorizerInfoRequest, Auth.ApiGetAuthorizerInfoResponse>;
  apiGetAuthorizerList: Io<Auth.ApiGetAuthorizerListRequest, Auth.ApiGetAuthorizerListResponse>;
  apiGetAuthorizerOption: Io<Auth.ApiGetAuthorizerOptionRequest, Auth.ApiGetAuthorizerOptionResponse>;
  apiSetAuthorizerOption: Io<Auth.ApiSetAuthorizerOptionRequest, Auth.ApiSetAuthorizerOptionResponse>;
  getAuthorizerOption: Io<Auth.GetAuthorizerOptionRequest, Auth.GetAuthorizerOptionResponse>;
  setAuthorizerOption: Io<Auth.SetAuthorizerOptionRequest, Auth.SetAuthorizerOptionResponse>;
  getApiQuota: Io<Quota.GetApiQuotaRequest, Quota.GetApiQuotaResponse>;
  clearQuota: Io<Quota.ClearQuotaRequest, Quota.ClearQuotaResponse>;
  clearComponentQuotaByAppSecret: Io<
    Quota.ClearComponentQuotaByAppSecretRequest,
    Quota.ClearComponentQuotaByAppSecretResponse
  >;
  clearApiQuota: Io<Quota.ClearApiQuotaRequest, Quota.ClearApiQuotaResponse>;
  getRidInfo: Io<Quota.GetRidInfoRequest, Quota.GetRidInfoResponse>;
  getApiDomainIp: Io<Quota.GetApiDomainIpRequest, Quota.GetApiDomainIpResponse>;
  getCallbackIp: Io<Quota.GetCallbackIpRequest, Quota.GetCallbackIpResponse>;
  componentJscode2Session: Io<Login.ComponentJscode2SessionRequest, Login.ComponentJscode2SessionResponse>;

  getTemplateDraftList: Io<Tpl.GetTemplateDraftListRequest, Tpl.GetTemplateDraftListResponse>;
  addToTemplate: Io<Tpl.AddToTemplateRequest, Tpl.AddToTemplateResponse>;
  getTemplateList: Io<Tpl.GetTemplateListRequest, Tpl.GetTemplateListResponse>;
  deleteTemplate: Io<Tpl.DeleteTemplateRequest, Tpl.DeleteTemplateResponse>;

  commit: Io<Code.CommitRequest, Code.CommitResponse>;
  getPage: Io<Code.GetPageRequest, Code.GetPageResponse>;
  getCategory: Io<Code.GetCategoryRequest, Code.GetCategoryResponse>;
  getQrcode: Io<Code.GetQrcodeRequest, Code.GetQrcodeResponse>;
  submitAudit: Io<Code.SubmitAuditRequest, Code.SubmitAuditResponse>;
  getAuditStatus: Io<Code.GetAuditStatusRequest, Code.GetAuditStatusResponse>;
  getLatestAuditStatus: Io<Code.GetLatestAuditStatusRequest, Code.GetLatestAuditStatusResponse>;
  undoCodeAudit: Io<Code.UndoCodeAuditRequest, Code.UndoCodeAuditResponse>;
  release: Io<Code.ReleaseRequest, Code.ReleaseResponse>;
  revertCodeRelease: Io<Code.RevertCodeReleaseRequest, Code.RevertCodeReleaseResponse>;
  getHistoryVersion: Io<Code.GetHistoryVersionRequest, Code.GetHistoryVersionResponse>;
  grayRelease: Io<Code.GrayReleaseRequest, Code.GrayReleaseResponse>;
  revertGrayRelease: Io<Code.RevertGrayReleaseRequest, Code.RevertGrayReleaseResponse>;
  getGrayReleasePlan: Io<Code.GetGrayReleasePlanRequest, Code.GetGrayReleasePlanResponse>;
  changeVisitStatus: Io<Code.ChangeVisitStatusRequest, Code.ChangeVisitStatusResponse>;
  getVisitStatus: Io<Code.GetVisitStatusRequest, Code.GetVisitStatusResponse>;
  getVersionInfo: Io<Code.GetVersionInfoRequest, Code.GetVersionInfoResponse>;
  queryQuota: Io<Code.QueryQuotaRequest, Code.QueryQuotaResponse>;
  speedupAudit: Io<Code.SpeedupAuditRequest, Code.SpeedupAuditResponse>;
  getWeappSupportVersion: Io<Code.GetWeappSupportVersionRequest, Code.GetWeappSupportVersionResponse>;
  setWeappSupportVersion: Io<Code.SetWeappSupportVersionRequest, Code.SetWeappSupportVersionResponse>;
  uploadMedia: Io<Code.UploadMediaRequest, Code.UploadMediaResponse>;
  getMaterial: Io<Code.GetMaterialRequest, Code.GetMaterialResponse>;

  modifyDomain: Io<Dtp.ModifyDomainRequest, Dtp.ModifyDomainResponse>;
  modifyDomainDirectly: Io<Dtp.ModifyDomainDirectlyRequest, Dtp.ModifyDomainDirectlyResponse>;
  getEffectiveDomain: Io<Dtp.GetEffectiveDomainRequest, Dtp.GetEffectiveDomainResponse>;
  setWebviewDomain: Io<Dtp.SetWebviewDomainRequest, Dtp.SetWebviewDomainResponse>;
  setWebviewDomainDirectly: Io<Dtp.SetWebviewDomainDirectlyRequest, Dtp.SetWebviewDomainDirectlyResponse>;
  getWebviewDomainConfirmFile: Io<Dtp.GetWebviewDomainConfirmFileRequest, Dtp.GetWebviewDomainConfirmFileResponse>;
  getEffectiveWebviewDomain: Io<Dtp.GetEffectiveWebviewDomainRequest, Dtp.GetEffectiveWebviewDomainResponse>;
  bindTester: Io<Dtp.BindTesterRequest, Dtp.BindTesterResponse>;
  unbindTester: Io<Dtp.UnbindTesterRequest, Dtp.UnbindTesterResponse>;
  memberAuth: Io<Dtp.MemberAuthRequest, Dtp.MemberAuthResponse>;
  getCodePrivacyInfo: Io<Dtp.GetCodePrivacyInfoRequest, Dtp.GetCodePrivacyInfoResponse>;
  setNickname: Io<Dtp.SetNicknameRequest, Dtp.SetNicknameResponse>;
  queryNickname: Io<Dtp.QueryNicknameRequest, Dtp.QueryNicknameResponse>;
  getPrivacySetting: Io<Dtp.GetPrivacySettingRequest, Dtp.GetPrivacySettingResponse>;
  setPrivacySetting: Io<Dtp.SetPrivacySettingRequest, Dtp.SetPrivacySettingResponse>;
  uploadPrivacyExtFile: Io<Pi.UploadPrivacyExtFileRequest, Pi.UploadPrivacyExtFileResponse>;
  getPrivacyInterface: Io<Pi.GetPrivacyInterfaceRequest, Pi.GetPrivacyInterfaceResponse>;
  applyPrivacyInterface: Io<Pi.ApplyPrivacyInterfaceRequest, Pi.ApplyPrivacyInterfaceResponse>;
  modifyWxaServerDomain: Io<Dtp.ModifyWxaServerDomainRequest, Dtp.ModifyWxaServerDomainResponse>;
  modifyWxaJumpDomain: Io<Dtp.ModifyWxaJumpDomainRequest, Dtp.ModifyWxaJumpDomainResponse>;

  fastRegisterWeappCreate: Io<Fast.FastRegisterWeappCreateRequest, Fast.FastRegisterWeappCreateResponse>;
  fastRegisterWeappSearch: Io<Fast.FastRegisterWeappSearchRequest, Fast.FastRegisterWeappSearchResponse>;
  fastRegisterPersonalWeappCreate: Io<
    Fast.FastRegisterPersonalWeappCreateRequest,
    Fast.FastRegisterPersonalWeappCreateResponse
  >;
  fastRegisterPersonalWeappQuery: Io<
    Fast.FastRegisterPersonalWeappQueryRequest,
    Fast.FastRegisterPersonalWeappQueryResponse
  >;
  fastRegisterBetaWeapp: Io<Fast.FastRegisterBetaWeappRequest, Fast.FastRegisterBetaWeappResponse>;
  verifyBetaWeapp: Io<Fast.VerifyBetaWeappRequest, Fast.VerifyBetaWeappResponse>;
  fastRegisterAuth: Io<Fast.FastRegisterAuthQuery, Fast.FastRegisterAuthRedirectQuery>;
  accountFastRegister: Io<Fast.AccountFastRegisterRequest, Fast.AccountFastRegisterResponse>;
  fastRegisterEnterpriseWeappCreate: Io<
    Fast.FastRegisterEnterpriseWeappCreateRequest,
    Fast.FastRegisterEnterpriseWeappCreateResponse
  >;
  fastRegisterEnterpriseWeappQuery: Io<
    Fast.FastRegisterEnterpriseWeappQueryRequest,
    Fast.FastRegisterEnterpriseWeappQueryResponse
  >;

  getAccountBasicInfo: Io<Merchant.GetAccountBasicInfoRequest, Merchant.GetAccountBasicInfoResponse>;
  checkWxVerifyNickname: Io<Merchant.CheckWxVerifyNicknameRequest, Merchant.CheckWxVerifyNicknameResponse>;
  modifyHeadImage: Io<Merchant.ModifyHeadImageRequest, Merchant.ModifyHeadImageResponse>;
  modifySignature: Io<Merchant.ModifySignatureRequest, Merchant.ModifySignatureResponse>;
  getAllCategories: Io<Merchant.GetAllCategoriesRequest, Merchant.GetAllCategoriesResponse>;
  getCategoriesByType: Io<Merchant.GetCategoriesByTypeRequest, Merchant.GetCategoriesByTypeResponse>;
  getSettingCategories: Io<Merchant.GetSettingCategoriesRequest, Merchant.GetSettingCategoriesResponse>;
  addCategory: Io<Merchant.AddCategoryRequest, Merchant.AddCategoryResponse>;
  deleteCategory: Io<Merchant.DeleteCategoryRequest, Merchant.DeleteCategoryResponse>;
  modifyCategory: Io<Merchant.ModifyCategoryRequest, Merchant.ModifyCategoryResponse>;

  getIcpEntranceInfo: Io<Icp.GetIcpEntranceInfoRequest, Icp.GetIcpEntranceInfoResponse>;
  queryIcpSubjectTypes: Io<Icp.QueryIcpDictionaryRequest, Icp.QueryIcpDictionaryResponse>;
  queryIcpDistrictCode: Io<Icp.QueryIcpDictionaryRequest, Icp.QueryIcpDistrictCodeResponse>;
  queryIcpCertificateTypes: Io<Icp.QueryIcpDictionaryRequest, Icp.QueryIcpDictionaryResponse>;
  queryIcpNrlxTypes: Io<Icp.QueryIcpDictionaryRequest, Icp.QueryIcpDictionaryResponse>;
  queryIcpServiceContentTypes: Io<Icp.QueryIcpDictionaryRequest, Icp.QueryIcpDictionaryResponse>;
  createIcpVerifyTask: Io<Icp.CreateIcpVerifyTaskRequest, Icp.CreateIcpVerifyTaskResponse>;
  queryIcpVerifyTask: Io<Icp.QueryIcpVerifyTaskRequest, Icp.QueryIcpVerifyTaskResponse>;
  uploadIcpMedia: Io<Icp.UploadIcpMediaRequest, Icp.UploadIcpMediaResponse>;
  applyIcpFiling: Io<Icp.ApplyIcpFilingRequest, Icp.ApplyIcpFilingResponse>;
  getOnlineIcpOrder: Io<Icp.GetOnlineIcpOrderRequest, Icp.GetOnlineIcpOrderResponse>;
  cancelApplyIcpFiling: Io<Icp.CancelApplyIcpFilingRequest, Icp.CancelApplyIcpFilingResponse>;
  cancelIcpFiling: Io<Icp.CancelIcpFilingRequest, Icp.CancelIcpFilingResponse>;
}

export type EndpointRequest<K extends EndpointName> = EndpointTypes[K]['request'];
export type EndpointResponse<K extends EndpointName> = EndpointTypes[K]['response'];

/** Endpoints whose success body is JSON (everything except browser pages and binary responses). */
export type JsonEndpointName = {
  [K in EndpointName]: (typeof ENDPOINTS)[K] extends { browser: true } | { binaryResponse: string } ? never : K;
}[EndpointName];

/** Compile-time guard checked by the tests: `EndpointTypes` has exactly the keys of `ENDPOINTS`. */
export type EndpointTypesComplete = [
  Exclude<EndpointName, keyof EndpointTypes>,
  Exclude<keyof EndpointTypes, EndpointName>,
] extends [never, never]
  ? true
  : false;

/** Compile-time guard checked by the tests: responses of JSON endpoints all carry the WeChat envelope. */
export type JsonResponsesHaveEnvelope = EndpointTypes[JsonEndpointName]['response'] extends Common.WxBaseResponse
  ? true
  : false;
