import type { Push } from '@wxfleet/protocol';
import { describe, expect, it } from 'vitest';
import type { AuthorizerRecord } from '../platform/store/authorizers-aggregate.js';
import type { AppliedPushEvent } from '../relay/client/index.js';
import { attributePush } from './push-attribution.js';

const authorizer = (appid: string, userName: string): AuthorizerRecord => ({
  appid,
  nickname: '',
  userName,
  principal: '',
  funcInfo: [],
  status: 'authorized',
  statusReason: null,
  authTime: null,
  updatedAt: 0,
});
const ctx = {
  componentAppid: 'wxcomponent',
  authorizers: { wxA: authorizer('wxA', 'gh_a'), wxB: authorizer('wxB', 'gh_b'), wxN: authorizer('wxN', '') },
};
const audit = (toUserName: string): Push => ({
  kind: 'weapp_audit_success',
  channel: 'app',
  toUserName,
  fromUserName: 'o',
  createTime: '1',
  succTime: '1',
});
const event = (push: Push, appid: string | null): AppliedPushEvent => ({
  kind: 'push',
  seq: 1,
  receivedAt: '',
  channel: push.channel === 'app' ? 'app' : 'component',
  appid,
  identity: 'x',
  keyIndex: 0,
  push,
});

describe('push attribution', () => {
  it('takes the mini-program from the signed content, not from the URL', () => {
    expect(attributePush(event(audit('gh_a'), 'wxA'), ctx)).toEqual({ ok: true, appid: 'wxA' });
    expect(attributePush(event(audit('gh_a'), null), ctx)).toEqual({ ok: true, appid: 'wxA' });
  });

  it('refuses content posted to another mini-program’s URL', () => {
    expect(attributePush(event(audit('gh_a'), 'wxB'), ctx)).toMatchObject({ ok: false });
    // Content of an account we do not know, posted to one whose gh_ id we know is different.
    expect(attributePush(event(audit('gh_unknown'), 'wxB'), ctx)).toMatchObject({ ok: false });
  });

  it('falls back to the URL only for an account whose gh_ id is not read yet', () => {
    expect(attributePush(event(audit('gh_n'), 'wxN'), ctx)).toEqual({ ok: true, appid: 'wxN' });
    expect(attributePush(event(audit('gh_n'), 'wxNew'), ctx)).toEqual({ ok: true, appid: 'wxNew' });
    expect(attributePush(event(audit('gh_n'), null), ctx)).toEqual({ ok: true, appid: null });
  });

  it('checks component pushes against their own authorizer appid and the platform', () => {
    const unauthorized: Push = {
      kind: 'unauthorized',
      channel: 'component',
      appId: 'wxcomponent',
      createTime: '1',
      authorizerAppid: 'wxA',
    };
    expect(attributePush(event(unauthorized, null), ctx)).toEqual({ ok: true, appid: 'wxA' });
    expect(attributePush(event(unauthorized, 'wxB'), ctx)).toMatchObject({ ok: false });
    expect(attributePush(event({ ...unauthorized, appId: 'wxother' }, null), ctx)).toMatchObject({ ok: false });
  });
});
