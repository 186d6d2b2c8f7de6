import { WxError } from '../errors.js';
import { callerApp, optStr, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route } from '../http/route.js';
import { randomHex } from '../ids.js';

const CODE = [18] as const;
/** A WeChat ID: starts with a letter, 6–20 letters, digits, `-` or `_`. */
const WECHAT_ID = /^[A-Za-z][-_A-Za-z0-9]{5,19}$/;

/** 05 E18. */
export const testerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wxa/bind_tester',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const testers = callerApp(ctx).code.testers;
      const wechatid = str(ctx.body, 'wechatid', 85001);
      if (!WECHAT_ID.test(wechatid)) throw new WxError(85001);
      if (testers.has(wechatid)) throw new WxError(85004);
      if (testers.size >= ctx.sim.config.testerLimit) throw new WxError(85002);
      const userstr = randomHex(32);
      testers.set(wechatid, userstr);
      return ok({ userstr });
    },
  },
  {
    method: 'POST',
    path: '/wxa/unbind_tester',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const testers = callerApp(ctx).code.testers;
      const wechatid = optStr(ctx.body, 'wechatid');
      const userstr = optStr(ctx.body, 'userstr');
      if (wechatid === undefined && userstr === undefined) throw new WxError(47001, 'wechatid or userstr required');
      const key = wechatid ?? [...testers].find(([, value]) => value === userstr)?.[0];
      if (key === undefined || !testers.delete(key)) throw new WxError(85001);
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/wxa/memberauth',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      if (str(ctx.body, 'action', 47001) !== 'get_experiencer') throw new WxError(40097);
      return ok({ members: [...callerApp(ctx).code.testers.values()].map((userstr) => ({ userstr })) });
    },
  },
];
