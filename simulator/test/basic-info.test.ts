import { afterEach, describe, expect, test } from 'vitest';
import { encodePng } from '../src/images.js';
import { BOOKING, GUIDE, commitAndSubmit, startAppFixture } from './app-fixture.js';
import type { AppFixture } from './app-fixture.js';
import { multipart, pushesOf } from './helpers.js';

let f: AppFixture;
afterEach(async () => f?.close());

const basicInfo = async () => (await f.get('/cgi-bin/account/getaccountbasicinfo')).json;

async function uploadImage(): Promise<string> {
  const png = encodePng(2, 2, Buffer.alloc(16, 120));
  const upload = multipart({ field: 'media', filename: 'head.png', contentType: 'image/png', data: png });
  const result = await f.sim.api('/wxa/uploadmedia', `access_token=${f.session.authorizerToken}`, upload);
  return result.json['mediaid'] as string;
}

describe('getaccountbasicinfo (08 H1)', () => {
  test('name, avatar, introduction with their quotas, by GET and by POST {}', async () => {
    f = await startAppFixture();
    const info = await basicInfo();
    expect(info).toMatchObject({
      errcode: 0,
      appid: f.appid,
      account_type: 3,
      principal_type: 1,
      realname_status: 1,
      nickname: '山野手作',
      nickname_info: { nickname: '山野手作', modify_used_count: 0, modify_quota: 2 },
      signature_info: { signature: '山野手作的官方小程序', modify_used_count: 0, modify_quota: 5 },
      head_image_info: { head_image_url: expect.stringMatching(/\/mmopen\/wx[0-9a-f]{16}\/0$/), modify_quota: 5 },
      registered_country: 156,
      wx_verify_info: { qualification_verify: true, naming_verify: true },
    });
    expect((await f.post('/cgi-bin/account/getaccountbasicinfo', {})).json).toEqual(info);
  });
});

describe('86002: name, avatar and introduction before submit and gray release (05 E5, E11, 08 H5)', () => {
  test('each missing piece refuses the submission until it is set through the API', async () => {
    f = await startAppFixture();
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    await f.update({ signature: '', headImage: false });
    expect((await basicInfo())['head_image_info']).toMatchObject({ head_image_url: '' });
    expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(86002);
    expect(
      (await f.post('/cgi-bin/account/modifysignature', { signature: '手工服饰与原创设计的线上小店' })).json['errcode'],
    ).toBe(0);
    expect((await f.post('/wxa/submit_audit', {})).json['errcode']).toBe(86002);
    const mediaId = await uploadImage();
    const crop = { x1: '0', y1: '0', x2: '1', y2: '1' };
    expect(
      (await f.post('/cgi-bin/account/modifyheadimage', { head_img_media_id: mediaId, ...crop })).json['errcode'],
    ).toBe(0);
    expect((await f.post('/wxa/submit_audit', {})).json['errcode']).toBe(0);

    await f.advance(61);
    expect((await f.post('/wxa/release', {})).json['errcode']).toBe(0);
    expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(0);
    await f.advance(61);
    await f.update({ headImage: false });
    expect((await f.post('/wxa/grayrelease', { gray_percentage: 10 })).json['errcode']).toBe(86002);
    await f.update({ headImage: true });
    expect((await f.post('/wxa/grayrelease', { gray_percentage: 10 })).json['errcode']).toBe(0);
  });
});

