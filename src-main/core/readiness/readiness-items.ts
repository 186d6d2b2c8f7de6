import type { GetEffectiveDomainResponse, ServerDomainLists } from '@wxfleet/protocol';
import { ICP_STATUS } from '@wxfleet/protocol';
import type { DomainProfile, FixAction, ReadinessItem, ReadinessKey } from '../../contract/readiness.js';
import type { ReadinessFacts } from './readiness-facts.js';

export const SERVER_KINDS = ['requestdomain', 'wsrequestdomain', 'uploaddomain', 'downloaddomain'] as const;

type Blocks = { audit: boolean; release: boolean };
const BLOCKS: Record<ReadinessKey, Blocks> = {
  permission: { audit: true, release: true },
  basic_info: { audit: true, release: true },
  category: { audit: true, release: true },
  privacy_guide: { audit: true, release: true },
  privacy_interfaces: { audit: true, release: true },
  domains: { audit: false, release: true },
  icp: { audit: false, release: true },
  testers: { audit: false, release: false },
};

function item(
  key: ReadinessKey,
  state: ReadinessItem['state'],
  reason: string | null = null,
  params: Record<string, string> = {},
  fix: FixAction | null = null,
): ReadinessItem {
  const blocks = state === 'ready' || state === 'unknown' ? { audit: false, release: false } : BLOCKS[key];
  return { key, state, reason, params, fix, blocksAudit: blocks.audit, blocksRelease: blocks.release };
}

const unknown = (key: ReadinessKey): ReadinessItem => item(key, 'unknown', 'not_read');

function permission(f: ReadinessFacts): ReadinessItem {
  return f.funcInfo.includes(18)
    ? item('permission', 'ready')
    : item('permission', 'blocked', 'no_code_permission', {}, 'reauthorize');
}

function basicInfo(f: ReadinessFacts): ReadinessItem {
  if (f.basic === null) return unknown('basic_info');
  const missing = [
    f.basic.nickname_info?.nickname || f.basic.nickname ? null : 'name',
    f.basic.head_image_info?.head_image_url ? null : 'avatar',
    f.basic.signature_info?.signature ? null : 'introduction',
  ].filter((m): m is string => m !== null);
  return missing.length === 0
    ? item('basic_info', 'ready')
    : item('basic_info', 'missing', 'basic_info_missing', { missing: missing.join(',') }, 'set_basic_info');
}

function category(f: ReadinessFacts): ReadinessItem {
  if (f.categories === null) return unknown('category');
  const list = f.categories.categories ?? [];
  const name = (c: (typeof list)[number]): string => `${c.first_name}-${c.second_name}`;
  const approved = list.filter((c) => c.audit_status === 3);
  const reviewing = list.filter((c) => c.audit_status === 1);
  const required = f.requiredCategory;
  if (required !== null && !approved.some((c) => name(c) === required)) {
    return reviewing.some((c) => name(c) === required)
      ? item('category', 'pending', 'category_reviewing', { categories: required })
      : item('category', 'missing', 'category_required', { category: required }, 'add_category');
  }
  if (approved.length > 0) return item('category', 'ready', null, { categories: approved.map(name).join('、') });
  if (reviewing.length > 0)
    return item('category', 'pending', 'category_reviewing', { categories: reviewing.map(name).join('、') });
  return item('category', 'missing', 'no_category', {}, 'add_category');
}

function privacyGuide(f: ReadinessFacts): ReadinessItem {
  const g = f.guide;
  if (g === null) return unknown('privacy_guide');
  const owner = g.owner_setting;
  const contact = [owner?.contact_phone, owner?.contact_email, owner?.contact_qq, owner?.contact_weixin].some(Boolean);
  const declared = new Set((g.setting_list ?? []).map((s) => s.privacy_key));
  if (!contact && !owner?.notice_method && declared.size === 0)
    return item('privacy_guide', 'missing', 'guide_missing', {}, 'apply_privacy_guide');
  const uncovered = (g.privacy_list ?? []).filter((k) => !declared.has(k));
  if (uncovered.length > 0)
    return item('privacy_guide', 'missing', 'guide_uncovered', { keys: uncovered.join(', ') }, 'apply_privacy_guide');
  if (!contact || !owner?.notice_method)
    return item('privacy_guide', 'missing', 'guide_owner_incomplete', {}, 'apply_privacy_guide');
  return item('privacy_guide', 'ready', null, { keys: [...declared].join(', ') });
}

