import { WxError } from '../errors.js';
import { optStr, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';

/** The account whose quota a token spends: the platform for a component token, the merchant for an authorizer token. */
function accountOf(ctx: RouteContext): string {
  return ctx.caller.kind === 'authorizer' ? ctx.caller.app.appid : ctx.sim.config.platform.componentAppid;
}

/** 76003 for a malformed cgi_path, 76021 unknown, 76022 when the token does not own that API (01 A11). */
function checkCgiPath(ctx: RouteContext, routes: Map<string, Route>): string {
  const path = str(ctx.body, 'cgi_path', 47001);
  if (!path.startsWith('/') || path.includes('?') || path.includes('://')) throw new WxError(76003);
  if (path.startsWith('/sns/')) throw new WxError(76022);
  const route = routes.get(path);
  if (route === undefined) throw new WxError(76021);
  const tokenClass = ctx.caller.kind === 'authorizer' ? 'authorizer' : 'component';
  const owner = route.token === 'none' ? 'component' : route.token;
  if (owner !== 'either' && owner !== tokenClass) throw new WxError(76022);
  return path;
}

/** 01 A11–A14. `routes` is the whole API table, for cgi_path checks. */
export function quotaRoutes(routes: Map<string, Route>): Route[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/openapi/quota/get',
      token: 'either',
      handle(ctx) {
        const path = checkCgiPath(ctx, routes);
        return {
          json: {
            errcode: 0,
            errmsg: 'ok',
            quota: ctx.sim.quotas.usage(accountOf(ctx), path, ctx.sim.now()),
            rate_limit: { call_count: 0, refresh_second: 0 },
            component_rate_limit: { call_count: 0, refresh_second: 0 },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/clear_quota',
      token: 'either',
      handle(ctx) {
        const appid = str(ctx.body, 'appid', 41002);
        if (appid !== accountOf(ctx)) throw new WxError(40013);
        if (!ctx.sim.quotas.clear(appid, ctx.sim.now())) throw new WxError(48006);
        return ok();
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/component/clear_quota/v2',
      token: 'none',
      handle(ctx) {
        const { config, accounts, quotas } = ctx.sim;
        if (str(ctx.body, 'component_appid', 41002) !== config.platform.componentAppid) throw new WxError(40013);
        if (str(ctx.body, 'appsecret', 41004) !== config.platform.componentAppsecret)
          throw new WxError(40013, 'appsecret mismatch');
        const appid = optStr(ctx.body, 'appid');
        if (appid !== undefined && appid !== '' && appid !== config.platform.componentAppid) {
          const app = accounts.apps.get(appid);
          if (app === undefined || app.authorization === null) throw new WxError(43007);
        }
        const account = appid === undefined || appid === '' ? config.platform.componentAppid : appid;
        if (!quotas.clear(account, ctx.sim.now())) throw new WxError(48006);
        return ok();
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/openapi/quota/clear',
      token: 'either',
      handle(ctx) {
        const path = checkCgiPath(ctx, routes);
        if (!ctx.sim.quotas.clear(accountOf(ctx), ctx.sim.now(), path)) throw new WxError(48006);
        return ok();
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/openapi/rid/get',
      token: 'either',
      handle(ctx) {
        const rid = str(ctx.body, 'rid', 47001);
        if (!/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/.test(rid)) throw new WxError(76002);
        const record = ctx.sim.calls.rid(rid, ctx.sim.now());
        if (record === undefined || (record.account !== '' && record.account !== accountOf(ctx)))
          throw new WxError(76001);
        const { account: _account, ...request } = record;
        return ok({ request });
      },
    },
    {
      method: 'GET',
      path: '/cgi-bin/get_api_domain_ip',
      token: 'component',
      handle: () => ok({ ip_list: ['127.0.0.1'] }),
    },
    { method: 'GET', path: '/cgi-bin/getcallbackip', token: 'component', handle: () => ok({ ip_list: ['127.0.0.1'] }) },
  ];
}
