import { monthKey } from '../clock.js';
import { WxError } from '../errors.js';
import { callerApp, optStr, optStrings } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import { DOMAIN_KINDS as KINDS, effectiveServerDomains, effectiveWebviewDomains } from '../engine/domain-merge.js';
import { emptyDomains } from '../state/app-seed.js';
import type { DomainKind, DomainLists, MiniProgram } from '../state/types.js';

const CODE = [18] as const;
const SCHEME: Record<DomainKind, string> = {
  requestdomain: 'https',
  wsrequestdomain: 'wss',
  uploaddomain: 'https',
  downloaddomain: 'https',
  udpdomain: 'udp',
  tcpdomain: 'tcp',
};

function hostOf(url: string): string | null {
  const match = /^[a-z]+:\/\/([^/:?#]+)(?::\d+)?\/?$/i.exec(url);
  return match ? match[1]!.toLowerCase() : null;
}

function isIp(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function countChange(ctx: RouteContext, app: MiniProgram): void {
  const month = monthKey(ctx.sim.now());
  const changes = app.code.domainChanges;
  if (changes.month !== month) Object.assign(changes, { month, count: 0 });
  if (changes.count >= ctx.sim.config.domainChangesPerMonth) throw new WxError(86102);
  changes.count++;
}

function onPlatform(ctx: RouteContext, host: string): boolean {
  const allowed = ctx.sim.config.platformServerDomains;
  return allowed === null || allowed.some((d) => host === d || host.endsWith(`.${d}`));
}

function nextList(action: string, current: string[], given: string[]): string[] {
  if (action === 'set') return [...new Set(given)];
  if (action === 'add') return [...new Set([...current, ...given])];
  return current.filter((u) => !given.includes(u));
}

/** add/delete/set/get on the platform's or the direct lists; `direct` skips the platform pre-registration (05 E16). */
function modify(ctx: RouteContext, direct: boolean) {
  const app = callerApp(ctx);
  const action = optStr(ctx.body, 'action');
  const lists = direct ? app.code.domains.direct : app.code.domains.third;
  const invalid: DomainLists = emptyDomains();
  if (action !== 'get') {
    if (action !== 'add' && action !== 'delete' && action !== 'set')
      throw new WxError(47001, 'action must be add, delete, set or get');
    const input = Object.fromEntries(KINDS.map((kind) => [kind, optStrings(ctx.body, kind)])) as Record<
      DomainKind,
      string[] | undefined
    >;
    if (KINDS.every((kind) => input[kind] === undefined || input[kind]!.length === 0) && action !== 'set')
      throw new WxError(85017);
    for (const kind of KINDS) {
      for (const url of input[kind] ?? []) {
        const host = hostOf(url);
        const bad =
          host === null ||
          !url.toLowerCase().startsWith(`${SCHEME[kind]}://`) ||
          isIp(host) ||
          host === 'api.weixin.qq.com';
        if (bad && direct) throw new WxError(host === 'api.weixin.qq.com' ? 86101 : 86100);
        if (bad) invalid[kind].push(url);
        else if (!direct && !onPlatform(ctx, host)) throw new WxError(85018);
      }
    }
    if (KINDS.some((kind) => invalid[kind].length > 0)) throw new WxError(85301);
    countChange(ctx, app);
    for (const kind of KINDS) {
      const given = (input[kind] ?? []).map((u) => u.toLowerCase());
      const next = nextList(action, lists[kind], given);
      if (next.length > ctx.sim.config.domainsPerType) throw new WxError(85016);
      lists[kind] = next;
    }
  }
  return ok({
    ...Object.fromEntries(KINDS.map((kind) => [kind, lists[kind]])),
    ...Object.fromEntries(KINDS.map((kind) => [`invalid_${kind}`, invalid[kind]])),
    no_icp_domain: [],
  });
}

/** https only, no port, no IP: the ordinary business-domain rules. */
function badWebviewUrl(url: string): boolean {
  const host = hostOf(url);
  return host === null || !url.startsWith('https://') || /:\d+/.test(url.slice('https://'.length)) || isIp(host);
}

/** setwebviewdomain (05 E17): only domains under the platform's jump domains; no action = add all of those. */
function webview(ctx: RouteContext) {
  const app = callerApp(ctx);
  if (app.basic.principalType === 0) throw new WxError(89231);
  const action = optStr(ctx.body, 'action');
  const platform = ctx.sim.config.platformWebviewDomains;
  const lists = app.code.webview;
  if (action === 'get') return ok({ webviewdomain: lists.third });
  if (action === undefined) {
    if (platform.length === 0) throw new WxError(89020);
    lists.third = [...new Set([...lists.third, ...platform])];
    return ok();
  }
  if (action !== 'add' && action !== 'delete' && action !== 'set')
    throw new WxError(47001, 'action must be add, delete, set or get');
  const given = (optStrings(ctx.body, 'webviewdomain') ?? []).map((u) => u.toLowerCase());
  for (const url of given) {
    if (badWebviewUrl(url)) throw new WxError(89021);
    const host = hostOf(url)!;
    const covered = platform.some((p) => {
      const root = hostOf(p.toLowerCase());
      return root !== null && (host === root || host.endsWith(`.${root}`));
    });
    if (!covered) throw new WxError(89021);
  }
  const current = lists.third;
  const next = nextList(action, current, given);
  if (next.length > ctx.sim.config.webviewDomainLimit) throw new WxError(89029);
  if (next.length === current.length && next.every((u) => current.includes(u))) throw new WxError(89019);
  lists.third = next;
  return ok();
}

/** setwebviewdomain_directly (05 E17): no platform registration; effective after the next commit or release. */
function webviewDirectly(ctx: RouteContext) {
  const app = callerApp(ctx);
  if (app.basic.principalType === 0) throw new WxError(89231);
  const action = optStr(ctx.body, 'action');
  const lists = app.code.webview;
  if (action === 'get') return ok({ webviewdomain: lists.direct });
  if (action !== 'add' && action !== 'delete' && action !== 'set')
    throw new WxError(47001, 'action must be add, delete, set or get');
  const given = (optStrings(ctx.body, 'webviewdomain') ?? []).map((u) => u.toLowerCase());
  if (given.some(badWebviewUrl)) throw new WxError(86100);
  const next = nextList(action, lists.direct, given);
  if (next.length > ctx.sim.config.webviewDomainLimit) throw new WxError(89029);
  lists.direct = next;
  return ok({ webviewdomain: next });
}

/** 05 E16–E17. */
export const domainRoutes: Route[] = [
  { method: 'POST', path: '/wxa/modify_domain', token: 'authorizer', funcs: CODE, handle: (ctx) => modify(ctx, false) },
  {
    method: 'POST',
    path: '/wxa/modify_domain_directly',
    token: 'authorizer',
    funcs: CODE,
    handle: (ctx) => modify(ctx, true),
  },
  {
    method: 'POST',
    path: '/wxa/get_effective_domain',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const view = (lists: DomainLists) => Object.fromEntries(KINDS.map((kind) => [kind, lists[kind]]));
      const { mp, third, direct } = app.code.domains;
      return ok({
        mp_domain: view(mp),
        third_domain: view(third),
        direct_domain: view(direct),
        effective_domain: view(effectiveServerDomains(app, ctx.sim.config.domainReleaseMerge)),
      });
    },
  },
  { method: 'POST', path: '/wxa/setwebviewdomain', token: 'authorizer', funcs: CODE, handle: webview },
  {
    method: 'POST',
    path: '/wxa/setwebviewdomain_directly',
    token: 'authorizer',
    funcs: CODE,
    handle: webviewDirectly,
  },
  {
    method: 'POST',
    path: '/wxa/get_webviewdomain_confirmfile',
    token: 'authorizer',
    funcs: CODE,
    handle: (ctx) => ok({ ...callerApp(ctx).code.webviewConfirmFile }),
  },
  {
    method: 'POST',
    path: '/wxa/get_effective_webviewdomain',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const { mp, third, direct } = app.code.webview;
      return ok({
        mp_webviewdomain: mp,
        third_webviewdomain: third,
        direct_webviewdomain: direct,
        effective_webviewdomain: effectiveWebviewDomains(app, ctx.sim.config.domainReleaseMerge),
      });
    },
  },
];
