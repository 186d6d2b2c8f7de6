import { withoutAuth } from '../engine/privacy-scan.js';
import { WxError } from '../errors.js';
import { callerApp, optBool, optObject, optStr } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Reply, RouteContext } from '../http/route.js';
import { hasBasicInfo } from '../state/basic-info.js';
import type { Audit, CategoryRef, MiniProgram } from '../state/types.js';
import { pendingAudit } from '../state/audit-queries.js';

const SOCIAL = ['社区/论坛', '笔记', '问答'];

const approved = (app: MiniProgram) => app.categories.filter((c) => c.audit_status === 3);

/** item_list (05 E5): 1–5 items, each with an approved category of this app (85008); returns the categories used. */
function checkItems(ctx: RouteContext, app: MiniProgram, pages: string[]): CategoryRef[] {
  const items = ctx.body['item_list'];
  const own = approved(app);
  if (items === undefined || items === null) {
    if (ctx.sim.config.audit.requireItemList) throw new WxError(85023);
    return own.map(({ first_id, second_id }) => ({ first_id, second_id }));
  }
  if (!Array.isArray(items) || items.length < 1 || items.length > 5) throw new WxError(85023);
  return (items as unknown[]).map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item) || Object.keys(item).length === 0)
      throw new WxError(85010);
    const entry = item as Record<string, unknown>;
    const match = own.find(
      (c) =>
        c.first_class === entry['first_class'] &&
        c.second_class === entry['second_class'] &&
        Number(entry['first_id']) === c.first_id &&
        Number(entry['second_id']) === c.second_id,
    );
    if (match === undefined) throw new WxError(85008);
    const address = entry['address'];
    if (address !== undefined && (typeof address !== 'string' || !pages.includes(address))) throw new WxError(85007);
    const title = entry['title'];
    if (title !== undefined && (typeof title !== 'string' || [...title].length > 32)) throw new WxError(85011);
    const tag = entry['tag'];
    if (tag !== undefined) {
      const tags = typeof tag === 'string' ? tag.split(' ').filter((t) => t !== '') : null;
      if (tags === null || tags.length > 10 || tags.some((t) => [...t].length > 20)) throw new WxError(85006);
    }
    return { first_id: match.first_id, second_id: match.second_id };
  });
}

function firstItem(items: unknown): Audit['item'] {
  const first: unknown = Array.isArray(items) ? items[0] : undefined;
  if (typeof first !== 'object' || first === null) return null;
  const entry = first as Record<string, unknown>;
  const text = (key: string) => (typeof entry[key] === 'string' ? { [key]: entry[key] } : {});
  return { ...text('address'), ...text('title'), ...text('tag') };
}

/**
 * 05 E5 with the preconditions of E23. The privacy interfaces (61040) are checked here; the privacy guide is not: it
 * is reviewed with the code and a problem ends in a rejected audit (E22), unless `noGuideSubmitErrcode` is set.
 */
export function submitAudit(ctx: RouteContext): Reply {
  const app = callerApp(ctx);
  const { sim } = ctx;
  const experience = app.code.experience;
  if (experience === null) throw new WxError(85086);
  if (pendingAudit(app) !== undefined) throw new WxError(85009);
  const now = sim.now();
  if (now < experience.privacyScanReadyAt) throw new WxError(61039);
  if (sim.quotas.auditQuota(now).rest <= 0) throw new WxError(85085);
  if (!hasBasicInfo(app)) throw new WxError(86002);
  if (approved(app).length === 0) throw new WxError(85008);
  const categories = checkItems(ctx, app, experience.pages);
  const versionDesc = optStr(ctx.body, 'version_desc');
  if (versionDesc !== undefined && versionDesc.length > 500) throw new WxError(85051);
  const ugc = optObject(ctx.body, 'ugc_declare');
  const social = approved(app).some((c) => c.first_class === '社交' && SOCIAL.includes(c.second_class));
  if (social && ugc === undefined && !app.code.audits.some((a) => a.status === 0)) throw new WxError(85094);
  const unused = optBool(ctx.body, 'privacy_api_not_use') === true;
  if (!unused && (experience.withoutConf.length > 0 || withoutAuth(app, experience).length > 0))
    throw new WxError(61040);
  const noGuide = sim.config.audit.noGuideSubmitErrcode;
  if (noGuide !== null && app.code.privacyDev === null) throw new WxError(noGuide, 'privacy setting not set');
  const feedback = optStr(ctx.body, 'feedback_info');
  const previous = app.code.audits.at(-1);
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
    guide: structuredClone(app.code.privacyDev),
    categories,
    item: firstItem(ctx.body['item_list']),
    feedbackInfo: feedback !== undefined && previous?.status === 1 ? feedback : null,
    released: false,
    spedUp: false,
    timer: null,
  };
  app.code.audits.push(audit);
  if (app.code.audits.length > 50) app.code.audits.splice(0, app.code.audits.length - 50);
  sim.audits.schedule(app, audit);
  return ok({ auditid: audit.auditid });
}
