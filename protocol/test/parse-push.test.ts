import { describe, expect, it } from 'vitest';
import { parsePush } from '../src/push/parse-push.js';
import { pushIdentity } from '../src/push/push-identity.js';
import { parseEnvelope, buildEnvelope } from '../src/push/envelope.js';

// Inner XML exactly as documented in 02-push-events.md.
const ticket = `<xml>
  <AppId><![CDATA[wx0a1b2c3d4e5f6a7b]]></AppId>
  <CreateTime>1718000000</CreateTime>
  <InfoType><![CDATA[component_verify_ticket]]></InfoType>
  <ComponentVerifyTicket><![CDATA[ticket@@@AbCdEf0123456789]]></ComponentVerifyTicket>
</xml>`;
const authorized = `<xml>
  <AppId><![CDATA[wx0a1b2c3d4e5f6a7b]]></AppId>
  <CreateTime>1718000100</CreateTime>
  <InfoType><![CDATA[authorized]]></InfoType>
  <AuthorizerAppid><![CDATA[wx1111222233334444]]></AuthorizerAppid>
  <AuthorizationCode><![CDATA[queryauthcode@@@Xyz123]]></AuthorizationCode>
  <AuthorizationCodeExpiredTime>1718003700</AuthorizationCodeExpiredTime>
  <PreAuthCode><![CDATA[preauthcode@@@Abc456]]></PreAuthCode>
</xml>`;
const unauthorized = `<xml><AppId><![CDATA[wx0a1b2c3d4e5f6a7b]]></AppId><CreateTime>1718000200</CreateTime>
  <InfoType><![CDATA[unauthorized]]></InfoType><AuthorizerAppid><![CDATA[wx1111222233334444]]></AuthorizerAppid></xml>`;
const fastRegistration = `<xml>
  <AppId><![CDATA[wx0a1b2c3d4e5f6a7b]]></AppId>
  <CreateTime>1718000300</CreateTime>
  <InfoType><![CDATA[notify_third_fasteregister]]></InfoType>
  <appid>wx5555666677778888</appid>
  <status>0</status>
  <auth_code>authcode@@@Qwe789</auth_code>
  <msg>OK</msg>
  <info>
    <name><![CDATA[Example Trading Co., Ltd.]]></name>
    <code><![CDATA[91440300MA5XXXXXXX]]></code>
    <code_type>1</code_type>
  </info>
</xml>`;
const auditFail = `<xml>
  <ToUserName><![CDATA[gh_abcdef123456]]></ToUserName>
  <FromUserName><![CDATA[oAbCdEf-system-openid]]></FromUserName>
  <CreateTime>1718100000</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[weapp_audit_fail]]></Event>
  <Reason><![CDATA[1: Page content does not match the selected category:<br>(1) ...<br>]]></Reason>
  <FailTime>1718100000</FailTime>
  <ScreenShot><![CDATA[mediaid_1|mediaid_2]]></ScreenShot>
</xml>`;
const nickname = `<xml><ToUserName><![CDATA[gh_abcdef123456]]></ToUserName><FromUserName><![CDATA[o]]></FromUserName>
  <CreateTime>1718200000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[wxa_nickname_audit]]></Event>
  <ret>2</ret><nickname><![CDATA[Demo Shop]]></nickname><reason><![CDATA[name infringes a trademark]]></reason></xml>`;

