/** Inner (decrypted) XML of every push kind in shared/wechat/02-push-events.md, for a given CreateTime. */

export const COMPONENT_APPID = 'wx0a1b2c3d4e5f6a7b';
export const AUTHORIZER_APPID = 'wx1111222233334444';
export const GH_ID = 'gh_abcdef123456';

export type PushChannel = 'component' | 'app';

export interface PushKind {
  name: string;
  channel: PushChannel;
  inner: (createTime: number, salt?: string) => string;
}

const component =
  (infoType: string, rest: string) =>
  (t: number): string =>
    `<xml><AppId><![CDATA[${COMPONENT_APPID}]]></AppId><CreateTime>${t}</CreateTime><InfoType><![CDATA[${infoType}]]></InfoType>${rest}</xml>`;
const appEvent =
  (event: string, rest: string) =>
  (t: number): string =>
    `<xml><ToUserName><![CDATA[${GH_ID}]]></ToUserName><FromUserName><![CDATA[oAbCdEf-system-openid]]></FromUserName><CreateTime>${t}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event>${rest}</xml>`;
const grant = `<AuthorizerAppid><![CDATA[${AUTHORIZER_APPID}]]></AuthorizerAppid><AuthorizationCode><![CDATA[queryauthcode@@@Xyz123]]></AuthorizationCode><AuthorizationCodeExpiredTime>1718003700</AuthorizationCodeExpiredTime><PreAuthCode><![CDATA[preauthcode@@@Abc456]]></PreAuthCode>`;

export const PUSH_KINDS: readonly PushKind[] = [
  {
    name: 'component_verify_ticket',
    channel: 'component',
    inner: (t, salt = '') =>
      component(
        'component_verify_ticket',
        `<ComponentVerifyTicket><![CDATA[ticket@@@AbCdEf${salt}]]></ComponentVerifyTicket>`,
      )(t),
  },
  { name: 'authorized', channel: 'component', inner: component('authorized', grant) },
  { name: 'updateauthorized', channel: 'component', inner: component('updateauthorized', grant) },
  {
    name: 'unauthorized',
    channel: 'component',
    inner: component('unauthorized', `<AuthorizerAppid><![CDATA[${AUTHORIZER_APPID}]]></AuthorizerAppid>`),
  },
  {
    name: 'notify_third_fasteregister',
    channel: 'component',
    inner: component(
      'notify_third_fasteregister',
      '<appid>wx5555666677778888</appid><status>0</status><auth_code>authcode@@@Qwe789</auth_code><msg>OK</msg><info><name><![CDATA[Example Trading Co., Ltd.]]></name><code><![CDATA[91440300MA5XXXXXXX]]></code><code_type>1</code_type><legal_persona_wechat><![CDATA[legal_wechat_id]]></legal_persona_wechat><legal_persona_name><![CDATA[Zhang San]]></legal_persona_name><component_phone><![CDATA[0755-12345678]]></component_phone></info>',
    ),
  },
  {
    name: 'notify_third_fastregisterbetaapp',
    channel: 'component',
    inner: component(
      'notify_third_fastregisterbetaapp',
      '<appid>wx9999aaaabbbbcccc</appid><status>0</status><msg>OK</msg><info><unique_id><![CDATA[unique_id_from_create_call]]></unique_id><name><![CDATA[Demo的体验小程序]]></name></info>',
    ),
  },
  {
    name: 'weapp_audit_success',
    channel: 'app',
    inner: appEvent('weapp_audit_success', '<SuccTime>1718100000</SuccTime>'),
  },
  {
    name: 'weapp_audit_fail',
    channel: 'app',
    inner: appEvent(
      'weapp_audit_fail',
      '<Reason><![CDATA[1: Page content does not match the selected category:<br>(1) ...<br>]]></Reason><FailTime>1718100000</FailTime><ScreenShot><![CDATA[mediaid_1|mediaid_2]]></ScreenShot>',
    ),
  },
  {
    name: 'weapp_audit_delay',
    channel: 'app',
    inner: appEvent(
      'weapp_audit_delay',
      '<Reason><![CDATA[audit takes longer than usual; please wait]]></Reason><DelayTime>1718100000</DelayTime>',
    ),
  },
  {
    name: 'wxa_nickname_audit',
    channel: 'app',
    inner: appEvent(
      'wxa_nickname_audit',
      '<ret>2</ret><nickname><![CDATA[Demo Shop]]></nickname><reason><![CDATA[name infringes a trademark]]></reason>',
    ),
  },
];

export const ticketKind = PUSH_KINDS[0]!;