describe('names: setnickname, checkwxverifynickname, the nickname audit push (05 E21, 08 H2, 02 B12)', () => {
  test('a plain name is set at once; a keyword needs material and a review, pushed either way', async () => {
    f = await startAppFixture();
    expect((await f.post('/cgi-bin/wxverify/checkwxverifynickname', { nick_name: '山野手作服饰' })).json).toMatchObject(
      {
        errcode: 0,
        hit_condition: false,
      },
    );
    const plain = await f.post('/wxa/setnickname', { nick_name: '山野手作服饰' });
    expect(plain.json['errcode']).toBe(0);
    expect(plain.json['audit_id']).toBeUndefined();
    expect((await basicInfo())['nickname']).toBe('山野手作服饰');
    expect(await pushesOf(f.sim, 'wxa_nickname_audit')).toEqual([]);

    const check = await f.post('/cgi-bin/wxverify/checkwxverifynickname', { nick_name: '山野手作官方店' });
    expect(check.json).toMatchObject({ hit_condition: true, wording: expect.stringContaining('官方') });
    const review = await f.post('/wxa/setnickname', { nick_name: '山野手作官方店' });
    expect(review.json['audit_id']).toEqual(expect.any(Number));
    await f.advance(61);
    const query = await f.post('/wxa/api_wxa_querynickname', { audit_id: review.json['audit_id'] });
    expect(query.json).toMatchObject({ audit_stat: 2, fail_reason: expect.stringContaining('证明材料') });
    const [push] = await pushesOf(f.sim, 'wxa_nickname_audit');
    expect(push).toMatchObject({ ret: '2', nickname: '山野手作官方店' });
    expect((await basicInfo())['nickname']).toBe('山野手作服饰');
  });

  test('53010 format, 53013 duplicate, and after the first release renames need verification (53203)', async () => {
    f = await startAppFixture();
    expect((await f.post('/wxa/setnickname', { nick_name: 'x' })).json['errcode']).toBe(53010);
    expect((await f.post('/wxa/setnickname', { nick_name: '福满楼点餐' })).json['errcode']).toBe(53013);
    expect((await f.post('/cgi-bin/wxverify/checkwxverifynickname', { nick_name: '福满楼点餐' })).json['errcode']).toBe(
      53013,
    );
    await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
    await commitAndSubmit(f, BOOKING);
    await f.advance(61);
    await f.post('/wxa/release', {});
    expect((await basicInfo())['nickname_info']).toMatchObject({ modify_used_count: 2, modify_quota: 2 });
    expect((await f.post('/wxa/setnickname', { nick_name: '山野新名字' })).json['errcode']).toBe(53203);
  });
});

describe('modifyheadimage and modifysignature (08 H3, H4)', () => {
  test('the avatar comes from an uploaded image with a crop box, served at its new address; quota 53202', async () => {
    f = await startAppFixture({ basicInfo: { headImageQuota: 1 } });
    const mediaId = await uploadImage();
    const crop = { x1: 0, y1: 0, x2: 1, y2: 1 };
    expect(
      (await f.post('/cgi-bin/account/modifyheadimage', { head_img_media_id: 'nope', ...crop })).json['errcode'],
    ).toBe(40007);
    expect(
      (await f.post('/cgi-bin/account/modifyheadimage', { head_img_media_id: mediaId, ...crop, x2: 0 })).json[
        'errcode'
      ],
    ).toBe(40097);
    expect(
      (await f.post('/cgi-bin/account/modifyheadimage', { head_img_media_id: mediaId, ...crop })).json['errcode'],
    ).toBe(0);
    const url = ((await basicInfo())['head_image_info'] as { head_image_url: string }).head_image_url;
    expect(url).not.toMatch(/\/0$/);
    const image = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(
      (await f.post('/cgi-bin/account/modifyheadimage', { head_img_media_id: mediaId, ...crop })).json['errcode'],
    ).toBe(53202);
  });

  test('4–120 characters with four Chinese characters (53204), blocked words (53201), monthly quota (53200)', async () => {
    f = await startAppFixture({ basicInfo: { signatureQuotaPerMonth: 1 } });
    const sign = (signature: string) =>
      f.post('/cgi-bin/account/modifysignature', { signature }).then((r) => r.json['errcode']);
    expect(await sign('ok')).toBe(53204);
    expect(await sign('handmade clothes shop')).toBe(53204);
    expect(await sign('全网第一的手工服饰小店')).toBe(53201);
    expect(await sign('手工服饰与原创设计')).toBe(0);
    expect((await basicInfo())['signature_info']).toMatchObject({
      signature: '手工服饰与原创设计',
      modify_used_count: 1,
    });
    expect(await sign('原创手工服饰小店')).toBe(53200);
  });
});
