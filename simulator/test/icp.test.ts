import { afterEach, describe, expect, test } from 'vitest';
import { encodePng } from '../src/images.js';
import { BOOKING, GUIDE, commitAndSubmit, startAppFixture } from './app-fixture.js';
import type { AppFixture } from './app-fixture.js';
import { http, multipart, pushesOf } from './helpers.js';

let f: AppFixture;
afterEach(async () => f?.close());

const entrance = async () => (await f.get('/wxa/icp/get_icp_entrance_info')).json['info'] as Record<string, unknown>;

async function approvedVersion(): Promise<void> {
  await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
  expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(0);
  await f.advance(61);
}

async function verifiedTask(): Promise<string> {
  const task = (await f.post('/wxa/icp/create_icp_verifytask', {})).json['task_id'] as string;
  await f.sim.control('POST', '/icp/verify', { appid: f.appid, task_id: task, outcome: 'success' });
  return task;
}

const filing = (taskId: string, appid: string) => ({
  icp_subject: { base_info: { type: 1, name: '厦门山野手作服饰有限公司' }, principal_info: { verify_task_id: taskId } },
  icp_applets: { base_info: { appid, name: '山野手作', service_content_types: [21] } },
  icp_materials: {},
});

describe('ICP filing state and the release rule (08 H7, 05 E9)', () => {
  test('status 6 when filed; 1024 plus what is missing when not; release refused while unfiled', async () => {
    f = await startAppFixture();
    expect(await entrance()).toMatchObject({ status: 6, is_canceling: false, available: 0 });
    await approvedVersion();
    await f.update({ icpStatus: 1024 });
    expect(await entrance()).toMatchObject({ status: 1024, available: 1 });
    const refused = await f.post('/wxa/release', {});
    expect(refused.json).toMatchObject({ errcode: 85020, errmsg: expect.stringContaining('icp filing required') });
    await f.update({ signature: '' });
    expect((await entrance())['status']).toBe(1025);
    await f.update({ categories: [] });
    expect((await entrance())['status']).toBe(1027);
    await f.update({ icpStatus: 6, signature: '手工服饰', categories: [] });
    expect((await f.post('/wxa/release', {})).json['errcode']).toBe(0);
  });

  test('the release errcode is a setting (UNCONFIRMED 26)', async () => {
    f = await startAppFixture({ icp: { releaseUnfiledErrcode: 61007 } });
    await approvedVersion();
    await f.update({ icpStatus: 1024 });
    expect((await f.post('/wxa/release', {})).json['errcode']).toBe(61007);
  });

  test('filing through the API needs permission set 156; reading does not', async () => {
    f = await startAppFixture({}, [17, 18, 19, 30]);
    expect((await entrance())['status']).toBe(6);
    expect((await f.post('/wxa/icp/create_icp_verifytask', {})).json['errcode']).toBe(61007);
    expect((await f.get('/wxa/icp/query_icp_subject_types')).json['items']).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 1, name: '企业' })]),
    );
  });
});

