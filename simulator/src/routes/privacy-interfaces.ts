import { PRIVACY_INTERFACES } from '../engine/privacy-apis.js';
import { startPrivacyReview } from '../engine/privacy-review.js';
import { interfaceStatus } from '../engine/privacy-scan.js';
import { WxError } from '../errors.js';
import { callerApp, optStrings, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route } from '../http/route.js';
import type { MiniProgram } from '../state/types.js';

const CODE = [18] as const;
const GROUP = '地理位置';

function interfaceList(app: MiniProgram) {
  return Object.entries(PRIVACY_INTERFACES).map(([api_name, info]) => {
    const state = app.privacyInterfaces.get(api_name);
    const applied = state !== undefined && state.audit_id !== 0;
    return {
      api_name,
      api_ch_name: info.ch,
      api_desc: info.desc,
      status: interfaceStatus(app, api_name),
      ...(applied ? { apply_time: state.apply_time, audit_id: state.audit_id } : {}),
      ...(state !== undefined && state.fail_reason !== '' ? { fail_reason: state.fail_reason } : {}),
      api_link: `https://developers.weixin.qq.com/miniprogram/dev/api/location/${api_name}.html`,
      group_name: GROUP,
    };
  });
}

/**
 * 05 E24. Applying again while under review or once granted answers the existing audit_id (the errcodes of these
 * cases are UNCONFIRMED 30); status 2 (no permission) answers `privacyInterfaces.noPermissionErrcode`.
 */
export const privacyInterfaceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/wxa/security/get_privacy_interface',
    token: 'authorizer',
    funcs: CODE,
    handle: (ctx) => ok({ interface_list: interfaceList(callerApp(ctx)) }),
  },
  {
    method: 'POST',
    path: '/wxa/security/apply_privacy_interface',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const { sim } = ctx;
      const api = str(ctx.body, 'api_name', 47001);
      if (!(api in PRIVACY_INTERFACES)) throw new WxError(47001, `${api} is not a privacy interface`);
      const content = str(ctx.body, 'content', 47001);
      if ([...content].length > 300) throw new WxError(47001, 'content longer than 300 characters');
      const pictures = optStrings(ctx.body, 'pic_list') ?? [];
      if (pictures.length > 10) throw new WxError(47001, 'at most 10 pictures');
      optStrings(ctx.body, 'url_list');
      optStrings(ctx.body, 'video_list');
      const current = app.privacyInterfaces.get(api);
      if (current?.status === 2) throw new WxError(sim.config.privacyInterfaces.noPermissionErrcode);
      if (current !== undefined && (current.status === 3 || current.status === 5))
        return ok({ audit_id: current.audit_id });
      const state = {
        status: 3 as const,
        audit_id: sim.nextPrivacyApplyId++,
        apply_time: sim.now(),
        fail_reason: '',
        timer: current?.timer ?? null,
      };
      app.privacyInterfaces.set(api, state);
      startPrivacyReview(sim, app, api, state);
      return ok({ audit_id: state.audit_id });
    },
  },
];
