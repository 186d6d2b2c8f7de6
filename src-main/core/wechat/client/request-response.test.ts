import { describe, expect, it } from 'vitest';
import { egressFromSettings } from './egress.js';
import { buildRequest, normalizeBody, tokenParamFor } from './request-builder.js';
import { parseResponse } from './response-parser.js';
import { WeChatError } from './wechat-error.js';

const json = (status: number, body: unknown, contentType = 'application/json') => ({
  status,
  contentType,
  body: Buffer.from(JSON.stringify(body)),
});
const ctx = { endpoint: 'commit', path: '/wxa/commit', viaRelay: true, binary: false };

describe('request building', () => {
  it('always sends ext_json as a string', () => {
    expect(normalizeBody({ ext_json: { extAppid: 'wx1', ext: { a: 1 } } })).toEqual({
      ext_json: '{"extAppid":"wx1","ext":{"a":1}}',
    });
    expect(normalizeBody({ ext_json: '{"a":1}' })).toEqual({ ext_json: '{"a":1}' });
  });

  it('sends {} for POSTs without fields and puts GET fields in the query', () => {
    expect(buildRequest({ method: 'POST', path: '/wxa/release', tokenClass: 'authorizer', token: 'T' })).toEqual({
      method: 'POST',
      url: '/wxa/release?access_token=T',
      json: {},
    });
    const get = buildRequest({
      method: 'GET',
      path: '/wxa/get_qrcode',
      tokenClass: 'authorizer',
      token: 'T',
      body: { path: 'pages/index/index?action=1' },
    });
    expect(get.url).toBe('/wxa/get_qrcode?access_token=T&path=pages%2Findex%2Findex%3Faction%3D1');
  });

  it('uses component_access_token on legacy component paths and access_token elsewhere', () => {
    expect(tokenParamFor('/cgi-bin/component/api_query_auth', 'component')).toBe('component_access_token');
    expect(tokenParamFor('/wxa/gettemplatelist', 'component')).toBe('access_token');
    expect(tokenParamFor('/cgi-bin/component/getprivacysetting', 'authorizer')).toBe('access_token');
    const fixed = buildRequest({
      method: 'GET',
      path: '/wxa/revertcoderelease',
      tokenClass: 'authorizer',
      token: 'T',
      fixedQuery: ['action=get_history_version'],
    });
    expect(fixed.url).toBe('/wxa/revertcoderelease?action=get_history_version&access_token=T');
  });
});

describe('response parsing', () => {
  it('treats an absent errcode as success', () => {
    expect(parseResponse(ctx, json(200, { auditid: 1 }))).toEqual({ auditid: 1 });
  });

  it('normalizes errors with explanation, fix and rid', () => {
    let err: unknown;
    try {
      parseResponse(ctx, json(200, { errcode: 85013, errmsg: 'invalid ext_json rid: 6018c7f4-508ab3d0-1a934f75' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WeChatError);
    expect(err).toMatchObject({
      kind: 'api',
      errcode: 85013,
      rid: '6018c7f4-508ab3d0-1a934f75',
      retryClass: 'permanent',
    });
    expect((err as WeChatError).explanation.zh.length).toBeGreaterThan(0);
    expect((err as WeChatError).fix.en.length).toBeGreaterThan(0);
  });

  it('returns images of binary endpoints and parses their JSON errors', () => {
    const bin = { ...ctx, binary: true };
    const image = parseResponse(bin, { status: 200, contentType: 'image/jpeg', body: Buffer.from([0xff, 0xd8]) });
    expect(image).toEqual({ contentType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8]) });
    expect(() => parseResponse(bin, json(200, { errcode: 40001, errmsg: 'x' }, 'text/plain'))).toThrow(WeChatError);
  });

  it('tells relay refusals from WeChat answers', () => {
    expect(() => parseResponse(ctx, { status: 407, contentType: 'text/plain', body: Buffer.from('no') })).toThrow(
      /relay refused this device/,
    );
    expect(() => parseResponse(ctx, { status: 502, contentType: 'text/html', body: Buffer.from('<html>') })).toThrow(
      /HTTP_502/,
    );
  });
});

describe('egress selection', () => {
  it('goes through the relay unless told otherwise, and refuses a relay without credentials', () => {
    expect(egressFromSettings({ egress: 'relay', relayUrl: 'https://relay.example.com' }, 'wxr_x')).toEqual({
      mode: 'relay',
      relayUrl: 'https://relay.example.com',
      deviceToken: 'wxr_x',
    });
    expect(egressFromSettings({ egress: 'direct', relayUrl: '' }, undefined)).toEqual({ mode: 'direct' });
    const missing = egressFromSettings({ egress: 'relay', relayUrl: '' }, undefined);
    expect(missing).toBeInstanceOf(Error);
    expect(missing).toMatchObject({ contractCode: 'not_configured', reason: { code: 'relay_egress_not_configured' } });
  });
});
