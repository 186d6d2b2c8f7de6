import type { InviteVariant } from '../relay/client/index.js';

/** Where WeChat serves the authorization pages (01 A4); a simulator serves both from its own origin. */
export interface AuthorizationPageBases {
  pc: string;
  mobile: string;
}

export const WECHAT_PAGE_BASES: AuthorizationPageBases = {
  pc: 'https://mp.weixin.qq.com',
  mobile: 'https://open.weixin.qq.com',
};

/** auth_type 2: mini-programs only (01 A4, "for this console always send 2"). */
const AUTH_TYPE_MINI_PROGRAM = '2';

export interface AuthorizationLinkInput {
  variant: InviteVariant;
  bases: AuthorizationPageBases;
  componentAppid: string;
  preAuthCode: string;
  redirectUri: string;
}

/** PC: componentloginpage; mobile: the current bindcomponent form, whose `#wechat_redirect` is required. */
export function authorizationLink(input: AuthorizationLinkInput): string {
  const query = new URLSearchParams({
    component_appid: input.componentAppid,
    pre_auth_code: input.preAuthCode,
    redirect_uri: input.redirectUri,
    auth_type: AUTH_TYPE_MINI_PROGRAM,
  });
  if (input.variant === 'pc') {
    return `${trimSlash(input.bases.pc)}/cgi-bin/componentloginpage?${query.toString()}`;
  }
  const mobile = new URLSearchParams({ action: 'bindcomponent', no_scan: '1' });
  for (const [k, v] of query) mobile.set(k, v);
  return `${trimSlash(input.bases.mobile)}/wxaopen/safe/bindcomponent?${mobile.toString()}#wechat_redirect`;
}

export const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** The relay's launch page for an invitation, and the redirect target WeChat sends the merchant back to. */
export const launchPageUrl = (relayUrl: string, inviteId: string, variant: InviteVariant): string =>
  `${trimSlash(relayUrl)}/authorize/${inviteId}${variant === 'mobile' ? '?variant=mobile' : ''}`;

export const redirectUrl = (relayUrl: string, inviteId: string): string =>
  `${trimSlash(relayUrl)}/authorize/${inviteId}/done`;
