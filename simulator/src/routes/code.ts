import { dayKey, monthKey } from '../clock.js';
import { checkExtJson } from '../engine/ext-json.js';
import { WxError } from '../errors.js';
import { callerApp, idField, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route } from '../http/route.js';
import { qrJpeg } from '../images.js';
import { withoutAuth } from '../engine/privacy-scan.js';
import { pendingAudit } from '../state/audit-queries.js';
import type { MiniProgram } from '../state/types.js';
import { submitAudit } from './submit-audit.js';

const CODE = [18] as const;

function requireExperience(app: MiniProgram) {
  if (app.code.experience === null) throw new WxError(86001);
  return app.code.experience;
}

const qrCache = new Map<string, Buffer>();

/** 05 E1–E8 and E19: commit, pages, categories, trial QR code, audits. */
export const codeRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wxa/commit',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const templateId = idField(ctx.body, 'template_id', 85014);
      const extJson = ctx.body['ext_json'];
      if (typeof extJson !== 'string') throw new WxError(47001, 'ext_json must be a string');
      const userVersion = str(ctx.body, 'user_version', 47001);
      const userDesc = str(ctx.body, 'user_desc', 47001);
      if (userVersion.length > 64) throw new WxError(47001, 'user_version longer than 64');
      const template = ctx.sim.templates.find(templateId);
      if (template === undefined) throw new WxError(85014);
      const scan = checkExtJson(extJson, template);
      const now = ctx.sim.now();
      app.code.experience = {
        template_id: templateId,
        ext_json: extJson,
        user_version: userVersion,
        user_desc: userDesc,
        commit_time: now,
        privacyScanReadyAt: now + ctx.sim.config.privacyScanSeconds,
        ...scan,
      };
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/wxa/get_page',
    token: 'authorizer',
    funcs: CODE,
    handle: (ctx) => ok({ page_list: requireExperience(callerApp(ctx)).pages }),
  },
  {
    method: 'GET',
    path: '/wxa/get_category',
    token: 'authorizer',
    funcs: CODE,
    // Only categories that passed review are usable for audit (05 E3).
    handle: (ctx) =>
      ok({
        category_list: callerApp(ctx)
          .categories.filter((c) => c.audit_status === 3)
          .map(({ first_class, second_class, third_class, first_id, second_id, third_id }) => ({
            first_class,
            second_class,
            third_class,
            first_id,
            second_id,
            third_id,
          })),
      }),
  },
  {
    method: 'GET',
    path: '/wxa/get_qrcode',
    token: 'authorizer',
    funcs: [18, 86],
    handle(ctx) {
      const app = callerApp(ctx);
      const experience = requireExperience(app);
      const path = ctx.query.get('path') ?? '';
      const text = `https://open.weixin.qq.com/sns/getexpappinfo?appid=${app.appid}&path=${encodeURIComponent(path)}&v=${experience.commit_time}`;
      let image = qrCache.get(text);
      if (image === undefined) {
        image = qrJpeg(text);
        if (qrCache.size > 200) qrCache.clear();
        qrCache.set(text, image);
      }
      return {
        binary: image,
        contentType: 'image/jpeg',
        headers: { 'Content-Disposition': 'attachment; filename="QRCode.jpg"' },
      };
    },
  },
  { method: 'POST', path: '/wxa/submit_audit', token: 'authorizer', funcs: CODE, handle: submitAudit },
  {
    method: 'POST',
    path: '/wxa/get_auditstatus',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const auditid = idField(ctx.body, 'auditid', 85012);
      const audit = app.code.audits.find((a) => a.auditid === auditid);
      if (audit === undefined) throw new WxError(85012);
      return ok({ status: audit.status, reason: audit.reason, screenshot: audit.screenshot });
    },
  },
  {
    method: 'GET',
    path: '/wxa/get_latest_auditstatus',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const audit = callerApp(ctx).code.audits.at(-1);
      if (audit === undefined) throw new WxError(85058);
      return ok({
        auditid: audit.auditid,
        status: audit.status,
        reason: audit.reason,
        ScreenShot: audit.screenshot,
        user_version: audit.user_version,
        user_desc: audit.user_desc,
        submit_audit_time: audit.submit_audit_time,
      });
    },
  },
  {
    method: 'GET',
    path: '/wxa/undocodeaudit',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const audit = pendingAudit(app);
      if (audit === undefined) throw new WxError(ctx.sim.config.audit.undoNothingErrcode);
      const now = ctx.sim.now();
      const undo = app.code.undo;
      if (undo.day !== dayKey(now)) Object.assign(undo, { day: dayKey(now), dayCount: 0 });
      if (undo.month !== monthKey(now)) Object.assign(undo, { month: monthKey(now), monthCount: 0 });
      if (undo.dayCount >= ctx.sim.config.audit.undoPerDay || undo.monthCount >= ctx.sim.config.audit.undoPerMonth)
        throw new WxError(87013);
      undo.dayCount++;
      undo.monthCount++;
      ctx.sim.clock.cancel(audit.timer);
      audit.timer = null;
      audit.status = 3;
      if (ctx.sim.config.audit.undoRefundsQuota) ctx.sim.quotas.audit.used = Math.max(0, ctx.sim.quotas.audit.used - 1);
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/wxa/security/get_code_privacy_info',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const experience = requireExperience(app);
      if (ctx.sim.now() < experience.privacyScanReadyAt) throw new WxError(61039);
      return ok({ without_auth_list: withoutAuth(app, experience), without_conf_list: experience.withoutConf });
    },
  },
];
