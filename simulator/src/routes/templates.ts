import { WxError } from '../errors.js';
import { idField, optInt } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import type { Draft, Template } from '../state/types.js';

function draftView(d: Draft) {
  return {
    create_time: d.create_time,
    user_version: d.user_version,
    user_desc: d.user_desc,
    draft_id: d.draft_id,
    source_miniprogram_appid: d.source_miniprogram_appid,
    source_miniprogram: d.source_miniprogram,
    developer: d.developer,
    category_list: [],
  };
}

function templateView(t: Template) {
  // audit_scene / audit_status / reason exist only for standard templates (04 D3).
  const standard = t.template_type === 1 ? { audit_scene: 0, audit_status: 3, reason: '' } : {};
  return {
    ...draftView(t),
    create_time: t.create_time,
    template_id: t.template_id,
    template_type: t.template_type,
    ...standard,
  };
}

/** `templatesUnauthorized`: platforms that may add drafts to the library only on WeChat's web page get 48001. */
function refuseIfUnauthorized(ctx: RouteContext, api: 'addtotemplate' | 'other'): void {
  const setting = ctx.sim.config.templatesUnauthorized;
  if (setting === 'all' || (setting === 'addtotemplate' && api === 'addtotemplate')) throw new WxError(48001);
}

/** 04 D1–D4 (component token, `access_token=` — both spellings accepted anyway). */
export const templateRoutes: Route[] = [
  {
    method: 'GET',
    path: '/wxa/gettemplatedraftlist',
    token: 'component',
    handle(ctx) {
      refuseIfUnauthorized(ctx, 'other');
      return ok({ draft_list: ctx.sim.templates.drafts.map(draftView) });
    },
  },
  {
    method: 'POST',
    path: '/wxa/addtotemplate',
    token: 'component',
    handle(ctx) {
      refuseIfUnauthorized(ctx, 'addtotemplate');
      const draftId = idField(ctx.body, 'draft_id', 85064);
      const type = optInt(ctx.body, 'template_type') ?? 0;
      if (type !== 0 && type !== 1) throw new WxError(47001, 'template_type must be 0 or 1');
      const result = ctx.sim.templates.addToTemplate(draftId, type, ctx.sim.now());
      if (typeof result === 'number') throw new WxError(result);
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/wxa/gettemplatelist',
    token: 'component',
    handle(ctx) {
      refuseIfUnauthorized(ctx, 'other');
      const type = ctx.query.get('template_type');
      if (type !== null && type !== '0' && type !== '1') throw new WxError(40097);
      const list = ctx.sim.templates.templates.filter((t) => type === null || t.template_type === Number(type));
      return ok({ template_list: list.map(templateView) });
    },
  },
  {
    method: 'POST',
    path: '/wxa/deletetemplate',
    token: 'component',
    handle(ctx) {
      refuseIfUnauthorized(ctx, 'other');
      if (!ctx.sim.templates.delete(idField(ctx.body, 'template_id', 85064))) throw new WxError(85064);
      return ok();
    },
  },
];
