import type { CategoryNode } from '@wxfleet/protocol';
import type { FixRequest, ReadinessProfile } from '../../contract/readiness.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';
import { WeChatError } from '../wechat/client/wechat-error.js';
import { SERVER_KINDS } from './readiness-items.js';
import { ownerFor } from './readiness-profile.js';

export type FixApi = Pick<
  WeChatApi,
  | 'getPrivacySetting'
  | 'setPrivacySetting'
  | 'getCodePrivacyInfo'
  | 'getPrivacyInterface'
  | 'applyPrivacyInterface'
  | 'getEffectiveDomain'
  | 'getEffectiveWebviewDomain'
  | 'modifyDomain'
  | 'modifyDomainDirectly'
  | 'setWebviewDomain'
  | 'setWebviewDomainDirectly'
  | 'getWebviewDomainConfirmFile'
  | 'getAllCategories'
  | 'addCategory'
  | 'modifySignature'
  | 'uploadMedia'
  | 'modifyHeadImage'
  | 'checkWxVerifyNickname'
  | 'setNickname'
  | 'bindTester'
  | 'unbindTester'
>;

/** What one fix did to one mini-program: an i18n code and params, and the ledger text when WeChat changed. */
export interface FixOutcome {
  ok: boolean;
  code: string;
  params: Record<string, string>;
  /** What changed, for the version ledger; null when nothing was written. */
  change: string | null;
}

export interface FixContext {
  api: FixApi;
  profile: ReadinessProfile;
  nickname: string;
  /** The category the last audit rejection named. */
  requiredCategory: string | null;
}

const done = (code: string, change: string | null, params: Record<string, string> = {}): FixOutcome => ({
  ok: true,
  code,
  params,
  change,
});
const refused = (code: string, params: Record<string, string> = {}): FixOutcome => ({
  ok: false,
  code,
  params,
  change: null,
});

const fill = (text: string, nickname: string): string => text.replaceAll('{{nickname}}', nickname);

async function applyGuide(ctx: FixContext, appid: string): Promise<FixOutcome> {
  const { purposes } = ctx.profile.guide;
  const owner = ownerFor(ctx.profile, appid);
  if (purposes.length === 0) return refused('guide_template_empty');
  if (!owner.contactPhone && !owner.contactEmail && !owner.contactWeixin) return refused('guide_no_contact');
  if (!owner.noticeMethod) return refused('guide_no_notice_method');
  const current = await ctx.api.getPrivacySetting(appid, { privacy_ver: 2 });
  const covered = new Set(purposes.map((p) => p.privacyKey));
  const lacking = (current.privacy_list ?? []).filter((k) => !covered.has(k));
  if (lacking.length > 0) return refused('guide_template_lacks', { keys: lacking.join(', ') });
  await ctx.api.setPrivacySetting(appid, {
    privacy_ver: 2,
    owner_setting: {
      ...(owner.contactPhone ? { contact_phone: owner.contactPhone } : {}),
      ...(owner.contactEmail ? { contact_email: owner.contactEmail } : {}),
      ...(owner.contactWeixin ? { contact_weixin: owner.contactWeixin } : {}),
      notice_method: owner.noticeMethod,
      ...(owner.storePeriod ? { store_expire_timestamp: owner.storePeriod } : {}),
      ...(owner.storeRegion ? { store_region: owner.storeRegion } : {}),
    },
    setting_list: purposes.map((p) => ({ privacy_key: p.privacyKey, privacy_text: fill(p.text, ctx.nickname) })),
  });
  const keys = purposes.map((p) => p.privacyKey).join(', ');
  return done('guide_applied', `setprivacysetting: ${keys}; ${owner.noticeMethod}`, {
    keys,
  });
}

async function applyInterfaces(ctx: FixContext, appid: string): Promise<FixOutcome> {
  let needed: string[];
  try {
    needed = (await ctx.api.getCodePrivacyInfo(appid)).without_auth_list ?? [];
  } catch (error) {
    if (error instanceof WeChatError && error.errcode === 61039) return refused('code_scanning');
    if (error instanceof WeChatError && error.errcode === 86001) return done('interfaces_not_needed', null);
    throw error;
  }
  const states = new Map((await ctx.api.getPrivacyInterface(appid)).interface_list.map((i) => [i.api_name, i.status]));
  const toApply = needed.filter((api) => states.get(api) === 1 || states.get(api) === 4 || !states.has(api));
  if (toApply.length === 0) return done('interfaces_not_needed', null);
  const noReason = toApply.filter((api) => !(ctx.profile.interfaceReasons[api] ?? ctx.profile.interfaceReasons['*']));
  if (noReason.length > 0) return refused('interface_reason_missing', { apis: noReason.join(', ') });
  for (const api of toApply) {
    const reason = ctx.profile.interfaceReasons[api] ?? ctx.profile.interfaceReasons['*'] ?? '';
    await ctx.api.applyPrivacyInterface(appid, { api_name: api, content: fill(reason, ctx.nickname).slice(0, 300) });
  }
  const apis = toApply.join(', ');
  return done('interfaces_applied', `apply_privacy_interface: ${apis}`, { apis });
}

