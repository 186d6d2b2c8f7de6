import { WxError } from '../errors.js';
import { checkComponentAppid, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import type { MiniProgram } from '../state/types.js';

const C = '/cgi-bin/component';

function checkSecret(ctx: RouteContext, field: string): void {
  const secret = str(ctx.body, field, 41004);
  if (secret !== ctx.sim.config.platform.componentAppsecret) throw new WxError(40125);
}

function funcInfo(app: MiniProgram): { funcscope_category: { id: number } }[] {
  return (app.authorization?.funcIds ?? []).map((id) => ({ funcscope_category: { id } }));
}

/** 01 A1b, A2, A3, A5, A6: the credential chain. */
export const tokenRoutes: Route[] = [
  {
    method: 'POST',
    path: `${C}/api_start_push_ticket`,
    token: 'none',
    handle(ctx) {
      const appid = str(ctx.body, 'component_appid', 41002);
      if (appid !== ctx.sim.config.platform.componentAppid) throw new WxError(40013);
      checkSecret(ctx, 'component_secret');
      ctx.sim.events.ticket(ctx.sim.credentials.issueTicket());
      return ok();
    },
  },
  {
    method: 'POST',
    path: `${C}/api_component_token`,
    token: 'none',
    handle(ctx) {
      const appid = str(ctx.body, 'component_appid', 41002);
      if (appid !== ctx.sim.config.platform.componentAppid) throw new WxError(61011);
      checkSecret(ctx, 'component_appsecret');
      const ticketState = ctx.sim.credentials.checkTicket(str(ctx.body, 'component_verify_ticket', 61006));
      if (ticketState !== 0) throw new WxError(ticketState);
      const { token, expiresIn } = ctx.sim.credentials.issueComponentToken();
      return { json: { component_access_token: token, expires_in: expiresIn } };
    },
  },
  {
    method: 'POST',
    path: `${C}/api_create_preauthcode`,
    token: 'component',
    handle(ctx) {
      checkComponentAppid(ctx);
      const { code, expiresIn } = ctx.sim.credentials.createPreAuthCode();
      return { json: { pre_auth_code: code, expires_in: expiresIn } };
    },
  },
  {
    method: 'POST',
    path: `${C}/api_query_auth`,
    token: 'component',
    handle(ctx) {
      checkComponentAppid(ctx);
      const result = ctx.sim.credentials.consumeAuthCode(str(ctx.body, 'authorization_code', 61009));
      if (!result.ok) throw new WxError(result.code);
      const app = ctx.sim.accounts.apps.get(result.appid);
      if (app === undefined || app.authorization === null) throw new WxError(61003);
      app.authorization.exchanged = true;
      const { token, expiresIn } = ctx.sim.credentials.issueAuthorizerToken(app.appid);
      return {
        json: {
          authorization_info: {
            authorizer_appid: app.appid,
            authorizer_access_token: token,
            expires_in: expiresIn,
            authorizer_refresh_token: app.authorization.refreshToken,
            func_info: funcInfo(app),
          },
        },
      };
    },
  },
  {
    method: 'POST',
    path: `${C}/api_authorizer_token`,
    token: 'component',
    handle(ctx) {
      checkComponentAppid(ctx);
      const appid = str(ctx.body, 'authorizer_appid', 41002);
      const refreshToken = str(ctx.body, 'authorizer_refresh_token', 61023);
      const app = ctx.sim.accounts.apps.get(appid);
      if (app === undefined) throw new WxError(40013);
      if (app.authorization === null) throw new WxError(refreshToken.startsWith('refreshtoken@@@') ? 61023 : 61003);
      if (app.authorization.refreshToken !== refreshToken) throw new WxError(61023);
      const { token, expiresIn } = ctx.sim.credentials.issueAuthorizerToken(app.appid);
      return {
        json: {
          authorizer_access_token: token,
          expires_in: expiresIn,
          authorizer_refresh_token: app.authorization.refreshToken,
        },
      };
    },
  },
  {
    // The ordinary token API refuses a platform's appid (01 A2).
    method: 'GET',
    path: '/cgi-bin/token',
    token: 'none',
    handle(ctx) {
      const appid = ctx.query.get('appid');
      if (appid === null || appid === '') throw new WxError(41002);
      if (appid === ctx.sim.config.platform.componentAppid) throw new WxError(61024);
      throw new WxError(40013);
    },
  },
];

export { funcInfo };