describe('typed pushes', () => {
  it('parses the ticket, authorization and revocation notices', () => {
    expect(parsePush(ticket, 'component')).toEqual({
      channel: 'component',
      kind: 'component_verify_ticket',
      appId: 'wx0a1b2c3d4e5f6a7b',
      createTime: '1718000000',
      ticket: 'ticket@@@AbCdEf0123456789',
    });
    expect(parsePush(authorized, 'component')).toMatchObject({
      kind: 'authorized',
      authorizerAppid: 'wx1111222233334444',
      authorizationCode: 'queryauthcode@@@Xyz123',
      authorizationCodeExpiredTime: '1718003700',
      preAuthCode: 'preauthcode@@@Abc456',
    });
    expect(parsePush(authorized.replace('[authorized]', '[updateauthorized]'), 'component').kind).toBe(
      'updateauthorized',
    );
    expect(parsePush(unauthorized, 'component')).toMatchObject({
      kind: 'unauthorized',
      authorizerAppid: 'wx1111222233334444',
    });
  });

  it('parses fast registration with its echoed info', () => {
    expect(parsePush(fastRegistration, 'component')).toMatchObject({
      kind: 'notify_third_fasteregister',
      appid: 'wx5555666677778888',
      status: '0',
      authCode: 'authcode@@@Qwe789',
      info: { name: 'Example Trading Co., Ltd.', code: '91440300MA5XXXXXXX', code_type: '1' },
    });
  });

  it('parses audit results with reason HTML intact and screenshots split', () => {
    expect(parsePush(auditFail, 'app')).toMatchObject({
      kind: 'weapp_audit_fail',
      toUserName: 'gh_abcdef123456',
      reason: '1: Page content does not match the selected category:<br>(1) ...<br>',
      screenshots: ['mediaid_1', 'mediaid_2'],
    });
    const success = auditFail
      .replace('weapp_audit_fail', 'weapp_audit_success')
      .replace(/<Reason>.*<\/ScreenShot>/s, '<SuccTime>1718100000</SuccTime>');
    expect(parsePush(success, 'app')).toMatchObject({ kind: 'weapp_audit_success', succTime: '1718100000' });
    const delay = auditFail.replace('weapp_audit_fail', 'weapp_audit_delay');
    expect(parsePush(delay, 'app')).toMatchObject({ kind: 'weapp_audit_delay' });
    expect(parsePush(nickname, 'app')).toMatchObject({ kind: 'wxa_nickname_audit', ret: '2', nickname: 'Demo Shop' });
  });

  it('keeps unknown kinds and known kinds missing a field raw instead of dropping them', () => {
    const wxverify = ticket.replace('component_verify_ticket', 'notify_3rd_wxa_wxverify');
    expect(parsePush(wxverify, 'component')).toMatchObject({
      kind: 'unknown',
      type: 'notify_3rd_wxa_wxverify',
      createTime: '1718000000',
    });
    const broken = ticket.replace(/<ComponentVerifyTicket>.*<\/ComponentVerifyTicket>/, '');
    const push = parsePush(broken, 'component');
    expect(push).toMatchObject({ kind: 'unknown', note: 'missing <ComponentVerifyTicket>' });
    expect(push.kind === 'unknown' && push.fields['AppId']).toBe('wx0a1b2c3d4e5f6a7b');
  });
});

describe('identity for de-duplication', () => {
  it('is equal for a retry and differs for two events in the same second', () => {
    const first = pushIdentity(parsePush(auditFail, 'app'));
    expect(pushIdentity(parsePush(auditFail, 'app'))).toBe(first);
    const otherApp = auditFail.replace('gh_abcdef123456', 'gh_999999999999');
    expect(pushIdentity(parsePush(otherApp, 'app'))).not.toBe(first);
    const ticketA = pushIdentity(parsePush(ticket, 'component'));
    const ticketB = pushIdentity(parsePush(ticket.replace('AbCdEf', 'ZyXwVu'), 'component'));
    expect(ticketA).not.toBe(ticketB);
  });
});

describe('envelope', () => {
  it('reads only Encrypt and the addressee', () => {
    const body = buildEnvelope('QUJD', { toUserName: 'gh_abcdef123456' });
    expect(parseEnvelope(body)).toEqual({ encrypt: 'QUJD', addressee: 'gh_abcdef123456' });
    expect(parseEnvelope(buildEnvelope('QUJD', { appId: 'wx1' }))).toEqual({ encrypt: 'QUJD', addressee: 'wx1' });
    expect(() => parseEnvelope('<xml><AppId>wx1</AppId></xml>')).toThrow(/Encrypt/);
  });
});