type ServerKind = (typeof SERVER_KINDS)[number];

const byKind = (kinds: readonly ServerKind[], pick: (k: ServerKind) => string[]) =>
  Object.fromEntries(kinds.map((k) => [k, pick(k)]).filter(([, l]) => (l as string[]).length > 0)) as Partial<
    Record<ServerKind, string[]>
  >;

/**
 * The profile's domains through modify_domain / setwebviewdomain (kept at release, 05 E26), and the merchant's own
 * ones, which a release would then delete, kept through the `_directly` calls.
 */
async function applyDomains(ctx: FixContext, appid: string): Promise<FixOutcome> {
  const profile = ctx.profile.domains;
  const [d, w] = await Promise.all([ctx.api.getEffectiveDomain(appid), ctx.api.getEffectiveWebviewDomain(appid)]);
  const kept = (k: ServerKind): Set<string> =>
    new Set([...(d.third_domain?.[k] ?? []), ...(d.direct_domain?.[k] ?? [])]);
  const platformAdds = byKind(SERVER_KINDS, (k) => profile[k].filter((x) => !(d.third_domain?.[k] ?? []).includes(x)));
  const manages = Object.keys(platformAdds).length > 0 || SERVER_KINDS.some((k) => (d.third_domain?.[k] ?? []).length);
  const ownKeeps = manages
    ? byKind(SERVER_KINDS, (k) => (d.mp_domain?.[k] ?? []).filter((x) => !kept(k).has(x) && !profile[k].includes(x)))
    : {};
  const viewThird = w.third_webviewdomain ?? [];
  const viewAdds = profile.webviewdomain.filter((x) => !viewThird.includes(x));
  const viewManages = viewAdds.length > 0 || viewThird.length > 0;
  const viewKept = new Set([...viewThird, ...(w.direct_webviewdomain ?? [])]);
  const viewOwn = viewManages
    ? (w.mp_webviewdomain ?? []).filter((x) => !viewKept.has(x) && !profile.webviewdomain.includes(x))
    : [];
  const changes: string[] = [];
  if (Object.keys(platformAdds).length > 0) {
    await ctx.api.modifyDomain(appid, { action: 'add', ...platformAdds });
    changes.push(`modify_domain: ${Object.values(platformAdds).flat().join(', ')}`);
  }
  if (Object.keys(ownKeeps).length > 0) {
    await ctx.api.modifyDomainDirectly(appid, { action: 'add', ...ownKeeps });
    changes.push(`modify_domain_directly: ${Object.values(ownKeeps).flat().join(', ')}`);
  }
  if (viewAdds.length > 0) {
    await ctx.api.setWebviewDomain(appid, { action: 'add', webviewdomain: viewAdds });
    changes.push(`setwebviewdomain: ${viewAdds.join(', ')}`);
  }
  let confirmFile = '';
  let confirmContent = '';
  if (viewOwn.length > 0) {
    const file = await ctx.api.getWebviewDomainConfirmFile(appid);
    confirmFile = file.file_name;
    confirmContent = file.file_content;
    await ctx.api.setWebviewDomainDirectly(appid, { action: 'add', webviewdomain: viewOwn });
    changes.push(`setwebviewdomain_directly (${file.file_name}): ${viewOwn.join(', ')}`);
  }
  if (changes.length === 0) return done('domains_already', null);
  const kept2 = [...Object.values(ownKeeps).flat(), ...viewOwn].join(', ');
  const code =
    confirmFile !== '' ? 'domains_applied_confirm' : kept2 === '' ? 'domains_applied' : 'domains_applied_kept';
  return done(code, changes.join('; '), {
    added: [...Object.values(platformAdds).flat(), ...viewAdds].join(', '),
    kept: kept2,
    confirmFile,
    confirmContent,
  });
}

