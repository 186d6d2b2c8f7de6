import { afterEach, describe, expect, test } from 'vitest';
import { componentTokenOf, http, startTestSim, unauthorizedApp } from './helpers.js';
import type { TestSim } from './helpers.js';

let sim: TestSim;
afterEach(async () => {
  await sim?.close();
});

const LAUNCH = 'relay.example.com:8400';
const DOMAIN_ERROR = '请确认授权入口页所在域名，与授权后回调页所在域名相同';

async function preAuthCode(): Promise<string> {
  const token = await componentTokenOf(sim);
  const result = await sim.api('/cgi-bin/component/api_create_preauthcode', `component_access_token=${token}`, {
    body: { component_appid: sim.platform.componentAppid },
  });
  return result.json['pre_auth_code'] as string;
}

function loginUrl(code: string, redirect = `https://${LAUNCH}/authorize/inv1/done`, extra = ''): string {
  return `${sim.url}/cgi-bin/componentloginpage?component_appid=${sim.platform.componentAppid}&pre_auth_code=${encodeURIComponent(code)}&redirect_uri=${encodeURIComponent(redirect)}&auth_type=2${extra}`;
}

describe('authorization pages (01 A4)', () => {
  test('refuses a missing or foreign Referer and a redirect_uri off the launch domain', async () => {
    sim = await startTestSim({ launchDomain: LAUNCH });
    const code = await preAuthCode();
    const direct = await http(loginUrl(code));
    expect(direct.text).toContain(DOMAIN_ERROR);
    const foreign = await http(loginUrl(code), { headers: { Referer: 'https://evil.example.com/x' } });
    expect(foreign.text).toContain(DOMAIN_ERROR);
    const offDomain = await http(loginUrl(code, 'https://evil.example.com/cb'), {
      headers: { Referer: `https://${LAUNCH}/authorize/inv1` },
    });
    expect(offDomain.text).toContain(DOMAIN_ERROR);
    expect(offDomain.text).not.toContain('name="session"');
  });

  test('shows mini-programs and permission sets; confirm redirects with auth_code & expires_in and pushes authorized', async () => {
    sim = await startTestSim({ launchDomain: LAUNCH });
    const code = await preAuthCode();
    const appid = await unauthorizedApp(sim);
    const pageResult = await http(loginUrl(code, undefined, `&category_id_list=18|30&biz_appid=${appid}`), {
      headers: { Referer: `https://${LAUNCH}/authorize/inv1` },
    });
    expect(pageResult.status).toBe(200);
    expect(pageResult.text).toContain(`value="${appid}"`);
    expect(pageResult.text).toContain('小程序开发与数据分析');
    expect(pageResult.text).not.toContain('value="17"');
    const session = /name="session" value="([^"]+)"/.exec(pageResult.text)![1]!;
    const confirm = await http(`${sim.url}/cgi-bin/componentloginpage/confirm`, {
      method: 'POST',
      body: `session=${session}&appid=${appid}&func=18&func=30`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(confirm.status).toBe(302);
    const location = new URL(confirm.headers.location!);
    expect(`${location.host}${location.pathname}`).toBe(`${LAUNCH}/authorize/inv1/done`);
    expect(location.searchParams.get('auth_code')).toMatch(/^queryauthcode@@@/);
    expect(location.searchParams.get('expires_in')).toBe('3600');
    const pushes = (await sim.control('GET', '/pushes?kind=authorized'))['pushes'] as { xml: string }[];
    expect(pushes[0]!.xml).toContain(location.searchParams.get('auth_code')!);
    const again = await http(loginUrl(code), { headers: { Referer: `https://${LAUNCH}/authorize/inv1` } });
    expect(again.text).toContain('已被使用');
  });

  test('the mobile bindcomponent pages work the same; an expired pre_auth_code is refused', async () => {
    sim = await startTestSim({ launchDomain: LAUNCH, preAuthCodeSeconds: 600 });
    const code = await preAuthCode();
    const mobile = `${sim.url}/wxaopen/safe/bindcomponent?action=bindcomponent&no_scan=1&component_appid=${sim.platform.componentAppid}&pre_auth_code=${encodeURIComponent(code)}&redirect_uri=${encodeURIComponent(`https://${LAUNCH}/cb`)}&auth_type=3`;
    const shown = await http(mobile, { headers: { Referer: `https://${LAUNCH}/authorize/inv1?variant=mobile` } });
    expect(shown.text).toContain('name="session"');
    const legacy = await http(mobile.replace('/wxaopen/safe/', '/safe/'), {
      headers: { Referer: `https://${LAUNCH}/x` },
    });
    expect(legacy.text).toContain('name="session"');
    await sim.control('POST', '/clock/advance', { seconds: 601 });
    expect((await http(mobile, { headers: { Referer: `https://${LAUNCH}/x` } })).text).toContain('已过期');
  });
});
