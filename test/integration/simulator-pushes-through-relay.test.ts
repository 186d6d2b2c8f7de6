import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WxCrypt, parseEnvelope, parsePush } from '@wxfleet/protocol';
import type { Push } from '@wxfleet/protocol';
import { startSimulator } from '../../simulator/src/index.js';
import type { RunningSimulator } from '../../simulator/src/index.js';
import { startRelay, waitUntil } from '../../relay/test/helpers/relay-fixture.js';
import type { TestRelay } from '../../relay/test/helpers/relay-fixture.js';
import { DeviceClient } from '../../relay/test/helpers/device-client.js';

// Every push kind the simulator sends, delivered through the real relay to a device, decrypted to its documented kind.
const TOKEN = 'integrationToken1';
const APPS = { success: 'wx00000000000000a1', fail: 'wx00000000000000a2', delay: 'wx00000000000000a3' };

let relay: TestRelay;
let sim: RunningSimulator;
let device: DeviceClient;
let crypt: WxCrypt;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'x-sim-key': sim.controlKey, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function api<T extends Record<string, unknown>>(path: string, body: unknown, token?: string): Promise<T> {
  const query = token === undefined ? '' : `?access_token=${encodeURIComponent(token)}`;
  const response = await fetch(`${sim.url}${path}${query}`, { method: 'POST', body: JSON.stringify(body) });
  const json = (await response.json()) as T & { errcode?: number; errmsg?: string };
  if (json.errcode !== undefined && json.errcode !== 0) throw new Error(`${path}: ${json.errcode} ${json.errmsg}`);
  return json;
}

async function apiGet<T extends Record<string, unknown>>(path: string, token: string): Promise<T> {
  const response = await fetch(`${sim.url}${path}?access_token=${encodeURIComponent(token)}`);
  return (await response.json()) as T;
}

function received(): Push[] {
  return device.pushes
    .filter((p) => p.channel !== 'auth_callback')
    .map((p) => {
      const { encrypt } = parseEnvelope(p.body);
      expect(crypt.verify(p.query.msg_signature, p.query.timestamp, p.query.nonce, encrypt)).toBe(true);
      return parsePush(crypt.decrypt(encrypt), p.channel as 'component' | 'app');
    });
}

const kinds = (): string[] => received().map((p) => p.kind);

beforeAll(async () => {
  relay = await startRelay({ wechatTokens: [TOKEN] });
  sim = await startSimulator({
    config: {
      platform: { token: TOKEN },
      push: {
        componentEventUrl: `${relay.url}/wechat/component`,
        messageUrlTemplate: `${relay.url}/wechat/app/$APPID$`,
        retryDelayMs: 50,
      },
      audit: { durationSeconds: 1 },
      privacyScanSeconds: 0,
      nicknameAuditSeconds: 1,
      fastRegistration: { delaySeconds: 1 },
    },
  });
  crypt = new WxCrypt({
    token: TOKEN,
    encodingAESKey: sim.platform.encodingAESKey,
    appId: sim.platform.componentAppid,
  });
  device = new DeviceClient(relay.wsUrl, relay.addDevice('desk'));
  await device.connect();
});

afterAll(async () => {
  device.ws?.terminate();
  await sim.close();
  await relay.close();
});