/** The category named 「一级-二级」 in WeChat's catalogue of this mini-program. */
function findByName(
  nodes: readonly CategoryNode[],
  name: string,
): { first: CategoryNode; second: CategoryNode } | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const second of nodes) {
    if (second.level !== 2) continue;
    const first = byId.get(second.father);
    if (first && `${first.name}-${second.name}` === name) return { first, second };
  }
  return null;
}

async function addCategory(
  ctx: FixContext,
  appid: string,
  req: Extract<FixRequest, { action: 'add_category' }>,
): Promise<FixOutcome> {
  const tree = (await ctx.api.getAllCategories(appid)).categories_list.categories;
  let pair: { first: CategoryNode; second: CategoryNode } | null = null;
  if (req.first !== undefined && req.second !== undefined) {
    const first = tree.find((n) => n.id === req.first);
    const second = tree.find((n) => n.id === req.second && n.father === req.first);
    pair = first && second ? { first, second } : null;
    if (pair === null) return refused('category_unknown', { category: `${req.first}-${req.second}` });
  } else {
    if (ctx.requiredCategory === null) return refused('category_not_named');
    pair = findByName(tree, ctx.requiredCategory);
    if (pair === null) return refused('category_unknown', { category: ctx.requiredCategory });
  }
  const name = `${pair.first.name}-${pair.second.name}`;
  if (pair.second.sensitive_type === 1) return refused('category_needs_qualification', { category: name });
  await ctx.api.addCategory(appid, { categories: [{ first: pair.first.id, second: pair.second.id }] });
  return done('category_added', `addcategory: ${name}`, { category: name });
}

async function setBasicInfo(
  ctx: FixContext,
  appid: string,
  req: Extract<FixRequest, { action: 'set_basic_info' }>,
): Promise<FixOutcome> {
  const changes: string[] = [];
  const params: Record<string, string> = {};
  if (req.nickname) {
    const check = await ctx.api.checkWxVerifyNickname(appid, { nick_name: req.nickname });
    if (check.hit_condition) return refused('nickname_needs_proof', { nickname: req.nickname, wording: check.wording });
    const res = await ctx.api.setNickname(appid, { nick_name: req.nickname });
    changes.push(`setnickname${res.audit_id ? ` audit_id=${res.audit_id}` : ''}: ${req.nickname}`);
    params['nickname'] = req.nickname;
  }
  if (req.signature) {
    await ctx.api.modifySignature(appid, { signature: req.signature });
    changes.push(`modifysignature: ${req.signature}`);
    params['signature'] = req.signature;
  }
  if (req.avatar) {
    const [, type = 'png', base64 = ''] = /^data:image\/(png|jpeg);base64,(.*)$/s.exec(req.avatar) ?? [];
    const data = Buffer.from(base64, 'base64');
    const { mediaid } = await ctx.api.uploadMedia(appid, {
      media: { filename: `avatar.${type === 'jpeg' ? 'jpg' : 'png'}`, contentType: `image/${type}`, data },
    });
    await ctx.api.modifyHeadImage(appid, { head_img_media_id: mediaid, x1: 0, y1: 0, x2: 1, y2: 1 });
    changes.push(`uploadmedia+modifyheadimage: ${data.length}B`);
    params['avatar'] = 'set';
  }
  if (changes.length === 0) return refused('basic_info_nothing');
  return done('basic_info_set', changes.join('; '), params);
}

/** Runs one fix on one mini-program; WeChat's refusals come back as errors for the caller to turn into results. */
export async function runFix(ctx: FixContext, appid: string, req: FixRequest): Promise<FixOutcome> {
  switch (req.action) {
    case 'apply_privacy_guide':
      return applyGuide(ctx, appid);
    case 'apply_privacy_interfaces':
      return applyInterfaces(ctx, appid);
    case 'apply_domains':
      return applyDomains(ctx, appid);
    case 'add_category':
      return addCategory(ctx, appid, req);
    case 'set_basic_info':
      return setBasicInfo(ctx, appid, req);
    case 'bind_tester': {
      await ctx.api.bindTester(appid, { wechatid: req.wechatid });
      return done('tester_bound', `bind_tester: ${req.wechatid}`, { wechatid: req.wechatid });
    }
    case 'unbind_tester': {
      await ctx.api.unbindTester(appid, { userstr: req.userstr });
      return done('tester_unbound', `unbind_tester: ${req.userstr}`);
    }
  }
}
