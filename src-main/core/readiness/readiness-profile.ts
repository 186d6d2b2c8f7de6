import type { DomainProfile, GuideOwner, ReadinessProfile } from '../../contract/readiness.js';
import { coded } from '../../contract/codes.js';
import { CodedError } from '../../contract/result.js';
import type { Readiness } from '../platform/store/readiness-aggregate.js';

const OWNER_FIELDS = [
  'contactPhone',
  'contactEmail',
  'contactWeixin',
  'noticeMethod',
  'storePeriod',
  'storeRegion',
] as const satisfies readonly (keyof GuideOwner)[];

const SERVER_PREFIX = {
  requestdomain: 'https://',
  wsrequestdomain: 'wss://',
  uploaddomain: 'https://',
  downloaddomain: 'https://',
};

const invalid = (code: Parameters<typeof coded>[0], params: Record<string, string>): CodedError =>
  new CodedError('invalid_argument', coded(code, params));

export function profileOf(data: Readiness): ReadinessProfile {
  const p = data.profile;
  return {
    guide: { purposes: p.guide.purposes.map((x) => ({ ...x })), owner: { ...p.guide.owner } },
    merchantOwners: Object.fromEntries(Object.entries(p.merchantOwners).map(([appid, o]) => [appid, ownerOverride(o)])),
    domains: {
      requestdomain: [...p.domains.requestdomain],
      wsrequestdomain: [...p.domains.wsrequestdomain],
      uploaddomain: [...p.domains.uploaddomain],
      downloaddomain: [...p.domains.downloaddomain],
      webviewdomain: [...p.domains.webviewdomain],
    },
    interfaceReasons: { ...p.interfaceReasons },
  };
}

function ownerOverride(stored: Record<string, string>): Partial<GuideOwner> {
  const out: Partial<GuideOwner> = {};
  for (const field of OWNER_FIELDS) {
    const value = stored[field];
    if (value === undefined) continue;
    if (field === 'storeRegion') out.storeRegion = Number(value);
    else out[field] = value;
  }
  return out;
}

/** The owner part for one mini-program: its own values over the template's. */
export function ownerFor(profile: ReadinessProfile, appid: string): GuideOwner {
  return { ...profile.guide.owner, ...profile.merchantOwners[appid] };
}

const cleanList = (list: string[]): string[] => [
  ...new Set(list.map((d) => d.trim().toLowerCase()).filter((d) => d !== '')),
];

function checkDomains(d: DomainProfile): DomainProfile {
  const out = {} as DomainProfile;
  for (const [kind, prefix] of Object.entries(SERVER_PREFIX) as [keyof typeof SERVER_PREFIX, string][]) {
    out[kind] = cleanList(d[kind]);
    const bad = out[kind].filter((x) => !x.startsWith(prefix) || /^\w+:\/\/\d+\.\d+\.\d+\.\d+/.test(x));
    if (bad.length > 0) throw invalid('readiness_domain_invalid', { kind, prefix, port: '', domains: bad.join(', ') });
  }
  out.webviewdomain = cleanList(d.webviewdomain);
  const badView = out.webviewdomain.filter((x) => !x.startsWith('https://') || /:\d+$/.test(x));
  if (badView.length > 0)
    throw invalid('readiness_domain_invalid', {
      kind: 'webviewdomain',
      prefix: 'https://',
      port: ' / port',
      domains: badView.join(', '),
    });
  return out;
}

/** Refuses a profile WeChat would refuse (or reject at audit): trims and de-duplicates what it keeps. */
export function checkProfile(p: ReadinessProfile): Readiness['profile'] {
  const purposes = p.guide.purposes
    .map((x) => ({ privacyKey: x.privacyKey.trim(), text: x.text.trim() }))
    .filter((x) => x.privacyKey !== '');
  const empty = purposes.filter((x) => x.text.length < 2).map((x) => x.privacyKey);
  if (empty.length > 0) throw invalid('readiness_purpose_missing', { keys: empty.join(', ') });
  const keys = purposes.map((x) => x.privacyKey);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice !== undefined) throw invalid('readiness_key_twice', { key: twice });
  const owner = { ...p.guide.owner };
  const merchantOwners: Record<string, Record<string, string>> = {};
  for (const [appid, o] of Object.entries(p.merchantOwners)) {
    const kept = Object.entries(o).filter(
      ([k, v]) => (OWNER_FIELDS as readonly string[]).includes(k) && v !== undefined,
    );
    if (kept.length > 0) merchantOwners[appid] = Object.fromEntries(kept.map(([k, v]) => [k, String(v)]));
  }
  const interfaceReasons = Object.fromEntries(
    Object.entries(p.interfaceReasons)
      .map(([api, text]) => [api.trim(), text.trim()] as const)
      .filter(([api, text]) => api !== '' && text !== ''),
  );
  const long = Object.entries(interfaceReasons).filter(([, text]) => text.length > 300);
  if (long.length > 0) throw invalid('readiness_reason_too_long', { apis: long.map(([a]) => a).join(', ') });
  return { guide: { purposes, owner }, merchantOwners, domains: checkDomains(p.domains), interfaceReasons };
}
