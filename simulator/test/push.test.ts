import { parseEnvelope, parsePush, WxCrypt } from '@wxfleet/protocol';
import type { Push } from '@wxfleet/protocol';
import { afterEach, describe, expect, test } from 'vitest';
import { authorizeApp, startReceiver, startTestSim, unauthorizedApp, waitFor } from './helpers.js';
import type { Received, TestSim } from './helpers.js';

let sim: TestSim | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

/** Verifies the signatures and decrypts exactly as the relay and the desktop will. */
function open(s: TestSim, r: Received, channel: 'component' | 'app'): Push {
  const crypt = new WxCrypt({
    token: s.platform.token,
    encodingAESKey: s.platform.encodingAESKey,
    appId: s.platform.componentAppid,
  });
  const envelope = parseEnvelope(r.body);
  const q = (name: string) => r.query.get(name) ?? '';
  expect(q('encrypt_type')).toBe('aes');
  expect(q('nonce')).toMatch(/^\d+$/);
  expect(q('signature')).toBe(crypt.urlSignature(q('timestamp'), q('nonce')));
  expect(crypt.verify(q('msg_signature'), q('timestamp'), q('nonce'), envelope.encrypt)).toBe(true);
  expect(r.query.has('openid')).toBe(channel === 'app');
  return parsePush(crypt.decrypt(envelope.encrypt), channel);
}

async function withReceiver(
  config: Parameters<typeof startTestSim>[0] = {},
  reply?: Parameters<typeof startReceiver>[0],
) {
  receiver = await startReceiver(reply);
  sim = await startTestSim({
    ...config,
    push: {
      componentEventUrl: `${receiver.url}/wechat/component`,
      messageUrlTemplate: `${receiver.url}/wechat/app/$APPID$`,
      ...config.push,
    },
  });
  return { s: sim, r: receiver };
}

