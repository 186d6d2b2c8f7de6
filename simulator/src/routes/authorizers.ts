import { WxError } from '../errors.js';
import { checkComponentAppid, optInt, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import type { DomainKind, MiniProgram } from '../state/types.js';
import { funcInfo } from './tokens.js';

const C = '/cgi-bin/component';
const OPTION_VALUES: Record<string, readonly string[]> = {
  location_report: ['0', '1', '2'],
  voice_recognize: ['0', '1'],
  customer_service: ['0', '1'],
};

function authorizedApp(ctx: RouteContext, appid: string): MiniProgram {
  const app = ctx.sim.accounts.apps.get(appid);
  if (app === undefined || app.authorization === null) throw new WxError(61003);
  return app;
}

/** The server and web-view domains configured now, whatever their source (01 A7 `MiniProgramInfo.network`). */
function configured(app: MiniProgram) {
  const { mp, third, direct } = app.code.domains;
  const all = (kind: DomainKind) => [...new Set([...mp[kind], ...third[kind], ...direct[kind]])];
  const { webview } = app.code;
  return { all, biz: [...new Set([...webview.mp, ...webview.third, ...webview.direct])] };
}

function authorizerInfo(ctx: RouteContext, app: MiniProgram): Record<string, unknown> {
  const { all, biz } = configured(app);
  return {
    nick_name: app.nickName,
    head_img: app.basic.headImage === '' ? '' : `${ctx.sim.baseUrl}${app.basic.headImage}`,
    service_type_info: { id: app.serviceType },
    verify_type_info: { id: app.verifyType },
    user_name: app.userName,
    alias: '',
    qrcode_url: `${ctx.sim.baseUrl}/mmopen/${app.appid}/0`,
    business_info: { open_pay: 0, open_shake: 0, open_scan: 0, open_card: 0, open_store: 0 },
    idc: 1,
    principal_name: app.principalName,
    signature: app.signature,
    MiniProgramInfo: {
      network: {
        RequestDomain: all('requestdomain'),
        WsRequestDomain: all('wsrequestdomain'),
        UploadDomain: all('uploaddomain'),
        DownloadDomain: all('downloaddomain'),
        BizDomain: biz,
        UDPDomain: all('udpdomain'),
        TCPDomain: all('tcpdomain'),
      },
      categories: app.categories
        .filter((c) => c.audit_status === 3)
        .map((c) => ({ first: c.first_class, second: c.second_class })),
      visit_status: 0,
    },
    register_type: app.registerType,
    account_status: 1,
    basic_config: { is_phone_configured: true, is_email_configured: true },
  };
}

/** Resolves the app of an option call: legacy paths name it in the body; new paths may use the authorizer token (UNCONFIRMED 4). */
function optionApp(ctx: RouteContext, legacy: boolean): MiniProgram {
  if (ctx.caller.kind === 'authorizer') return ctx.caller.app;
  if (!legacy && ctx.body['authorizer_appid'] === undefined) throw new WxError(47001, 'authorizer_appid missing');
  checkComponentAppid(ctx);
  return authorizedApp(ctx, str(ctx.body, 'authorizer_appid', 41002));
}

function getOption(ctx: RouteContext, legacy: boolean) {
  const app = optionApp(ctx, legacy);
  const name = str(ctx.body, 'option_name', 61012);
  const value = app.options[name];
  if (value === undefined) throw new WxError(61012);
  return { json: { ...(legacy ? { authorizer_appid: app.appid } : {}), option_name: name, option_value: value } };
}

function setOption(ctx: RouteContext, legacy: boolean) {
  const app = optionApp(ctx, legacy);
  const name = str(ctx.body, 'option_name', 61012);
  const allowed = OPTION_VALUES[name];
  if (allowed === undefined) throw new WxError(61012);
  const value = ctx.body['option_value'];
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !allowed.includes(text)) throw new WxError(61013);
  app.options[name] = text;
  return ok();
}

/** 01 A7–A9. */
export function authorizerRoutes(newPathToken: 'component' | 'authorizer' | 'either'): Route[] {
  return [
    {
      method: 'POST',
      path: `${C}/api_get_authorizer_info`,
      token: 'component',
      handle(ctx) {
        checkComponentAppid(ctx);
        const app = authorizedApp(ctx, str(ctx.body, 'authorizer_appid', 41002));
        return {
          json: {
            authorizer_info: authorizerInfo(ctx, app),
            authorization_info: {
              authorizer_appid: app.appid,
              authorizer_refresh_token: app.authorization!.refreshToken,
              func_info: funcInfo(app),
            },
          },
        };
      },
    },
    {
      method: 'POST',
      path: `${C}/api_get_authorizer_list`,
      token: 'component',
      handle(ctx) {
        checkComponentAppid(ctx);
        const offset = optInt(ctx.body, 'offset') ?? 0;
        const count = optInt(ctx.body, 'count');
        if (count === undefined) throw new WxError(47001, 'count missing');
        if (count > 500) throw new WxError(40170);
        if (offset < 0 || count < 0) throw new WxError(47001);
        const all = ctx.sim.accounts.authorized().sort((a, b) => a.authorization!.authTime - b.authorization!.authTime);
        return {
          json: {
            total_count: all.length,
            list: all.slice(offset, offset + count).map((app) => ({
              authorizer_appid: app.appid,
              refresh_token: app.authorization!.exchanged ? app.authorization!.refreshToken : '',
              auth_time: app.authorization!.authTime,
            })),
          },
        };
      },
    },
    {
      method: 'POST',
      path: `${C}/api_get_authorizer_option`,
      token: 'component',
      handle: (ctx) => getOption(ctx, true),
    },
    {
      method: 'POST',
      path: `${C}/api_set_authorizer_option`,
      token: 'component',
      handle: (ctx) => setOption(ctx, true),
    },
    { method: 'POST', path: `${C}/get_authorizer_option`, token: newPathToken, handle: (ctx) => getOption(ctx, false) },
    { method: 'POST', path: `${C}/set_authorizer_option`, token: newPathToken, handle: (ctx) => setOption(ctx, false) },
  ];
}
