import { afterEach, describe, expect, test } from 'vitest';
import { BOOKING, GUIDE, commitAndSubmit, startAppFixture } from './app-fixture.js';
import type { AppFixture } from './app-fixture.js';

let f: AppFixture;
afterEach(async () => f?.close());

const OWN = {
  mpDomains: { requestdomain: ['https://api.merchant-own.cn'], uploaddomain: ['https://img.merchant-own.cn'] },
  mpWebviewDomains: ['https://m.merchant-own.cn'],
};

async function start(config: Parameters<typeof startAppFixture>[0] = {}): Promise<void> {
  f = await startAppFixture({
    platformServerDomains: ['example.com'],
    platformWebviewDomains: ['https://www.example.com'],
    ...config,
  });
  await f.update(OWN);
  await f.post('/cgi-bin/component/setprivacysetting', GUIDE);
}

async function release(): Promise<void> {
  expect((await commitAndSubmit(f, BOOKING)).json['errcode']).toBe(0);
  await f.advance(61);
  expect((await f.post('/wxa/release', {})).json['errcode']).toBe(0);
}

const effective = async () => (await f.post('/wxa/get_effective_domain', {})).json;
const effectiveWebview = async () => (await f.post('/wxa/get_effective_webviewdomain', {})).json;
const requestLists = (json: Record<string, unknown>) =>
  Object.fromEntries(
    ['mp_domain', 'third_domain', 'direct_domain', 'effective_domain'].map((key) => [
      key,
      (json[key] as Record<string, string[]>)['requestdomain'],
    ]),
  );

describe('server domains kept per source, deleted at release as E26 says (05 E16, E26)', () => {
  test('the merchant’s own domains stay while the platform manages none, and a release keeps them', async () => {
    await start();
    expect(requestLists(await effective())).toEqual({
      mp_domain: ['https://api.merchant-own.cn'],
      third_domain: [],
      direct_domain: [],
      effective_domain: ['https://api.merchant-own.cn'],
    });
    await release();
    expect(requestLists(await effective())['mp_domain']).toEqual(['https://api.merchant-own.cn']);
  });

  test('once the platform sets domains, effective shows the release deleting the merchant’s own ones', async () => {
    await start();
    await f.post('/wxa/modify_domain', { action: 'add', requestdomain: ['https://api.example.com'] });
    await f.post('/wxa/modify_domain_directly', { action: 'add', requestdomain: ['https://direct.merchant.cn'] });
    expect(requestLists(await effective())).toEqual({
      mp_domain: ['https://api.merchant-own.cn'],
      third_domain: ['https://api.example.com'],
      direct_domain: ['https://direct.merchant.cn'],
      effective_domain: ['https://api.example.com', 'https://direct.merchant.cn'],
    });
    const before = await effective();
    expect((before['mp_domain'] as Record<string, string[]>)['uploaddomain']).toEqual(['https://img.merchant-own.cn']);
    expect((before['effective_domain'] as Record<string, string[]>)['uploaddomain']).toEqual([]);

    await release();
    const after = await effective();
    expect(requestLists(after)).toEqual({
      mp_domain: [],
      third_domain: ['https://api.example.com'],
      direct_domain: ['https://direct.merchant.cn'],
      effective_domain: ['https://api.example.com', 'https://direct.merchant.cn'],
    });
    expect((after['mp_domain'] as Record<string, string[]>)['uploaddomain']).toEqual([]);
  });

  test('domainReleaseMerge: third_only drops the direct domains as well (UNCONFIRMED 25)', async () => {
    await start({ domainReleaseMerge: 'third_only' });
    await f.post('/wxa/modify_domain', { action: 'add', requestdomain: ['https://api.example.com'] });
    await f.post('/wxa/modify_domain_directly', { action: 'add', requestdomain: ['https://direct.merchant.cn'] });
    expect(requestLists(await effective())['effective_domain']).toEqual(['https://api.example.com']);
    await release();
    expect(requestLists(await effective())).toMatchObject({ mp_domain: [], direct_domain: [] });
  });
});

describe('web-view domains: platform-set, direct, confirm file, effective (05 E17, E26)', () => {
  test('setwebviewdomain only under the platform’s domains; _directly takes any https domain without a port', async () => {
    await start();
    const set = (path: string, webviewdomain: string[]) =>
      f.post(path, { action: 'add', webviewdomain }).then((r) => r.json['errcode']);
    expect(await set('/wxa/setwebviewdomain', ['https://m.other.cn'])).toBe(89021);
    expect(await set('/wxa/setwebviewdomain_directly', ['https://m.other.cn'])).toBe(0);
    expect(await set('/wxa/setwebviewdomain_directly', ['http://m.other.cn'])).toBe(86100);
    expect(await set('/wxa/setwebviewdomain_directly', ['https://m.other.cn:8443'])).toBe(86100);
    expect((await f.post('/wxa/setwebviewdomain_directly', { action: 'get' })).json['webviewdomain']).toEqual([
      'https://m.other.cn',
    ]);
    expect(await effectiveWebview()).toMatchObject({
      mp_webviewdomain: ['https://m.merchant-own.cn'],
      third_webviewdomain: [],
      direct_webviewdomain: ['https://m.other.cn'],
      effective_webviewdomain: ['https://m.merchant-own.cn', 'https://m.other.cn'],
    });

    expect(await set('/wxa/setwebviewdomain', ['https://shop.www.example.com'])).toBe(0);
    expect((await effectiveWebview())['effective_webviewdomain']).toEqual([
      'https://shop.www.example.com',
      'https://m.other.cn',
    ]);
    await release();
    expect(await effectiveWebview()).toMatchObject({
      mp_webviewdomain: [],
      third_webviewdomain: ['https://shop.www.example.com'],
      direct_webviewdomain: ['https://m.other.cn'],
    });
  });

  test('get_webviewdomain_confirmfile gives this mini program’s own file, the same on every call', async () => {
    await start();
    const first = await f.post('/wxa/get_webviewdomain_confirmfile', {});
    expect(first.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      file_name: expect.stringMatching(/^\w+\.txt$/),
      file_content: expect.stringMatching(/^\w{16,}$/),
    });
    expect((await f.post('/wxa/get_webviewdomain_confirmfile', {})).json).toEqual(first.json);
  });

  test('personal mini programs cannot set web-view domains either way (89231)', async () => {
    await start();
    await f.update({ principalType: 0 });
    for (const path of ['/wxa/setwebviewdomain', '/wxa/setwebviewdomain_directly']) {
      const result = await f.post(path, { action: 'add', webviewdomain: ['https://shop.www.example.com'] });
      expect(result.json['errcode'], path).toBe(89231);
    }
  });
});
