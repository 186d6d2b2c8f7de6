import type { SimulatorConfig } from '../config.js';
import { emptyDomains } from '../state/app-seed.js';
import type { DomainKind, DomainLists, DomainSources, MiniProgram } from '../state/types.js';

export const DOMAIN_KINDS: DomainKind[] = [
  'requestdomain',
  'wsrequestdomain',
  'uploaddomain',
  'downloaddomain',
  'udpdomain',
  'tcpdomain',
];

type Rule = SimulatorConfig['domainReleaseMerge'];

const union = (...lists: string[][]): string[] => [...new Set(lists.flat())];

/**
 * What a release keeps (05 E26; exact merge UNCONFIRMED 25, a setting). Once the platform manages domains (a `third`
 * list is not empty) the merchant's own mp domains are deleted; `third_and_direct` keeps the direct ones too.
 */
function merged<T>(sources: DomainSources<T>, platformManages: boolean, rule: Rule, join: (...parts: T[]) => T): T {
  if (!platformManages) return join(sources.mp, sources.direct);
  return rule === 'third_only' ? join(sources.third) : join(sources.third, sources.direct);
}

const joinLists = (...parts: DomainLists[]): DomainLists => {
  const out = emptyDomains();
  for (const kind of DOMAIN_KINDS) out[kind] = union(...parts.map((p) => p[kind]));
  return out;
};

const managesServer = (app: MiniProgram): boolean => DOMAIN_KINDS.some((k) => app.code.domains.third[k].length > 0);
const managesWebview = (app: MiniProgram): boolean => app.code.webview.third.length > 0;

export function effectiveServerDomains(app: MiniProgram, rule: Rule): DomainLists {
  return merged(app.code.domains, managesServer(app), rule, joinLists);
}

export function effectiveWebviewDomains(app: MiniProgram, rule: Rule): string[] {
  return merged(app.code.webview, managesWebview(app), rule, union);
}

/** At release the per-source lists become what stays: the dropped sources are emptied. */
export function applyReleaseDomains(app: MiniProgram, rule: Rule): void {
  const { domains, webview } = app.code;
  if (managesServer(app)) {
    domains.mp = emptyDomains();
    if (rule === 'third_only') domains.direct = emptyDomains();
  }
  if (managesWebview(app)) {
    webview.mp = [];
    if (rule === 'third_only') webview.direct = [];
  }
}
