import { WxError } from '../errors.js';
import { callerApp, optBool, optObject, optStr } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Reply, RouteContext } from '../http/route.js';
import type { Audit, MiniProgram } from '../state/types.js';

const SOCIAL = ['社区/论坛', '笔记', '问答'];

function pendingOf(app: MiniProgram): Audit | undefined {
  const latest = app.code.audits.at(-1);
  return latest !== undefined && (latest.status === 2 || latest.status === 4) ? latest : undefined;
}

function checkItems(ctx: RouteContext, app: MiniProgram, pages: string[]): void {
  const items = ctx.body['item_list'];
  if (items === undefined || items === null) {
    if (ctx.sim.config.audit.requireItemList) throw new WxError(85023);
    return;
  }
  if (!Array.isArray(items) || items.length < 1 || items.length > 5) throw new WxError(85023);
  for (const item of items as unknown[]) {
    if (typeof item !== 'object' || item === null || Array.isArray(item) || Object.keys(item).length === 0)
      throw new WxError(85010);
    const entry = item as Record<string, unknown>;
    const first = entry['first_class'];
    const second = entry['second_class'];
    const firstId = entry['first_id'];
    const secondId = entry['second_id'];
    const matches = app.categories.some(
      (c) =>
        c.first_class === first &&
        c.second_class === second &&
        Number(firstId) === c.first_id &&
        Number(secondId) === c.second_id,
    );
    if (!matches) throw new WxError(85008);
    const address = entry['address'];
    if (address !== undefined && (typeof address !== 'string' || !pages.includes(address))) throw new WxError(85007);
    const title = entry['title'];
    if (title !== undefined && (typeof title !== 'string' || [...title].length > 32)) throw new WxError(85011);
    const tag = entry['tag'];
    if (tag !== undefined) {
      const tags = typeof tag === 'string' ? tag.split(' ').filter((t) => t !== '') : null;
      if (tags === null || tags.length > 10 || tags.some((t) => [...t].length > 20)) throw new WxError(85006);
    }
  }
}

function privacyGuideCovers(app: MiniProgram, keys: string[]): boolean {
  const guide = app.code.privacyDev;
  if (guide === null) return false;
  return keys.every((key) => guide.setting_list.some((s) => s.privacy_key === key));
}

/** 05 E5 with the preconditions of E23, in that order. */
export function submitAudit(ctx: RouteContext): Reply {
  const app = callerApp(ctx);
  const { sim } = ctx;
  const experience = app.code.experience;
  if (experience === null) throw new WxError(85086);
  if (pendingOf(app) !== undefined) throw new WxError(85009);
  const now = sim.now();
  if (now < experience.privacyScanReadyAt) throw new WxError(61039);
  if (sim.quotas.auditQuota(now).rest <= 0) throw new WxError(85085);
  if (app.nickName === '' || app.signature === '') throw new WxError(86002);
  checkItems(ctx, app, experience.pages);
  const versionDesc = optStr(ctx.body, 'version_desc');
  if (versionDesc !== undefined && versionDesc.length > 500) throw new WxError(85051);
  const ugc = optObject(ctx.body, 'ugc_declare');
  const social = app.categories.some((c) => c.first_class === '社交' && SOCIAL.includes(c.second_class));
  if (social && ugc === undefined && !app.code.audits.some((a) => a.status === 0)) throw new WxError(85094);
  if (experience.withoutConf.length > 0 && optBool(ctx.body, 'privacy_api_not_use') !== true) throw new WxError(61040);
  if (!privacyGuideCovers(app, experience.privacyKeys))
    throw new WxError(sim.config.audit.privacyGuideMissingErrcode, 'privacy setting not set');
  sim.quotas.audit.used++;
  const audit: Audit = {
    auditid: sim.nextAuditId++,
    status: 2,
    reason: '',
    screenshot: '',
    submit_audit_time: now,
    user_version: experience.user_version,
    user_desc: experience.user_desc,
    experience,
    released: false,
    spedUp: false,
    timer: null,
  };
  app.code.audits.push(audit);
  if (app.code.audits.length > 50) app.code.audits.splice(0, app.code.audits.length - 50);
  sim.audits.schedule(app, audit);
  return ok({ auditid: audit.auditid });
}