function privacyInterfaces(f: ReadinessFacts): ReadinessItem {
  if (f.interfaces === null || f.codePrivacy === null) return unknown('privacy_interfaces');
  if (f.codePrivacy === 'scanning') return item('privacy_interfaces', 'pending', 'code_scanning');
  if (f.codePrivacy === 'none') return item('privacy_interfaces', 'ready', 'no_code');
  const used = f.codePrivacy.without_auth_list ?? [];
  if (used.length === 0) return item('privacy_interfaces', 'ready');
  const byName = new Map(f.interfaces.interface_list.map((i) => [i.api_name, i]));
  const states = used.map((api) => ({ api, status: byName.get(api)?.status ?? 1, why: byName.get(api)?.fail_reason }));
  const noRight = states.filter((s) => s.status === 2);
  if (noRight.length > 0)
    return item('privacy_interfaces', 'blocked', 'interface_not_available', {
      apis: noRight.map((s) => s.api).join(', '),
    });
  const open = states.filter((s) => s.status === 1 || s.status === 4);
  if (open.length > 0) {
    const failed = open.find((s) => s.status === 4);
    return item(
      'privacy_interfaces',
      'missing',
      failed ? 'interface_rejected' : 'interface_not_applied',
      { apis: open.map((s) => s.api).join(', '), why: failed?.why ?? '' },
      'apply_privacy_interfaces',
    );
  }
  // Granted since the scan, or under review.
  const reviewing = states.filter((s) => s.status === 3);
  if (reviewing.length > 0)
    return item('privacy_interfaces', 'pending', 'interface_reviewing', {
      apis: reviewing.map((s) => s.api).join(', '),
    });
  return item('privacy_interfaces', 'ready');
}

const union = (...lists: (string[] | undefined)[]): Set<string> => new Set(lists.flatMap((l) => l ?? []));

/** What the mini-program would keep after a release once the platform manages its domains (05 E26). */
function platformLists(d: GetEffectiveDomainResponse, kind: keyof ServerDomainLists): Set<string> {
  return union(d.third_domain?.[kind], d.direct_domain?.[kind]);
}

/** Profile domains not yet set by the platform, and the merchant's own ones a release would delete. */
export function domainGaps(f: Pick<ReadinessFacts, 'domains' | 'webview' | 'profile'>): {
  missing: string[];
  deleted: string[];
} {
  const missing: string[] = [];
  const deleted: string[] = [];
  const { domains: d, webview: w, profile } = f;
  if (d !== null) {
    const manages = hasAny(profile) || SERVER_KINDS.some((k) => (d.third_domain?.[k] ?? []).length > 0);
    for (const kind of SERVER_KINDS) {
      const kept = platformLists(d, kind);
      missing.push(...profile[kind].filter((x) => !kept.has(x)));
      if (manages)
        deleted.push(...(d.mp_domain?.[kind] ?? []).filter((x) => !kept.has(x) && !profile[kind].includes(x)));
    }
  }
  if (w !== null) {
    const kept = union(w.third_webviewdomain, w.direct_webviewdomain);
    const manages = profile.webviewdomain.length > 0 || (w.third_webviewdomain ?? []).length > 0;
    missing.push(...profile.webviewdomain.filter((x) => !kept.has(x)));
    if (manages)
      deleted.push(...(w.mp_webviewdomain ?? []).filter((x) => !kept.has(x) && !profile.webviewdomain.includes(x)));
  }
  return { missing: [...new Set(missing)], deleted: [...new Set(deleted)] };
}

const hasAny = (p: DomainProfile): boolean => SERVER_KINDS.some((k) => p[k].length > 0);

function domains(f: ReadinessFacts): ReadinessItem {
  if (f.domains === null || f.webview === null) return unknown('domains');
  const { missing, deleted } = domainGaps(f);
  if (deleted.length > 0)
    return item('domains', 'missing', 'domains_deleted_at_release', { domains: deleted.join(', ') }, 'apply_domains');
  if (missing.length > 0)
    return item('domains', 'missing', 'domains_missing', { domains: missing.join(', ') }, 'apply_domains');
  return item('domains', 'ready');
}

function icp(f: ReadinessFacts): ReadinessItem {
  if (f.icp === null) return unknown('icp');
  const status = f.icp.info.status;
  if (status === ICP_STATUS.filed) return item('icp', 'ready');
  const code = String(status);
  if (status === ICP_STATUS.platformReview || status === ICP_STATUS.authorityReview)
    return item('icp', 'pending', 'icp_reviewing', { status: code });
  if (status === ICP_STATUS.platformRejected || status === ICP_STATUS.authorityRejected)
    return item('icp', 'missing', 'icp_rejected', { status: code }, 'start_icp');
  return item('icp', 'missing', 'icp_not_filed', { status: code }, 'start_icp');
}

function testers(f: ReadinessFacts): ReadinessItem {
  if (f.testers === null) return unknown('testers');
  return f.testers.length > 0
    ? item('testers', 'ready', null, { count: String(f.testers.length) })
    : item('testers', 'missing', 'no_testers', {}, 'bind_tester');
}

/** Every item, in the order a person fixes them. */
export function readinessItems(f: ReadinessFacts): ReadinessItem[] {
  return [
    permission(f),
    basicInfo(f),
    category(f),
    privacyGuide(f),
    privacyInterfaces(f),
    domains(f),
    icp(f),
    testers(f),
  ];
}

/** Keys that hold a deploy back: audit blockers, and release blockers when the deploy releases. */
export function heldBy(items: readonly ReadinessItem[], withRelease = true): ReadinessKey[] {
  return items.filter((i) => i.blocksAudit || (withRelease && i.blocksRelease)).map((i) => i.key);
}

/** The category an audit rejection names: 「体育-体育场馆服务」 (seed note 7.6). */
export function categoryNamedBy(reason: string | null): string | null {
  if (reason === null) return null;
  const named = /类目[^「]*「([^」]+)」/u.exec(reason) ?? /「([^」]+-[^」]+)」/u.exec(reason);
  return named?.[1] ?? null;
}
