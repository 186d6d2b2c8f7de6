import { randomBytes } from 'node:crypto';
import { errorBody, WxError } from '../errors.js';
import type { Reply, Route, RouteContext } from '../http/route.js';

/**
 * 01 A15 `sns/component/jscode2session`: all query parameters, the component token, no errcode on success. The
 * official error example sends errcode as a string: `jscode.errcodeAsString`.
 */
function session(ctx: RouteContext): Reply {
  const { sim, query } = ctx;
  const param = (name: string, missing: number): string => {
    const value = query.get(name);
    if (value === null || value === '') throw new WxError(missing, `${name} missing`);
    return value;
  };
  const appid = param('appid', 41002);
  const jsCode = param('js_code', 40029);
  if (param('grant_type', 40002) !== 'authorization_code') throw new WxError(40002);
  if (param('component_appid', 41018) !== sim.config.platform.componentAppid) throw new WxError(40013);
  if (sim.accounts.apps.get(appid)?.authorization == null) throw new WxError(61003);
  const redeemed = sim.jscodes.redeem(jsCode, appid, sim.now());
  if (redeemed.state === 'used') throw new WxError(sim.config.jscode.reusedCodeErrcode);
  if (redeemed.state !== 'ok') throw new WxError(40029);
  const { openid, unionid } = redeemed.entry;
  return {
    json: {
      openid,
      session_key: randomBytes(16).toString('base64'),
      ...(unionid === undefined ? {} : { unionid }),
    },
  };
}

export const jscodeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sns/component/jscode2session',
    token: 'component',
    // The EN page lists a "missing component_access_token" code read as 41021 (UNCONFIRMED, 01 A15).
    missingTokenErrcode: (config) => config.jscode.missingTokenErrcode,
    handle(ctx) {
      try {
        return session(ctx);
      } catch (error) {
        if (!(error instanceof WxError) || !ctx.sim.config.jscode.errcodeAsString) throw error;
        const body = errorBody(error.code, ctx.rid, error.detail);
        return { json: { ...body, errcode: String(body.errcode) } };
      }
    },
  },
];
