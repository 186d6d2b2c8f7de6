import { WxError } from '../errors.js';
import { callerApp, idField, optBool, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import { applyReleaseDomains } from '../engine/domain-merge.js';
import { pendingAudit } from '../state/audit-queries.js';
import { hasBasicInfo } from '../state/basic-info.js';
import { icpStatus } from '../state/icp-status.js';
import type { Audit, MiniProgram, ReleasedVersion } from '../state/types.js';

const CODE = [18] as const;
const HISTORY = 5;

function latestApproved(app: MiniProgram): Audit | undefined {
  const latest = app.code.audits.filter((a) => a.status !== 3).at(-1);
  return latest?.status === 0 ? latest : undefined;
}

function publish(ctx: RouteContext, app: MiniProgram, audit: Audit): void {
  const now = ctx.sim.now();
  const version: ReleasedVersion = {
    app_version: app.code.nextAppVersion++,
    user_version: audit.user_version,
    user_desc: audit.user_desc,
    commit_time: audit.experience.commit_time,
    release_time: now,
  };
  audit.released = true;
  app.code.online = version;
  app.code.onlineIsRevert = false;
  app.code.history.push(version);
  if (app.code.history.length > HISTORY) app.code.history.splice(0, app.code.history.length - HISTORY);
  if (app.code.gray !== null && app.code.gray.status === 1) app.code.gray.status = 3;
  if (audit.guide !== null) app.code.privacyLive = structuredClone(audit.guide);
  applyReleaseDomains(app, ctx.sim.config.domainReleaseMerge);
}

function grayRunning(app: MiniProgram): boolean {
  return app.code.gray !== null && app.code.gray.status === 1;
}

/** 05 E9–E15: release, rollback, gray release, visit status, version info, quota, speed-up, base library. */
export const releaseRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wxa/release',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const latest = app.code.audits.filter((a) => a.status !== 3).at(-1);
      if (latest === undefined) throw new WxError(85019);
      if (latest.status !== 0) throw new WxError(85020);
      if (latest.released && !grayRunning(app)) throw new WxError(85052);
      // Not filed → no release (08 H7); the errcode is UNCONFIRMED (26), a setting.
      if (icpStatus(app) !== 6) throw new WxError(ctx.sim.config.icp.releaseUnfiledErrcode, 'icp filing required');
      publish(ctx, app, latest);
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/wxa/revertcoderelease',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const online = app.code.online;
      if (ctx.query.get('action') === 'get_history_version') {
        const list = app.code.history.filter((v) => v !== online).reverse();
        return ok({
          version_list: list.map(({ app_version, user_version, user_desc, commit_time }) => ({
            app_version,
            user_version,
            user_desc,
            commit_time,
          })),
        });
      }
      if (ctx.query.has('action')) throw new WxError(40097);
      if (grayRunning(app)) throw new WxError(87011);
      if (online === null || app.code.onlineIsRevert) throw new WxError(87012);
      const wanted = ctx.query.get('app_version');
      const candidates = app.code.history.filter((v) => v !== online);
      let target: ReleasedVersion | undefined;
      if (wanted !== null) {
        if (!/^\d+$/.test(wanted)) throw new WxError(40097);
        target = candidates.find((v) => v.app_version === Number(wanted));
        if (target === undefined) throw new WxError(87012);
      } else target = candidates.at(-1);
      if (target === undefined) throw new WxError(87012);
      app.code.online = target;
      app.code.onlineIsRevert = true;
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/wxa/grayrelease',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const percentage = ctx.body['gray_percentage'];
      const debuger = optBool(ctx.body, 'support_debuger_first') ?? false;
      const experiencer = optBool(ctx.body, 'support_experiencer_first') ?? false;
      if (typeof percentage !== 'number' || !Number.isInteger(percentage) || percentage < 0 || percentage > 100)
        throw new WxError(85081);
      if (percentage === 0 && !debuger && !experiencer) throw new WxError(85081);
      if (app.code.online === null) throw new WxError(85079);
      if (!hasBasicInfo(app)) throw new WxError(86002);
      const approved = latestApproved(app);
      if (approved === undefined || (approved.released && !grayRunning(app))) throw new WxError(85080);
      const gray = app.code.gray;
      if (gray !== null && gray.status === 1 && gray.auditid === approved.auditid) {
        if (percentage <= gray.gray_percentage) throw new WxError(85082);
        Object.assign(gray, {
          gray_percentage: percentage,
          support_debuger_first: debuger,
          support_experiencer_first: experiencer,
        });
      } else {
        app.code.gray = {
          status: 1,
          create_timestamp: ctx.sim.now(),
          gray_percentage: percentage,
          support_debuger_first: debuger,
          support_experiencer_first: experiencer,
          auditid: approved.auditid,
        };
      }
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/wxa/revertgrayrelease',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      if (!grayRunning(app)) throw new WxError(40097, 'no gray release in progress');
      app.code.gray!.status = 4;
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/wxa/getgrayreleaseplan',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const gray = callerApp(ctx).code.gray;
      const plan =
        gray === null
          ? {
              status: 0,
              create_timestamp: 0,
              gray_percentage: 0,
              support_experiencer_first: false,
              support_debuger_first: false,
            }
          : (({ auditid: _a, ...rest }) => rest)(gray);
      return ok({ gray_release_plan: plan });
    },
  },
  {
    method: 'POST',
    path: '/wxa/change_visitstatus',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const action = str(ctx.body, 'action', 85022);
      if (action !== 'open' && action !== 'close') throw new WxError(85022);
      if (app.code.online === null) throw new WxError(85021);
      app.code.visitStatus = action === 'open' ? 1 : 0;
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/wxa/getvisitstatus',
    token: 'authorizer',
    funcs: CODE,
    handle: (ctx) => ok({ status: callerApp(ctx).code.visitStatus }),
  },
  {
    method: 'POST',
    path: '/wxa/getversioninfo',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const { experience, online } = callerApp(ctx).code;
      return ok({
        ...(experience
          ? {
              exp_info: {
                exp_time: experience.commit_time,
                exp_version: experience.user_version,
                exp_desc: experience.user_desc,
              },
            }
          : {}),
        ...(online
          ? {
              release_info: {
                release_time: online.release_time,
                release_version: online.user_version,
                release_desc: online.user_desc,
              },
            }
          : {}),
      });
    },
  },
  {
    method: 'GET_OR_POST',
    path: '/wxa/queryquota',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      return ok(ctx.sim.quotas.auditQuota(ctx.sim.now()));
    },
  },
  {
    method: 'POST',
    path: '/wxa/speedupaudit',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const auditid = idField(ctx.body, 'auditid', 89402);
      const audit = pendingAudit(app);
      if (audit === undefined || audit.auditid !== auditid) throw new WxError(89402);
      if (audit.spedUp) throw new WxError(89404);
      if (ctx.sim.quotas.auditQuota(ctx.sim.now()).speedup_rest <= 0) throw new WxError(89405);
      ctx.sim.quotas.audit.speedupUsed++;
      audit.spedUp = true;
      ctx.sim.audits.schedule(app, audit, Math.ceil(ctx.sim.config.audit.durationSeconds / 4));
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/wxopen/getweappsupportversion',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const now = callerApp(ctx).code.supportVersion;
      return ok({
        now_version: now,
        uv_info: {
          items: [
            { percentage: 2, version: '2.21.0' },
            { percentage: 18, version: '2.30.0' },
            { percentage: 80, version: '3.4.0' },
          ],
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/wxopen/setweappsupportversion',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const version = str(ctx.body, 'version', 89014);
      if (!/^\d+\.\d+\.\d+$/.test(version)) throw new WxError(89014);
      callerApp(ctx).code.supportVersion = version;
      return ok();
    },
  },
];
