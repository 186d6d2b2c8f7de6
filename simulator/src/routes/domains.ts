import { monthKey } from '../clock.js';
import { WxError } from '../errors.js';
import { callerApp, optStr, optStrings } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import { emptyDomains } from '../state/accounts.js';
import type { DomainKind, DomainLists, MiniProgram } from '../state/types.js';

const CODE = [18] as const;
const KINDS: DomainKind[] = [
  'requestdomain',
  'wsrequestdomain',
  'uploaddomain',
  'downloaddomain',
  'udpdomain',
  'tcpdomain',
];
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

/** add/delete/set/get on one of the two lists; `direct` skips the platform pre-registration rule (05 E16). */
function modify(ctx: RouteContext, direct: boolean) {
  const app = callerApp(ctx);
  const action = optStr(ctx.body, 'action');
  const lists = direct ? app.code.directDomains : app.code.domains;
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
      const next =
        action === 'set'
          ? [...new Set(given)]
          : action === 'add'
            ? [...new Set([...lists[kind], ...given])]
            : lists[kind].filter((u) => !given.includes(u));
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

function webview(ctx: RouteContext) {
  const app = callerApp(ctx);
  const action = optStr(ctx.body, 'action');
  const platform = ctx.sim.config.platformWebviewDomains;
  if (action === 'get') return ok({ webviewdomain: app.code.webviewDomains });
  if (action === undefined) {
    if (platform.length === 0) throw new WxError(89020);
    app.code.webviewDomains = [...new Set([...app.code.webviewDomains, ...platform])];
    return ok();
  }
  if (action !== 'add' && action !== 'delete' && action !== 'set')
    throw new WxError(47001, 'action must be add, delete, set or get');
  const given = (optStrings(ctx.body, 'webviewdomain') ?? []).map((u) => u.toLowerCase());
  for (const url of given) {
    const host = hostOf(url);
    if (host === null || /:\d+/.test(url.replace(/^[a-z]+:\/\//i, ''))) throw new WxError(89021);
    const covered = platform.some((p) => {
      const root = hostOf(p.toLowerCase());
      return root !== null && (host === root || host.endsWith(`.${root}`));
    });
    if (!covered) throw new WxError(89021);
  }
  const current = app.code.webviewDomains;
  const next =
    action === 'set'
      ? [...new Set(given)]
      : action === 'add'
        ? [...new Set([...current, ...given])]
        : current.filter((u) => !given.includes(u));
  if (next.length > ctx.sim.config.webviewDomainLimit) throw new WxError(89029);
  if (next.length === current.length && next.every((u) => current.includes(u))) throw new WxError(89019);
  app.code.webviewDomains = next;
  return ok();
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
      const effective = emptyDomains();
      for (const kind of KINDS)
        effective[kind] = [...new Set([...app.code.domains[kind], ...app.code.directDomains[kind]])];
      return ok({
        mp_domain: view(emptyDomains()),
        third_domain: view(app.code.domains),
        direct_domain: view(app.code.directDomains),
        effective_domain: view(effective),
      });
    },
  },
  { method: 'POST', path: '/wxa/setwebviewdomain', token: 'authorizer', funcs: CODE, handle: webview },
  { method: 'POST', path: '/wxa/setwebviewdomain_directly', token: 'authorizer', funcs: CODE, handle: webview },
];
