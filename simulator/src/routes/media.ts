import { WxError } from '../errors.js';
import { callerApp, idField, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';

const IMAGE_LIMIT = 2 * 1024 * 1024;
const VIDEO_LIMIT = 10 * 1024 * 1024;

/** The `media` file of a multipart/form-data body, or undefined. */
function mediaPart(ctx: RouteContext): { filename: string; data: Buffer } | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ctx.contentType);
  if (!ctx.contentType.toLowerCase().startsWith('multipart/form-data') || boundary === null) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = ctx.raw.indexOf(delimiter);
  while (start >= 0) {
    const next = ctx.raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) return undefined;
    const part = ctx.raw.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      if (/name="media"/i.test(headers)) {
        const filename = /filename="([^"]*)"/i.exec(headers)?.[1] ?? '';
        return { filename, data: part.subarray(headerEnd + 4, part.length - 2) };
      }
    }
    start = next;
  }
  return undefined;
}

function sniff(data: Buffer): { type: 'image' | 'video'; contentType: string } | undefined {
  if (data[0] === 0xff && data[1] === 0xd8) return { type: 'image', contentType: 'image/jpeg' };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { type: 'image', contentType: 'image/png' };
  if (data.subarray(0, 3).toString('latin1') === 'GIF') return { type: 'image', contentType: 'image/gif' };
  if (data.subarray(4, 8).toString('latin1') === 'ftyp') return { type: 'video', contentType: 'video/mp4' };
  return undefined;
}

/** 05 E20, E21 and the audit-screenshot fetch (02 B10). */
export const mediaRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wxa/uploadmedia',
    token: 'authorizer',
    funcs: [18],
    body: 'multipart',
    handle(ctx) {
      const app = callerApp(ctx);
      const part = mediaPart(ctx);
      if (part === undefined || part.data.length === 0) throw new WxError(41005);
      const kind = sniff(part.data);
      if (kind === undefined) throw new WxError(40005);
      if (part.data.length > (kind.type === 'image' ? IMAGE_LIMIT : VIDEO_LIMIT)) throw new WxError(40006);
      const mediaid = ctx.sim.media.upload(app.appid, {
        ...kind,
        data: Buffer.from(part.data),
        expiresAt: ctx.sim.now() + 3 * 86400,
      });
      return ok({ type: kind.type, mediaid });
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/material/get_material',
    token: 'authorizer',
    handle(ctx) {
      const app = callerApp(ctx);
      const item = ctx.sim.media.get(str(ctx.body, 'media_id', 40007), app.appid, ctx.sim.now());
      if (item === undefined) throw new WxError(40007);
      return {
        binary: item.data,
        contentType: item.contentType,
        headers: {
          'Content-Disposition': `attachment; filename="${item.type === 'image' ? 'material.jpg' : 'material.mp4'}"`,
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/wxa/setnickname',
    token: 'authorizer',
    funcs: [30],
    handle(ctx) {
      const app = callerApp(ctx);
      const nickname = str(ctx.body, 'nick_name', 47001);
      if ([...nickname].length < 2 || [...nickname].length > 30) throw new WxError(47001, 'nick_name length');
      const auditId = ctx.sim.nextNicknameAuditId++;
      const now = ctx.sim.now();
      app.nicknameAudits.set(auditId, { nickname, audit_stat: 1, create_time: now, audit_time: 0, fail_reason: '' });
      ctx.sim.clock.after(ctx.sim.config.nicknameAuditSeconds, () => {
        const record = app.nicknameAudits.get(auditId);
        if (record === undefined || record.audit_stat !== 1) return;
        Object.assign(record, { audit_stat: 3, audit_time: ctx.sim.now() });
        app.nickName = nickname;
        ctx.sim.events.nicknameAudit(app, 3, nickname, '');
      });
      return ok({ wording: '名称审核中，审核结果将通过消息推送通知', audit_id: auditId });
    },
  },
  {
    method: 'POST',
    path: '/wxa/api_wxa_querynickname',
    token: 'authorizer',
    funcs: [30],
    handle(ctx) {
      const record = callerApp(ctx).nicknameAudits.get(idField(ctx.body, 'audit_id', 91011));
      if (record === undefined) throw new WxError(91011);
      return ok({ ...record });
    },
  },
];
