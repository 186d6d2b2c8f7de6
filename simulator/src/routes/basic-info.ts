import { dayKey, monthKey } from '../clock.js';
import { keywordHit, nameFormatOk, nameTaken, renamesUsed } from '../engine/name-rules.js';
import { startNicknameReview } from '../engine/nickname-review.js';
import { WxError } from '../errors.js';
import { callerApp, idField, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import { countIn } from '../state/basic-info.js';
import type { MiniProgram } from '../state/types.js';

/** Permission sets per 08's table: 30 (and 61) for basic info, 31 among others for the name check. */
const BASIC = [30, 61] as const;
const NAME_CHECK = [30, 31, 61] as const;
const CJK = /\p{Script=Han}/gu;
const BLOCKED_WORDS = ['最好', '第一', '国家级', '赌', '代开发票', '稳赚'];

function basicInfo(ctx: RouteContext, app: MiniProgram) {
  const { sim } = ctx;
  const { basic } = app;
  const now = sim.now();
  const headPeriod = sim.config.basicInfo.headImagePeriod === 'month' ? monthKey(now) : dayKey(now).slice(0, 4);
  const verified = app.verifyType === 0;
  return {
    appid: app.appid,
    account_type: 3,
    principal_type: basic.principalType,
    principal_name: app.principalName,
    credential: basic.principalType === 0 ? '' : `91${app.appid.slice(2, 18).toUpperCase()}`,
    realname_status: 1,
    wx_verify_info: { qualification_verify: verified, naming_verify: verified },
    signature_info: {
      signature: app.signature,
      modify_used_count: countIn(basic.signatureChanges, monthKey(now)),
      modify_quota: sim.config.basicInfo.signatureQuotaPerMonth,
    },
    head_image_info: {
      head_image_url: basic.headImage === '' ? '' : `${sim.baseUrl}${basic.headImage}`,
      modify_used_count: countIn(basic.headImageChanges, headPeriod),
      modify_quota: sim.config.basicInfo.headImageQuota,
    },
    nickname: app.nickName,
    nickname_info: {
      nickname: app.nickName,
      modify_used_count: renamesUsed(sim, app),
      modify_quota: sim.config.basicInfo.renamesBeforeRelease,
    },
    registered_country: basic.registeredCountry,
    customer_type: verified ? 1 : 0,
  };
}

/** A crop corner: a number or a numeric string in [0, 1] (08 H3). */
function fraction(ctx: RouteContext, name: string): number {
  const value = ctx.body[name];
  const number = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  if (!(number >= 0 && number <= 1)) throw new WxError(40097, `${name} must be within [0, 1]`);
  return number;
}

const hasMaterial = (ctx: RouteContext): boolean =>
  Object.entries(ctx.body).some(
    ([key, value]) =>
      (key === 'id_card' || key === 'license' || key.startsWith('naming_other_stuff_')) &&
      typeof value === 'string' &&
      value !== '',
  );

/** 08 H1–H4 and 05 E21: name, avatar, introduction. */
export const basicInfoRoutes: Route[] = [
  {
    method: 'GET_OR_POST',
    path: '/cgi-bin/account/getaccountbasicinfo',
    token: 'authorizer',
    funcs: BASIC,
    handle: (ctx) => ok(basicInfo(ctx, callerApp(ctx))),
  },
  {
    method: 'POST',
    path: '/cgi-bin/wxverify/checkwxverifynickname',
    token: 'authorizer',
    funcs: NAME_CHECK,
    handle(ctx) {
      const app = callerApp(ctx);
      const name = str(ctx.body, 'nick_name', 53010);
      if (!nameFormatOk(name)) throw new WxError(53010);
      if (nameTaken(ctx.sim, app, name)) throw new WxError(53013);
      const { hit, wording } = keywordHit(name);
      return ok({ hit_condition: hit, wording });
    },
  },
  {
    method: 'POST',
    path: '/wxa/setnickname',
    token: 'authorizer',
    funcs: BASIC,
    handle(ctx) {
      const app = callerApp(ctx);
      const name = str(ctx.body, 'nick_name', 53010);
      if (!nameFormatOk(name)) throw new WxError(53010);
      if (nameTaken(ctx.sim, app, name)) throw new WxError(53013);
      if (renamesUsed(ctx.sim, app) >= ctx.sim.config.basicInfo.renamesBeforeRelease)
        throw new WxError(53203, 'rename needs wechat verification');
      const { hit } = keywordHit(name);
      if (!hit) {
        app.nickName = name;
        app.basic.nicknameChanges++;
        return ok({ wording: '' });
      }
      const auditId = startNicknameReview(ctx.sim, app, name, hasMaterial(ctx));
      return ok({ wording: '名称审核中，审核结果将通过消息推送通知', audit_id: auditId });
    },
  },
  {
    method: 'POST',
    path: '/wxa/api_wxa_querynickname',
    token: 'authorizer',
    funcs: BASIC,
    handle(ctx) {
      const record = callerApp(ctx).nicknameAudits.get(idField(ctx.body, 'audit_id', 91011));
      if (record === undefined) throw new WxError(91011);
      const { nickname, audit_stat, fail_reason, create_time, audit_time } = record;
      return ok({ nickname, audit_stat, fail_reason, create_time, audit_time });
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/account/modifyheadimage',
    token: 'authorizer',
    funcs: BASIC,
    handle(ctx) {
      const app = callerApp(ctx);
      const { sim } = ctx;
      const media = sim.media.get(str(ctx.body, 'head_img_media_id', 40007), app.appid, sim.now());
      if (media === undefined || media.type !== 'image') throw new WxError(40007);
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => fraction(ctx, name)) as [
        number,
        number,
        number,
        number,
      ];
      if (x1 >= x2 || y1 >= y2) throw new WxError(40097, 'empty crop box');
      const now = sim.now();
      const period = sim.config.basicInfo.headImagePeriod === 'month' ? monthKey(now) : dayKey(now).slice(0, 4);
      if (countIn(app.basic.headImageChanges, period) >= sim.config.basicInfo.headImageQuota) throw new WxError(53202);
      app.basic.headImageChanges.count++;
      app.basic.headImage = `/mmopen/${app.appid}/${now}`;
      app.basic.headImageData = { contentType: media.contentType, data: media.data };
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/account/modifysignature',
    token: 'authorizer',
    funcs: BASIC,
    handle(ctx) {
      const app = callerApp(ctx);
      const signature = str(ctx.body, 'signature', 40097);
      const length = [...signature].length;
      if (length < 4 || length > 120 || (signature.match(CJK) ?? []).length < 4) throw new WxError(53204);
      if (BLOCKED_WORDS.some((word) => signature.includes(word))) throw new WxError(53201);
      if (
        countIn(app.basic.signatureChanges, monthKey(ctx.sim.now())) >= ctx.sim.config.basicInfo.signatureQuotaPerMonth
      )
        throw new WxError(53200);
      app.basic.signatureChanges.count++;
      app.signature = signature;
      return ok();
    },
  },
];
