import { WxError } from '../errors.js';
import { callerApp, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import { multipartParts, sniff } from '../http/multipart.js';
import type { Route } from '../http/route.js';

const IMAGE_LIMIT = 2 * 1024 * 1024;
const VIDEO_LIMIT = 10 * 1024 * 1024;

/** 05 E20 and the audit-screenshot fetch (02 B10). */
export const mediaRoutes: Route[] = [
  {
    method: 'POST',
    path: '/wxa/uploadmedia',
    token: 'authorizer',
    funcs: [18],
    body: 'multipart',
    handle(ctx) {
      const app = callerApp(ctx);
      const part = multipartParts(ctx).get('media');
      if (part?.filename === undefined || part.data.length === 0) throw new WxError(41005);
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
];
