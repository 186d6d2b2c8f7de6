import { WxError } from '../errors.js';
import { optStr, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';

const HOST = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

function apply(current: string[], action: string, given: string[]): string[] {
  if (action === 'get') return current;
  if (action === 'set') return [...new Set(given)];
  if (action === 'add') return [...new Set([...current, ...given])];
  if (action === 'delete') return current.filter((d) => !given.includes(d));
  throw new WxError(47001, 'action must be add, delete, set or get');
}

function hosts(ctx: RouteContext, field: string): string[] {
  const text = optStr(ctx.body, field) ?? '';
  const list = text
    .split(';')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  if (list.some((d) => !HOST.test(d))) throw new WxError(85301);
  return list;
}

/**
 * 05 E16/E17 (mention only): the platform's own server and jump (web-view) domain lists, which modify_domain and
 * setwebviewdomain check against. The simulator keeps one list (no separate testing/published copies).
 */
export const platformDomainRoutes: Route[] = [
  {
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_server_domain',
    token: 'component',
    handle(ctx) {
      const action = str(ctx.body, 'action', 47001);
      const current = ctx.sim.config.platformServerDomains ?? [];
      const next = apply(current, action, hosts(ctx, 'wxa_server_domain'));
      if (action !== 'get') ctx.sim.config.platformServerDomains = next;
      return ok({
        published_wxa_server_domain: next.join(';'),
        testing_wxa_server_domain: next.join(';'),
        invalid_wxa_server_domain: '',
      });
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_jump_domain',
    token: 'component',
    handle(ctx) {
      const action = str(ctx.body, 'action', 47001);
      const current = ctx.sim.config.platformWebviewDomains.map((u) =>
        u.replace(/^https?:\/\//, '').replace(/\/$/, ''),
      );
      const next = apply(current, action, hosts(ctx, 'wxa_jump_h5_domain'));
      if (action !== 'get') ctx.sim.config.platformWebviewDomains = next.map((d) => `https://${d}`);
      return ok({
        published_wxa_jump_h5_domain: next.join(';'),
        testing_wxa_jump_h5_domain: next.join(';'),
        invalid_wxa_jump_h5_domain: '',
      });
    },
  },
];
