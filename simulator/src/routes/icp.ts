import { startCancel, startFiling, startVerifyTask } from '../engine/icp-filing.js';
import { errorBody, WxError } from '../errors.js';
import { callerApp, idField, optBool, optObject, str } from '../http/fields.js';
import { multipartParts, sniff } from '../http/multipart.js';
import { ok } from '../http/route.js';
import type { JsonObject, Route, RouteContext } from '../http/route.js';
import { canApplyIcp, icpStatus } from '../state/icp-status.js';
import type { MiniProgram } from '../state/types.js';
import { ICP_DICTIONARIES } from './icp-dictionaries.js';

/** Reading needs set 18 or 156; filing through the API needs 156, gained only by authorizing again (08 H7). */
const READ = [18, 156] as const;
const FILE = [156] as const;
const MEDIA_DAYS = 3;

/** An open field of the filing form, never a throw for its shape: problems come back as hints. */
const field = (object: JsonObject | undefined, name: string): JsonObject | undefined => {
  const value = object?.[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
};

/** apply_icp_filing's field-level problems (`hints`; their errcodes are UNCONFIRMED, 40097 here). */
function hints(ctx: RouteContext, app: MiniProgram) {
  const subject = optObject(ctx.body, 'icp_subject');
  const applets = optObject(ctx.body, 'icp_applets');
  const out: { errcode: number; err_field: string; errmsg: string }[] = [];
  const hint = (err_field: string, errmsg: string) => out.push({ errcode: 40097, err_field, errmsg });
  const taskId = field(subject, 'principal_info')?.['verify_task_id'];
  const task = typeof taskId === 'string' ? app.icp.verifyTasks.get(taskId) : undefined;
  if (task === undefined || task.face_status !== 3 || task.expiresAt <= ctx.sim.now())
    hint('icp_subject.principal_info.verify_task_id', '管理员人脸核验未完成或已过期');
  const base = field(applets, 'base_info');
  if (base?.['appid'] !== app.appid) hint('icp_applets.base_info.appid', '小程序 appid 与调用方不一致');
  if (typeof base?.['name'] !== 'string' || base['name'] === '') hint('icp_applets.base_info.name', '缺少小程序名称');
  const services = base?.['service_content_types'];
  if (!Array.isArray(services) || services.length === 0)
    hint('icp_applets.base_info.service_content_types', '缺少服务内容类型');
  return { out, subject: subject ?? {}, applets: applets ?? {} };
}

/** Masked filing details (08 H7): what was filed, or what a seeded filed app stands for. */
function onlineOrder(app: MiniProgram) {
  if (icpStatus(app) !== 6) return { icp_subject: {}, icp_applets: {} };
  const mask = (text: string) => (text.length <= 2 ? text : `${text[0]}${'*'.repeat(text.length - 2)}${text.at(-1)}`);
  return (
    app.icp.order ?? {
      icp_subject: { base_info: { type: app.basic.principalType === 0 ? 5 : 1, name: mask(app.principalName) } },
      icp_applets: { base_info: { appid: app.appid, name: app.nickName } },
    }
  );
}

const dictionaryRoutes: Route[] = Object.entries(ICP_DICTIONARIES).map(([name, items]) => ({
  method: 'GET',
  path: `/wxa/icp/${name}`,
  token: 'authorizer',
  funcs: READ,
  handle: () => ok({ items }),
}));

/** 08 H7: filing status, the form's dictionaries, face verification, media, the filing and its cancellation. */
export const icpRoutes: Route[] = [
  {
    method: 'GET',
    path: '/wxa/icp/get_icp_entrance_info',
    token: 'authorizer',
    funcs: READ,
    handle(ctx) {
      const app = callerApp(ctx);
      const status = icpStatus(app);
      return ok({
        info: {
          status,
          is_canceling: app.icp.is_canceling,
          audit_data: app.icp.audit_data,
          available: canApplyIcp(app) ? 1 : 0,
          ...(status === 4 ? { sms_verify_status: 2 } : {}),
        },
      });
    },
  },
  ...dictionaryRoutes,
  {
    method: 'POST',
    path: '/wxa/icp/create_icp_verifytask',
    token: 'authorizer',
    funcs: FILE,
    handle(ctx) {
      const app = callerApp(ctx);
      const along = optBool(ctx.body, 'along_with_auth') ?? false;
      const taskId = startVerifyTask(ctx.sim, app, along);
      const verifyUrl = `${ctx.sim.baseUrl}/wxaopen/icp/verify?appid=${app.appid}&task_id=${taskId}`;
      return ok({ task_id: taskId, ...(along ? { verify_url: verifyUrl } : {}) });
    },
  },
  {
    method: 'POST',
    path: '/wxa/icp/query_icp_verifytask',
    token: 'authorizer',
    funcs: FILE,
    handle(ctx) {
      const task = callerApp(ctx).icp.verifyTasks.get(str(ctx.body, 'task_id', 40097));
      if (task === undefined) throw new WxError(40097, 'unknown task_id');
      return ok({ is_finish: task.face_status === 2 || task.face_status === 3, face_status: task.face_status });
    },
  },
  {
    method: 'POST',
    path: '/wxa/icp/upload_icp_media',
    token: 'authorizer',
    funcs: FILE,
    body: 'multipart',
    handle(ctx) {
      const app = callerApp(ctx);
      const parts = multipartParts(ctx);
      const media = parts.get('media');
      if (media?.filename === undefined || media.data.length === 0) throw new WxError(41005);
      const type = parts.get('type')?.data.toString('utf8');
      if (type !== 'image' && type !== 'video') throw new WxError(40097, 'type must be image or video');
      if ((parts.get('icp_order_field')?.data.length ?? 0) === 0) throw new WxError(40097, 'icp_order_field missing');
      const kind = sniff(media.data);
      if (kind === undefined || kind.type !== type) throw new WxError(40005);
      const now = ctx.sim.now();
      const mediaId = ctx.sim.media.upload(app.appid, {
        ...kind,
        data: Buffer.from(media.data),
        expiresAt: now + MEDIA_DAYS * 86400,
      });
      return ok({ type, media_id: mediaId, create_at: now });
    },
  },
  {
    method: 'POST',
    path: '/wxa/icp/apply_icp_filing',
    token: 'authorizer',
    funcs: FILE,
    handle(ctx) {
      const app = callerApp(ctx);
      if (!canApplyIcp(app)) throw new WxError(40097, `filing not possible in status ${icpStatus(app)}`);
      const { out, subject, applets } = hints(ctx, app);
      if (out.length > 0) return { json: { ...errorBody(40097, ctx.rid), hints: out } };
      app.icp.order = { icp_subject: subject, icp_applets: applets };
      startFiling(ctx.sim, app);
      return ok({ hints: [] });
    },
  },
  {
    method: 'GET',
    path: '/wxa/icp/get_online_icp_order',
    token: 'authorizer',
    funcs: READ,
    handle: (ctx) => ok(onlineOrder(callerApp(ctx))),
  },
  {
    method: 'POST',
    path: '/wxa/icp/cancel_apply_icp_filing',
    token: 'authorizer',
    funcs: FILE,
    handle(ctx) {
      const app = callerApp(ctx);
      if (app.icp.phase !== 2 && app.icp.phase !== 4) throw new WxError(40097, 'no filing under review');
      ctx.sim.clock.cancel(app.icp.timer);
      Object.assign(app.icp, { timer: null, phase: 1024, order: null });
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/wxa/icp/cancel_icp_filing',
    token: 'authorizer',
    funcs: FILE,
    handle(ctx) {
      const app = callerApp(ctx);
      const cancelType = idField(ctx.body, 'cancel_type', 40097);
      const reasonType = idField(ctx.body, 'reason_type', 40097);
      if (![1, 2, 3].includes(cancelType) || ![1, 2].includes(reasonType)) throw new WxError(40097);
      if (icpStatus(app) !== 6 || app.icp.is_canceling) throw new WxError(40097, 'nothing filed to cancel');
      startCancel(ctx.sim, app);
      return ok();
    },
  },
];
