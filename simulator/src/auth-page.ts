import type { IncomingMessage, ServerResponse } from 'node:http';
import { completeAuthorization, PERMISSION_SETS } from './engine/authorization.js';
import { readBody } from './http/api-handler.js';
import { escape, page } from './html-page.js';
import { randomToken } from './ids.js';
import type { Sim } from './sim.js';

export const AUTH_PAGE_PATHS = new Set([
  '/cgi-bin/componentloginpage',
  '/wxaopen/safe/bindcomponent',
  '/safe/bindcomponent',
]);
export const CONFIRM_PATH = '/cgi-bin/componentloginpage/confirm';

/** WeChat's own words when the entry page or redirect_uri is not on the registered domain (01 A4). */
const DOMAIN_ERROR =
  '请确认授权入口页所在域名，与授权后回调页所在域名相同，并且，此两者都必须与申请第三方平台时填写的授权发起页域名相同。';

interface Session {
  preAuthCode: string;
  redirectUri: string;
  appids: string[];
  funcIds: number[];
  expiresAt: number;
}

function hostOf(url: string | undefined): string {
  if (url === undefined || url === '') return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Compares with the port only when the registered domain has one (loopback setups do). */
function onLaunchDomain(sim: Sim, host: string): boolean {
  const domain = sim.config.launchDomain.toLowerCase();
  const candidate = host.toLowerCase();
  return domain.includes(':') ? candidate === domain : candidate.replace(/:\d+$/, '') === domain;
}

/** The mp.weixin.qq.com / open.weixin.qq.com authorization pages (01 A4) and the merchant's confirm. */
export class AuthPages {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly sim: Sim) {}

  show(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const { sim } = this;
    const mobile = !req.url?.startsWith('/cgi-bin/');
    if (query.get('component_appid') !== sim.config.platform.componentAppid)
      return page(res, 200, '授权失败', '<p class="err">component_appid 参数错误</p>');
    const redirectUri = query.get('redirect_uri') ?? '';
    const referer = req.headers.referer;
    const entryHost = hostOf(referer);
    if (!onLaunchDomain(sim, entryHost) || !onLaunchDomain(sim, hostOf(redirectUri))) {
      return page(
        res,
        200,
        '授权失败',
        `<p class="err">${escape(DOMAIN_ERROR)}</p><p>授权入口页所在域名：${escape(entryHost)}</p><p>授权回调页所在域名：${escape(hostOf(redirectUri))}</p>`,
      );
    }
    const preAuthCode = query.get('pre_auth_code') ?? '';
    const state = sim.credentials.preAuthCodeState(preAuthCode);
    if (state !== 'ok')
      return page(
        res,
        200,
        '授权失败',
        `<p class="err">授权链接已失效（pre_auth_code ${state === 'used' ? '已被使用' : state === 'expired' ? '已过期' : '无效'}），请重新发起授权。</p>`,
      );
    const authType = Number(query.get('auth_type') ?? '3');
    const allowed = sim.config.acceptExtendedAuthTypes ? [1, 2, 3, 4, 5, 6, 8] : [1, 2, 3];
    if (!allowed.includes(authType)) return page(res, 200, '授权失败', '<p class="err">auth_type 参数错误</p>');
    const bizAppid = query.get('biz_appid');
    let apps = [...sim.accounts.apps.values()];
    if (bizAppid) apps = apps.filter((app) => app.appid === bizAppid);
    else if (authType === 1 || authType === 5) apps = [];
    const requested = (query.get('category_id_list') ?? '')
      .split('|')
      .filter((id) => /^\d+$/.test(id))
      .map(Number);
    const funcIds =
      requested.length > 0 ? requested.filter((id) => id in PERMISSION_SETS) : Object.keys(PERMISSION_SETS).map(Number);
    const session = randomToken(18);
    this.sessions.set(session, {
      preAuthCode,
      redirectUri,
      appids: apps.map((a) => a.appid),
      funcIds,
      expiresAt: sim.now() + sim.config.preAuthCodeSeconds,
    });
    if (this.sessions.size > 1000) this.sessions.delete(this.sessions.keys().next().value!);
    const merchants = new Map(
      apps.map((app) => [app.merchantId, sim.accounts.merchants.get(app.merchantId)?.name ?? '']),
    );
    const accountList =
      apps.length === 0
        ? '<p class="err">没有可授权的帐号</p>'
        : apps
            .map(
              (app, i) =>
                `<label><input type="radio" name="appid" value="${escape(app.appid)}"${i === 0 ? ' checked' : ''}> ${escape(app.nickName || app.appid)}（${escape(merchants.get(app.merchantId) ?? '')}）${app.authorization ? ' · 已授权' : ''}</label><br>`,
            )
            .join('');
    const sets = funcIds
      .map(
        (id) =>
          `<label><input type="checkbox" name="func" value="${id}" checked> ${escape(PERMISSION_SETS[id] ?? String(id))}（${id}）</label><br>`,
      )
      .join('');
    page(
      res,
      200,
      mobile ? '授权小程序' : '小程序管理员扫码授权',
      `<form method="post" action="${CONFIRM_PATH}"><input type="hidden" name="session" value="${session}">
<fieldset><legend>选择要授权的小程序</legend>${accountList}</fieldset><fieldset><legend>授权权限集</legend>${sets}</fieldset><button type="submit">授权</button></form>`,
    );
  }

  async confirm(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { sim } = this;
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const session = this.sessions.get(form.get('session') ?? '');
    if (session === undefined || sim.now() >= session.expiresAt)
      return page(res, 200, '授权失败', '<p class="err">页面已过期，请重新发起授权。</p>');
    if (sim.credentials.preAuthCodeState(session.preAuthCode) !== 'ok')
      return page(res, 200, '授权失败', '<p class="err">授权链接已失效，请重新发起授权。</p>');
    const appid = form.get('appid') ?? '';
    const app = sim.accounts.apps.get(appid);
    const funcIds = form.getAll('func').map(Number);
    if (app === undefined || !session.appids.includes(appid))
      return page(res, 200, '授权失败', '<p class="err">请选择要授权的帐号</p>');
    if (funcIds.length === 0 || funcIds.some((id) => !session.funcIds.includes(id)))
      return page(res, 200, '授权失败', '<p class="err">请至少选择一个权限集</p>');
    this.sessions.delete(form.get('session') ?? '');
    const done = completeAuthorization(sim, app, funcIds, session.preAuthCode);
    const target = `${session.redirectUri}${session.redirectUri.includes('?') ? '&' : '?'}auth_code=${encodeURIComponent(done.authCode)}&expires_in=${done.expiresIn}`;
    res.writeHead(302, { Location: target, 'Content-Length': 0 });
    res.end();
  }
}