describe('simulator → relay → device', () => {
  it('delivers every push kind, each answered exactly `success` as text/plain', async () => {
    await waitUntil(() => kinds().includes('component_verify_ticket'), 10_000, 'first ticket');
    const ticket = received().find((p) => p.kind === 'component_verify_ticket');
    const { component_access_token: componentToken } = await api<{ component_access_token: string }>(
      '/cgi-bin/component/api_component_token',
      {
        component_appid: sim.platform.componentAppid,
        component_appsecret: sim.platform.componentAppsecret,
        component_verify_ticket: ticket?.kind === 'component_verify_ticket' ? ticket.ticket : '',
      },
    );

    await control('POST', '/merchants', {
      merchants: [
        { name: '映像摄影工作室', apps: [{ nickName: '映像预约', appid: APPS.success }] },
        { name: '小面馆', apps: [{ nickName: '小面馆点餐', appid: APPS.fail }] },
        { name: '推拿馆', apps: [{ nickName: '小儿推拿', appid: APPS.delay }] },
      ],
    });
    const tokens: Record<string, string> = {};
    for (const appid of Object.values(APPS)) {
      const { authCode } = await control<{ authCode: string }>('POST', '/merchant/authorize', { appid });
      const auth = await api<{ authorization_info: { authorizer_access_token: string } }>(
        '/cgi-bin/component/api_query_auth',
        { component_appid: sim.platform.componentAppid, authorization_code: authCode },
        componentToken,
      );
      tokens[appid] = auth.authorization_info.authorizer_access_token;
    }
    await control('POST', '/merchant/update', { appid: APPS.success, funcIds: [17, 18, 19] });

    await control('POST', '/drafts', { user_version: '1.0.0', user_desc: 'first', privacyApis: [] });
    const drafts = await apiGet<{ draft_list: { draft_id: number }[] }>('/wxa/gettemplatedraftlist', componentToken);
    await api('/wxa/addtotemplate', { draft_id: drafts.draft_list[0]!.draft_id, template_type: 0 }, componentToken);
    const templates = await apiGet<{ template_list: { template_id: number }[] }>(
      '/wxa/gettemplatelist',
      componentToken,
    );
    const templateId = templates.template_list[0]!.template_id;

    await control('POST', '/audit/decide', {
      appid: APPS.fail,
      outcome: 'fail',
      reason: '类目不符<br>请修改',
      screenshots: 2,
    });
    await control('POST', '/audit/decide', { appid: APPS.delay, outcome: 'delay' });
    for (const appid of Object.values(APPS)) {
      const extJson = JSON.stringify({ extEnable: true, extAppid: appid, ext: { shop: appid } });
      await api(
        '/wxa/commit',
        { template_id: templateId, ext_json: extJson, user_version: '1.0.0', user_desc: 'v1' },
        tokens[appid],
      );
      const owner_setting = { contact_email: 'owner@example.com', notice_method: '弹窗提示' };
      await api(
        '/cgi-bin/component/setprivacysetting',
        { privacy_ver: 2, owner_setting, setting_list: [{ privacy_key: 'UserInfo', privacy_text: '展示头像和昵称' }] },
        tokens[appid],
      );
      await api('/wxa/submit_audit', {}, tokens[appid]);
    }
    // A name with a brand keyword goes to review (05 E21): its result is the wxa_nickname_audit push.
    await api('/wxa/setnickname', { nick_name: '小面馆官方点餐', license: 'media-license' }, tokens[APPS.fail]);
    // The 2026 enterprise registration (06 F7): the legal person confirms, then the result is pushed.
    const registration = await fetch(
      `${sim.url}/wxa/component/fastregisterenterpriseweapp?action=create&access_token=${componentToken}`,
      {
        method: 'POST',
        body: JSON.stringify({ name: '深圳市示例贸易有限公司', code: '91440300MA5XXXXXX1', new_version: true }),
      },
    );
    const { taskid } = (await registration.json()) as { taskid: string };
    await control('POST', '/fastregister/confirm', { taskid });
    await control('POST', '/clock/advance', { seconds: 5 });
    await control('POST', '/merchant/revoke', { appid: APPS.delay });

    const expected = [
      'component_verify_ticket',
      'authorized',
      'updateauthorized',
      'unauthorized',
      'weapp_audit_success',
      'weapp_audit_fail',
      'weapp_audit_delay',
      'wxa_nickname_audit',
      'notify_third_fasteregister',
    ];
    await waitUntil(() => expected.every((kind) => kinds().includes(kind)), 15_000, `kinds ${expected.join(',')}`);

    const fail = received().find((p) => p.kind === 'weapp_audit_fail');
    expect(fail).toMatchObject({ reason: '类目不符<br>请修改' });
    expect(fail?.kind === 'weapp_audit_fail' && fail.screenshots.length).toBe(2);

    const log = await control<{ pushes: { state: string; attempts: { status?: number; reply?: string }[] }[] }>(
      'GET',
      '/pushes?limit=100',
    );
    const delivered = log.pushes.filter((p) => p.state === 'delivered');
    expect(delivered.length).toBeGreaterThanOrEqual(expected.length);
    for (const push of delivered) expect(push.attempts.at(-1)).toMatchObject({ status: 200, reply: 'success' });
    expect(log.pushes.filter((p) => p.state === 'failed')).toEqual([]);
  });

  it('answers WeChat with exactly `success`, text/plain, 200', async () => {
    const timestamp = '1718000000';
    const nonce = '42';
    const encrypt = crypt.encrypt(
      '<xml><AppId><![CDATA[x]]></AppId><CreateTime>1</CreateTime><InfoType><![CDATA[unknown_kind]]></InfoType></xml>',
    );
    const query = `timestamp=${timestamp}&nonce=${nonce}&encrypt_type=aes&msg_signature=${crypt.signature(timestamp, nonce, encrypt)}`;
    const response = await fetch(`${relay.url}/wechat/component?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: `<xml><AppId><![CDATA[${sim.platform.componentAppid}]]></AppId><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('success');
  });
});
