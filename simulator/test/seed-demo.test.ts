import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { componentTokenOf, startTestSim } from './helpers.js';
import type { HttpResult, TestSim } from './helpers.js';

let sim: TestSim;
let componentToken: string;
const apps = new Map<string, { appid: string; refreshToken: string | null }>();

beforeAll(async () => {
  sim = await startTestSim();
  componentToken = await componentTokenOf(sim);
  const state = await sim.control('GET', '/state');
  for (const merchant of state['merchants'] as { apps: Record<string, unknown>[] }[])
    for (const app of merchant.apps) {
      const authorization = app['authorization'] as { refreshToken: string } | null;
      apps.set(app['nickName'] as string, {
        appid: app['appid'] as string,
        refreshToken: authorization?.refreshToken ?? null,
      });
    }
});
afterAll(async () => sim?.close());

/** Calls as the platform on behalf of a seeded merchant: refresh token → authorizer token, as a console does. */
async function as(nickName: string) {
  const app = apps.get(nickName)!;
  const token = await sim.api('/cgi-bin/component/api_authorizer_token', `component_access_token=${componentToken}`, {
    body: {
      component_appid: sim.platform.componentAppid,
      authorizer_appid: app.appid,
      authorizer_refresh_token: app.refreshToken,
    },
  });
  const q = `access_token=${token.json['authorizer_access_token'] as string}`;
  return {
    appid: app.appid,
    post: (path: string, body: unknown): Promise<HttpResult> => sim.api(path, q, { body }),
    get: (path: string): Promise<HttpResult> => sim.api(path, q),
  };
}

const BOOKING = { template_id: 2, ext_json: '{"extAppid":"wx1"}', user_version: '2.1.0', user_desc: '预约' };

/** Commit the booking template, wait for the scan, submit, let the audit run; returns the submit and the result. */
async function deploy(nickName: string) {
  const app = await as(nickName);
  await app.post('/wxa/commit', BOOKING);
  await sim.control('POST', '/clock/advance', { seconds: 6 });
  const submitted = await app.post('/wxa/submit_audit', {});
  if (submitted.json['errcode'] === 0) await sim.control('POST', '/clock/advance', { seconds: 61 });
  const latest = await app.get('/wxa/get_latest_auditstatus');
  return { app, submitted: submitted.json['errcode'], audit: latest.json };
}

describe('the demo seed: a realistic mix of ready and not-ready merchants', () => {
  test('twelve authorized mini-programs, three merchants still to onboard, several service categories', async () => {
    expect([...apps.values()].filter((a) => a.refreshToken !== null)).toHaveLength(12);
    expect([...apps.values()].filter((a) => a.refreshToken === null)).toHaveLength(3);
    const state = await sim.control('GET', '/state');
    const services = (state['merchants'] as { apps: { serviceCategory: { first_id: number } }[] }[]).flatMap((m) =>
      m.apps.map((a) => a.serviceCategory.first_id),
    );
    expect(new Set(services).size).toBeGreaterThanOrEqual(5);
  });

  test.each(['光影时光摄影', '老王家外卖', '知行少儿编程', '鲜果时光', '城南洗衣上门取送'])(
    '%s is ready: audit passes and the release goes through',
    async (nickName) => {
      const { app, submitted, audit } = await deploy(nickName);
      expect(submitted).toBe(0);
      expect(audit).toMatchObject({ status: 0 });
      expect((await app.post('/wxa/release', {})).json['errcode']).toBe(0);
    },
  );

  test('川味小面 has no privacy guide: the audit is rejected for it', async () => {
    const { submitted, audit } = await deploy('川味小面');
    expect(submitted).toBe(0);
    expect(audit).toMatchObject({ status: 1, reason: expect.stringContaining('用户隐私保护指引》未配置') });
  });

  test('老王家牛肉面 committed code using location without the interface granted: 61040', async () => {
    const app = await as('老王家牛肉面');
    expect((await app.post('/wxa/getversioninfo', {})).json['exp_info']).toMatchObject({ exp_version: '1.4.0' });
    expect((await app.get('/wxa/security/get_code_privacy_info')).json).toMatchObject({
      without_conf_list: [],
      without_auth_list: ['wx.getLocation'],
    });
    expect((await app.post('/wxa/submit_audit', {})).json['errcode']).toBe(61040);
  });

  test('萌宠之家 has no category (85008); 青禾瑜伽’s category does not match its service', async () => {
    expect((await deploy('萌宠之家')).submitted).toBe(85008);
    const { audit } = await deploy('青禾瑜伽约课');
    expect(audit).toMatchObject({ status: 1, reason: expect.stringContaining('「体育-体育场馆服务」') });
  });

  test('素心美甲预约 is not ICP-filed: the approved version cannot be released', async () => {
    const { app, audit } = await deploy('素心美甲预约');
    expect(audit['status']).toBe(0);
    expect((await app.get('/wxa/icp/get_icp_entrance_info')).json['info']).toMatchObject({ status: 1024 });
    expect((await app.post('/wxa/release', {})).json['errcode']).toBe(85020);
  });

  test('云朵烘焙蛋糕预订 has domains of its own that the next release deletes', async () => {
    const { app, audit } = await deploy('云朵烘焙蛋糕预订');
    expect(audit['status']).toBe(0);
    const before = (await app.post('/wxa/get_effective_domain', {})).json;
    expect(before).toMatchObject({
      mp_domain: { requestdomain: ['https://api.yunduo-cake.cn'], uploaddomain: ['https://img.yunduo-cake.cn'] },
      third_domain: { requestdomain: ['https://api.wxfleet-demo.cn'] },
      effective_domain: { requestdomain: ['https://api.wxfleet-demo.cn'], uploaddomain: [] },
    });
    expect((await app.post('/wxa/release', {})).json['errcode']).toBe(0);
    const after = (await app.post('/wxa/get_effective_domain', {})).json;
    expect(after).toMatchObject({ mp_domain: { requestdomain: [], uploaddomain: [] } });
  });
});
