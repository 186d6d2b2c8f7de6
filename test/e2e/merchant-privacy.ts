import type { DemoStack } from '../../scripts/demo-stack.js';

interface SimState {
  platform: { latestTicket: string | null };
  merchants: { apps: { appid: string; authorization: { refreshToken: string } | null }[] }[];
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T & { errcode?: number; errmsg?: string };
  if (json.errcode !== undefined && json.errcode !== 0)
    throw new Error(`${url.split('?')[0]}: ${json.errcode} ${json.errmsg}`);
  return json;
}

/**
 * What each merchant does once in the WeChat MP backend (the console has no channel for it yet): fill in the
 * development privacy guide. Done here with WeChat's own API against the simulator, as the merchant's tooling would.
 */
export async function fillPrivacyGuides(stack: DemoStack, appids: string[]): Promise<void> {
  const state = await stack.control<SimState>('GET', '/state');
  const { component_access_token: componentToken } = await post<{ component_access_token: string }>(
    `${stack.simUrl}/cgi-bin/component/api_component_token`,
    {
      component_appid: stack.platform.componentAppid,
      component_appsecret: stack.platform.componentAppsecret,
      component_verify_ticket: state.platform.latestTicket,
    },
  );
  const apps = new Map(state.merchants.flatMap((m) => m.apps).map((a) => [a.appid, a]));
  for (const appid of appids) {
    const refreshToken = apps.get(appid)?.authorization?.refreshToken;
    if (!refreshToken) throw new Error(`${appid} is not authorized in the simulator`);
    const { authorizer_access_token: token } = await post<{ authorizer_access_token: string }>(
      `${stack.simUrl}/cgi-bin/component/api_authorizer_token?component_access_token=${componentToken}`,
      {
        component_appid: stack.platform.componentAppid,
        authorizer_appid: appid,
        authorizer_refresh_token: refreshToken,
      },
    );
    await post(`${stack.simUrl}/cgi-bin/component/setprivacysetting?access_token=${token}`, {
      privacy_ver: 2,
      owner_setting: { contact_email: 'owner@example.com', notice_method: '弹窗' },
      setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于展示头像昵称' }],
    });
  }
}