describe('face verification, media, filing review and cancellation (08 H7, 02 B15)', () => {
  test('create_icp_verifytask → waiting → finished, polled and pushed; verify_url for the combined flow', async () => {
    f = await startAppFixture();
    const task = (await f.post('/wxa/icp/create_icp_verifytask', {})).json;
    expect(task).toEqual({ errcode: 0, errmsg: 'ok', task_id: expect.any(String) });
    const query = () => f.post('/wxa/icp/query_icp_verifytask', { task_id: task['task_id'] }).then((r) => r.json);
    expect(await query()).toMatchObject({ is_finish: false, face_status: 1 });
    await f.advance(61);
    expect(await query()).toMatchObject({ is_finish: true, face_status: 3 });
    const [push] = await pushesOf(f.sim, 'notify_icpfiling_verify_result');
    expect(push).toMatchObject({ channel: 'component', taskId: task['task_id'], verifyAppid: f.appid, result: '3' });

    const combined = (await f.post('/wxa/icp/create_icp_verifytask', { along_with_auth: true })).json;
    const url = combined['verify_url'] as string;
    expect((await http(url)).text).toContain('管理员身份核验');
    expect(
      (await http(url, { body: 'answer=refuse', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }))
        .status,
    ).toBe(200);
    const refused = await f.post('/wxa/icp/query_icp_verifytask', { task_id: combined['task_id'] });
    expect(refused.json).toMatchObject({ is_finish: true, face_status: 2 });
  });

  test('upload_icp_media stores an image or video for a form field', async () => {
    f = await startAppFixture();
    const upload = (
      type: string,
      fields: Record<string, string> = { type, icp_order_field: 'icp_subject.base_info' },
    ) =>
      f.sim.api('/wxa/icp/upload_icp_media', `access_token=${f.session.authorizerToken}`, {
        ...multipart(
          {
            field: 'media',
            filename: 'licence.png',
            contentType: 'image/png',
            data: encodePng(2, 2, Buffer.alloc(16)),
          },
          fields,
        ),
      });
    expect((await upload('image')).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      type: 'image',
      media_id: expect.any(String),
      create_at: expect.any(Number),
    });
    expect((await upload('video')).json['errcode']).toBe(40005);
    expect((await upload('image', { type: 'image' })).json['errcode']).toBe(40097);
  });

  test('apply_icp_filing: hints for what is wrong, then 2 → 4 → 6 pushed, then release works', async () => {
    f = await startAppFixture();
    await approvedVersion();
    await f.update({ icpStatus: 1024 });
    const bad = await f.post('/wxa/icp/apply_icp_filing', filing('no-such-task', 'wx0000000000000000'));
    expect(bad.json['errcode']).toBe(40097);
    expect((bad.json['hints'] as { err_field: string }[]).map((h) => h.err_field)).toEqual([
      'icp_subject.principal_info.verify_task_id',
      'icp_applets.base_info.appid',
    ]);
    expect((await f.post('/wxa/icp/apply_icp_filing', filing(await verifiedTask(), f.appid))).json['errcode']).toBe(0);
    expect((await entrance())['status']).toBe(2);
    expect((await f.post('/wxa/icp/apply_icp_filing', filing(await verifiedTask(), f.appid))).json['errcode']).toBe(
      40097,
    );
    await f.advance(61);
    expect(await entrance()).toMatchObject({ status: 4, sms_verify_status: 2 });
    await f.advance(61);
    expect((await entrance())['status']).toBe(6);
    const statuses = (await pushesOf(f.sim, 'notify_apply_icpfiling_result')).map((p) =>
      p.kind === 'notify_apply_icpfiling_result' ? [p.authorizerAppid, p.beianStatus] : [],
    );
    expect(statuses).toEqual([
      [f.appid, '2'],
      [f.appid, '4'],
      [f.appid, '6'],
    ]);
    expect((await f.get('/wxa/icp/get_online_icp_order')).json).toMatchObject({
      icp_applets: { base_info: { appid: f.appid, name: '山野手作' } },
    });
    expect((await f.post('/wxa/release', {})).json['errcode']).toBe(0);
  });

  test('a rejection shows audit_data and the filing can be submitted again; withdraw and cancel', async () => {
    f = await startAppFixture();
    await f.update({ icpStatus: 1024 });
    await f.post('/wxa/icp/apply_icp_filing', filing(await verifiedTask(), f.appid));
    await f.sim.control('POST', '/icp/decide', { appid: f.appid, outcome: 'approve' });
    await f.sim.control('POST', '/icp/decide', { appid: f.appid, outcome: 'reject' });
    expect(await entrance()).toMatchObject({
      status: 5,
      available: 1,
      audit_data: [expect.objectContaining({ key_name: expect.any(String), error: expect.any(String) })],
    });
    expect((await f.post('/wxa/icp/apply_icp_filing', filing(await verifiedTask(), f.appid))).json['errcode']).toBe(0);
    expect((await f.post('/wxa/icp/cancel_apply_icp_filing', {})).json['errcode']).toBe(0);
    expect((await entrance())['status']).toBe(1024);
    expect((await f.post('/wxa/icp/cancel_apply_icp_filing', {})).json['errcode']).toBe(40097);

    await f.update({ icpStatus: 6 });
    expect((await f.post('/wxa/icp/cancel_icp_filing', { cancel_type: 2, reason_type: 1 })).json['errcode']).toBe(0);
    expect(await entrance()).toMatchObject({ status: 6, is_canceling: true });
    await f.advance(61);
    expect(await entrance()).toMatchObject({ status: 1024, is_canceling: false });
  });

  test('icp.pushUrl: message sends the results to the app’s message URL, still as InfoType XML', async () => {
    f = await startAppFixture({ icp: { pushUrl: 'message' } });
    await verifiedTask();
    const [push] = await pushesOf(f.sim, 'notify_icpfiling_verify_result');
    expect(push).toMatchObject({ kind: 'notify_icpfiling_verify_result', channel: 'app', result: '3' });
  });
});