describe('pushes decrypt with the protocol package to the documented XML (02)', () => {
  test('component_verify_ticket on start: AppId envelope, documented fields', async () => {
    const { s, r } = await withReceiver();
    const got = await waitFor(() => r.received[0]);
    expect(got.path).toBe('/wechat/component');
    expect(parseEnvelope(got.body).addressee).toBe(s.platform.componentAppid);
    const push = open(s, got, 'component');
    const state = await s.control('GET', '/state');
    expect(push).toMatchObject({
      kind: 'component_verify_ticket',
      appId: s.platform.componentAppid,
      ticket: (state['platform'] as Record<string, string>)['latestTicket'],
    });
    expect(Number((push as { createTime: string }).createTime)).toBeCloseTo(Date.now() / 1000, -1);
  });

  test('authorized, updateauthorized (only when the sets change) and unauthorized', async () => {
    const { s, r } = await withReceiver({ ticketIntervalSeconds: 0, push: { ticketOnStart: false } });
    const appid = await unauthorizedApp(s);
    const first = await s.control('POST', '/merchant/authorize', { appid, funcIds: [18] });
    await s.control('POST', '/merchant/authorize', { appid, funcIds: [18] });
    const third = await s.control('POST', '/merchant/update', { appid, funcIds: [18, 30] });
    await s.control('POST', '/merchant/revoke', { appid });
    await waitFor(() => r.received.length >= 3 && r.received);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pushes = r.received.map((x) => open(s, x, 'component'));
    expect(pushes.map((p) => p.kind)).toEqual(['authorized', 'updateauthorized', 'unauthorized']);
    const authorized = pushes[0]!;
    if (authorized.kind !== 'authorized') throw new Error('unreachable');
    expect(authorized.authorizerAppid).toBe(appid);
    expect(authorized.authorizationCode).toBe(first['authCode']);
    expect(authorized.preAuthCode).toMatch(/^preauthcode@@@/);
    expect(Number(authorized.authorizationCodeExpiredTime)).toBe(Number(authorized.createTime) + 3600);
    expect(pushes[1]).toMatchObject({ kind: 'updateauthorized', authorizationCode: third['authCode'] });
    expect(pushes[2]).toMatchObject({ kind: 'unauthorized', authorizerAppid: appid });
  });

  test('AuthorizationCodeExpiredTime as seconds when so configured (UNCONFIRMED 3)', async () => {
    const { s, r } = await withReceiver({ authCodeExpiredTimeFormat: 'seconds', push: { ticketOnStart: false } });
    await s.control('POST', '/merchant/authorize', { appid: await unauthorizedApp(s) });
    const push = open(s, await waitFor(() => r.received[0]), 'component');
    expect(push).toMatchObject({ kind: 'authorized', authorizationCodeExpiredTime: '3600' });
  });

  test('audit results go to the message URL with $APPID$ replaced and the gh_ id as ToUserName', async () => {
    const { s, r } = await withReceiver({ push: { ticketOnStart: false } });
    const appid = await unauthorizedApp(s);
    const session = await authorizeApp(s, appid);
    r.received.length = 0;
    await submitOne(s, session.authorizerToken);
    await s.control('POST', '/audit/decide', {
      appid,
      outcome: 'fail',
      reason: '页面含有<br>违规内容',
      screenshots: 2,
      now: true,
    });
    const got = await waitFor(() => r.received.find((x) => x.path.startsWith('/wechat/app/')));
    expect(got.path).toBe(`/wechat/app/${appid}`);
    const state = await s.control('GET', '/state');
    const gh = (state['merchants'] as { apps: { appid: string; userName: string }[] }[])
      .flatMap((m) => m.apps)
      .find((a) => a.appid === appid)!.userName;
    expect(parseEnvelope(got.body).addressee).toBe(gh);
    const push = open(s, got, 'app');
    expect(push).toMatchObject({ kind: 'weapp_audit_fail', toUserName: gh, reason: '页面含有<br>违规内容' });
    if (push.kind !== 'weapp_audit_fail') throw new Error('unreachable');
    expect(push.screenshots).toHaveLength(2);
    const material = await s.api('/cgi-bin/material/get_material', `access_token=${session.authorizerToken}`, {
      body: { media_id: push.screenshots[0] },
    });
    expect(material.headers['content-type']).toBe('image/jpeg');
    expect([...material.body.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  test('success and delay events carry their documented time fields', async () => {
    const { s, r } = await withReceiver({
      push: { ticketOnStart: false },
      audit: { durationSeconds: 60, defaultOutcome: 'delay', afterDelayOutcome: 'success' },
    });
    const appid = await unauthorizedApp(s);
    const session = await authorizeApp(s, appid);
    await submitOne(s, session.authorizerToken);
    await s.control('POST', '/clock/advance', { seconds: 61 });
    await s.control('POST', '/clock/advance', { seconds: 61 });
    const apps = await waitFor(() => {
      const list = r.received.filter((x) => x.path.startsWith('/wechat/app/'));
      return list.length >= 2 && list;
    });
    const [delay, success] = apps.map((x) => open(s, x, 'app'));
    expect(delay).toMatchObject({ kind: 'weapp_audit_delay', delayTime: expect.stringMatching(/^\d+$/) });
    expect(success).toMatchObject({ kind: 'weapp_audit_success', succTime: expect.stringMatching(/^\d+$/) });
  });
});

type PushLogEntry = { state: string; attempts: { outcome: string; reply: string }[] };

/** The first push of the log once all its attempts are done. */
async function settledPush(s: TestSim): Promise<PushLogEntry | undefined> {
  for (let i = 0; i < 200; i++) {
    const [first] = (await s.control('GET', '/pushes'))['pushes'] as PushLogEntry[];
    if (first !== undefined && first.state !== 'sending' && first.state !== 'queued') return first;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

/** Commit, wait out the privacy scan, set the privacy guide, submit. */
export async function submitOne(s: TestSim, token: string): Promise<number> {
  const q = `access_token=${token}`;
  const commit = await s.api('/wxa/commit', q, {
    body: { template_id: 2, ext_json: '{"extAppid":"x"}', user_version: '2.1.0', user_desc: 'test' },
  });
  expect(commit.json['errcode']).toBe(0);
  await s.api('/cgi-bin/component/setprivacysetting', q, {
    body: {
      owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗' },
      setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于登录' }],
    },
  });
  await s.control('POST', '/clock/advance', { seconds: 10 });
  const submit = await s.api('/wxa/submit_audit', q, { body: {} });
  expect(submit.json['errcode'], submit.text).toBe(0);
  return submit.json['auditid'] as number;
}

describe('delivery: 5 s timeout, retries, success or it failed (02, 03 C7)', () => {
  test('a receiver that never answers is retried `retries` more times after the timeout', async () => {
    const { s, r } = await withReceiver({ push: { timeoutMs: 150, retries: 2, retryDelayMs: 10 } }, () => 'hang');
    await waitFor(() => r.received.length >= 3, 5000);
    const settled = await settledPush(s);
    expect(settled?.state).toBe('failed');
    expect(settled?.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(r.received).toHaveLength(3);
    const bodies = new Set(r.received.map((x) => x.body));
    expect(bodies.size).toBe(1);
    expect(new Set(r.received.map((x) => x.query.get('timestamp'))).size).toBe(1);
  });

  test('anything but `success` is a failure; a later `success` ends the retries', async () => {
    const { s, r } = await withReceiver({ push: { retries: 3 } }, (_req, index) =>
      index === 0 ? 'ok' : index === 1 ? '' : 'success',
    );
    await waitFor(() => r.received.length >= 3);
    const record = await settledPush(s);
    expect(r.received).toHaveLength(3);
    expect(record!.state).toBe('delivered');
    expect(record!.attempts.map((a) => a.outcome)).toEqual(['bad_reply', 'bad_reply', 'success']);
  });

  test('resignRetries: each retry has a fresh timestamp/nonce and still verifies (UNCONFIRMED 6)', async () => {
    const { s, r } = await withReceiver({ push: { retries: 1, resignRetries: true } }, () => 'fail');
    await waitFor(() => r.received.length >= 2);
    expect(r.received[0]!.query.get('nonce')).not.toBe(r.received[1]!.query.get('nonce'));
    for (const got of r.received) expect(open(s, got, 'component').kind).toBe('component_verify_ticket');
  });

  test('no push URL: logged as undeliverable, not an error', async () => {
    sim = await startTestSim({ push: { componentEventUrl: null } });
    const [record] = (await sim.control('GET', '/pushes'))['pushes'] as { state: string; kind: string; xml: string }[];
    expect(record).toMatchObject({ state: 'undeliverable', kind: 'component_verify_ticket' });
    expect(record!.xml).toContain('<InfoType><![CDATA[component_verify_ticket]]></InfoType>');
  });

  test('paused pushes are held and sent on resume', async () => {
    const { s, r } = await withReceiver({ push: { ticketOnStart: false } });
    await s.control('POST', '/pushes/pause', { pushes: true });
    await s.control('POST', '/pushes/ticket');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.received).toHaveLength(0);
    await s.control('POST', '/pushes/pause', { pushes: false });
    await waitFor(() => r.received[0]);
  });
});

describe('legacy enterprise fast registration (06 F1, F2; 02 B5), retired 2026-04-30', () => {
  test('retired by default: both actions answer the configured errcode and nothing is pushed', async () => {
    const { s } = await withReceiver({ push: { ticketOnStart: false } });
    const { componentToken } = await authorizeApp(s, await unauthorizedApp(s));
    for (const action of ['create', 'search']) {
      const result = await s.api(
        '/cgi-bin/component/fastregisterweapp',
        `action=${action}&access_token=${componentToken}`,
        {
          body: { name: '深圳市示例科技有限公司', legal_persona_wechat: 'zhangsan_wx', legal_persona_name: '张三' },
        },
      );
      expect(result.json['errcode']).toBe(48001);
    }
    expect((await s.control('GET', '/pushes?kind=notify_third_fasteregister'))['pushes']).toEqual([]);
  });

  test('served as before with legacyRetired: false — create → 89251 while pending → notify_third_fasteregister with a usable auth_code', async () => {
    const { s, r } = await withReceiver({
      push: { ticketOnStart: false },
      fastRegistration: { delaySeconds: 60, legacyRetired: false },
    });
    const { componentToken } = await authorizeApp(s, await unauthorizedApp(s));
    r.received.length = 0;
    const q = `component_access_token=${componentToken}`;
    const body = {
      name: '深圳市示例科技有限公司',
      code: '91440300MA5XXXXXX1',
      code_type: 1,
      legal_persona_wechat: 'zhangsan_wx',
      legal_persona_name: '张三',
      component_phone: '0755-12345678',
    };
    expect((await s.api('/cgi-bin/component/fastregisterweapp', `action=create&${q}`, { body })).json).toEqual({
      errcode: 0,
      errmsg: 'OK',
    });
    expect((await s.api('/cgi-bin/component/fastregisterweapp', `action=create&${q}`, { body })).json['errcode']).toBe(
      89249,
    );
    expect(
      (
        await s.api('/cgi-bin/component/fastregisterweapp', `action=create&${q}`, {
          body: { ...body, name: 'x', code_type: 4 },
        })
      ).json['errcode'],
    ).toBe(89248);
    expect(
      (
        await s.api('/cgi-bin/component/fastregisterweapp', `action=create&${q}`, {
          body: { ...body, name: 'y', code: '123' },
        })
      ).json['errcode'],
    ).toBe(89255);
    const search = {
      name: body.name,
      legal_persona_wechat: body.legal_persona_wechat,
      legal_persona_name: body.legal_persona_name,
    };
    expect(
      (await s.api('/cgi-bin/component/fastregisterweapp', `action=search&${q}`, { body: search })).json['errcode'],
    ).toBe(89251);
    expect(
      (
        await s.api('/cgi-bin/component/fastregisterweapp', `action=search&${q}`, {
          body: { ...search, name: 'nobody' },
        })
      ).json['errcode'],
    ).toBe(89250);
    await s.control('POST', '/clock/advance', { seconds: 61 });
    const got = await waitFor(() =>
      r.received.find((x) => open(s, x, 'component').kind === 'notify_third_fasteregister'),
    );
    const push = open(s, got, 'component');
    if (push.kind !== 'notify_third_fasteregister') throw new Error('unreachable');
    expect(push).toMatchObject({ status: '0', msg: 'OK', appid: expect.stringMatching(/^wx[0-9a-f]{16}$/) });
    expect(push.info).toMatchObject({
      name: body.name,
      code: body.code,
      code_type: '1',
      legal_persona_wechat: 'zhangsan_wx',
      legal_persona_name: '张三',
    });
    const auth = await s.api('/cgi-bin/component/api_query_auth', q, {
      body: { component_appid: s.platform.componentAppid, authorization_code: push.authCode },
    });
    expect((auth.json['authorization_info'] as Record<string, unknown>)['authorizer_appid']).toBe(push.appid);
    expect(
      (await s.api('/cgi-bin/component/fastregisterweapp', `action=search&${q}`, { body: search })).json['errcode'],
    ).toBe(0);
  });

  test('a decided failure status is pushed with an empty appid', async () => {
    const { s, r } = await withReceiver({
      push: { ticketOnStart: false },
      fastRegistration: { delaySeconds: 1, legacyRetired: false },
    });
    const { componentToken } = await authorizeApp(s, await unauthorizedApp(s));
    await s.control('POST', '/fastregister/decide', { status: 100002 });
    const body = {
      name: '个体户李四',
      code: '123456789012345',
      code_type: 3,
      legal_persona_wechat: 'lisi_wx_01',
      legal_persona_name: '李四',
    };
    await s.api('/cgi-bin/component/fastregisterweapp', `action=create&access_token=${componentToken}`, { body });
    await s.control('POST', '/clock/advance', { seconds: 2 });
    const got = await waitFor(() =>
      r.received.map((x) => open(s, x, 'component')).find((p) => p.kind === 'notify_third_fasteregister'),
    );
    expect(got).toMatchObject({ status: '100002', appid: '' });
  });
});
