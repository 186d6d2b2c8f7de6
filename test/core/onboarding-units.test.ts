import { describe, expect, it } from 'vitest';
import type { Push } from '@wxfleet/protocol';
import { redactedFields } from '../../src-main/core/events/push-fields.js';
import {
  authorizationLink,
  launchPageUrl,
  redirectUrl,
  WECHAT_PAGE_BASES,
} from '../../src-main/core/onboarding/authorization-link.js';
import { checkRelayUrl } from '../../src-main/core/settings/settings-checks.js';

const input = {
  bases: WECHAT_PAGE_BASES,
  componentAppid: 'wx5f3c1a9b7d2e4f60',
  preAuthCode: 'preauthcode@@@a+b/c',
  redirectUri: 'https://relay.example.com/authorize/inv_1/done',
};

describe('authorization links (01 A4)', () => {
  it('builds the PC componentloginpage link with auth_type 2 and URL-encoded code and redirect', () => {
    const url = new URL(authorizationLink({ ...input, variant: 'pc' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://mp.weixin.qq.com/cgi-bin/componentloginpage');
    expect(url.searchParams.get('pre_auth_code')).toBe(input.preAuthCode);
    expect(url.searchParams.get('redirect_uri')).toBe(input.redirectUri);
    expect(url.searchParams.get('auth_type')).toBe('2');
    expect(url.search).toContain('preauthcode%40%40%40a%2Bb%2Fc');
  });

  it('builds the mobile bindcomponent link ending in #wechat_redirect', () => {
    const link = authorizationLink({ ...input, variant: 'mobile' });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://open.weixin.qq.com/wxaopen/safe/bindcomponent');
    expect(url.searchParams.get('action')).toBe('bindcomponent');
    expect(url.searchParams.get('no_scan')).toBe('1');
    expect(url.hash).toBe('#wechat_redirect');
  });

  it('points invitations at the relay launch page and its /done redirect', () => {
    expect(launchPageUrl('https://r.example.com/', 'abc', 'pc')).toBe('https://r.example.com/authorize/abc');
    expect(launchPageUrl('https://r.example.com', 'abc', 'mobile')).toBe(
      'https://r.example.com/authorize/abc?variant=mobile',
    );
    expect(redirectUrl('https://r.example.com', 'abc')).toBe('https://r.example.com/authorize/abc/done');
    expect(() => checkRelayUrl('ftp://x')).toThrow(/https/);
    expect(checkRelayUrl(' https://r.example.com/ ')).toBe('https://r.example.com');
  });
});

describe('event fields', () => {
  it('replaces tickets, codes and tokens by *** in known and unknown pushes', () => {
    const ticket: Push = {
      kind: 'component_verify_ticket',
      channel: 'component',
      appId: 'wx1',
      createTime: '1',
      ticket: 'ticket@@@S',
    };
    expect(redactedFields(ticket)).toEqual({ channel: 'component', appId: 'wx1', createTime: '1', ticket: '***' });
    const unknown: Push = {
      kind: 'unknown',
      channel: 'component',
      type: 'notify_x',
      createTime: '2',
      note: 'n',
      fields: { AppId: 'wx1', AuthorizationCode: 'c@@@1', info: { auth_code: 'x', code_type: '1' } },
    };
    const fields = redactedFields(unknown);
    expect(fields['fields.AuthorizationCode']).toBe('***');
    expect(fields['fields.info.auth_code']).toBe('***');
    expect(fields['fields.info.code_type']).toBe('1');
    expect(JSON.stringify(fields)).not.toContain('c@@@1');
  });
});
