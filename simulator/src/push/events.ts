import { buildXml } from '@wxfleet/protocol';
import type { SimClock } from '../clock.js';
import type { SimulatorConfig } from '../config.js';
import type { MiniProgram } from '../state/types.js';
import type { Pusher, PushRecord } from './pusher.js';

/** System events come "from" an internal openid; WeChat's value is not documented. */
const SYSTEM_SENDER = 'oSimSystem0000000000000000000';

/** Builds each documented push (02 B1–B12) and hands it to the pusher. */
export class PushEvents {
  constructor(
    private readonly config: SimulatorConfig,
    private readonly clock: SimClock,
    private readonly pusher: Pusher,
  ) {}

  private get appId(): string {
    return this.config.platform.componentAppid;
  }

  ticket(ticket: string): PushRecord {
    const now = this.clock.now();
    return this.pusher.component(
      'component_verify_ticket',
      buildXml({
        AppId: this.appId,
        CreateTime: now,
        InfoType: 'component_verify_ticket',
        ComponentVerifyTicket: ticket,
      }),
      now,
    );
  }

  authorized(
    kind: 'authorized' | 'updateauthorized',
    appid: string,
    code: string,
    expiresAt: number,
    preAuthCode: string,
  ): PushRecord {
    const now = this.clock.now();
    const expired = this.config.authCodeExpiredTimeFormat === 'timestamp' ? expiresAt : expiresAt - now;
    const xml = buildXml({
      AppId: this.appId,
      CreateTime: now,
      InfoType: kind,
      AuthorizerAppid: appid,
      AuthorizationCode: code,
      AuthorizationCodeExpiredTime: expired,
      PreAuthCode: preAuthCode,
    });
    return this.pusher.component(kind, xml, now);
  }

  unauthorized(appid: string): PushRecord {
    const now = this.clock.now();
    return this.pusher.component(
      'unauthorized',
      buildXml({ AppId: this.appId, CreateTime: now, InfoType: 'unauthorized', AuthorizerAppid: appid }),
      now,
    );
  }

  fastRegister(fields: {
    appid: string;
    status: number;
    authCode: string;
    msg: string;
    info: Record<string, string | number>;
  }): PushRecord {
    const now = this.clock.now();
    const xml = buildXml({
      AppId: this.appId,
      CreateTime: now,
      InfoType: 'notify_third_fasteregister',
      appid: fields.appid,
      status: fields.status,
      auth_code: fields.authCode,
      msg: fields.msg,
      info: fields.info,
    });
    return this.pusher.component('notify_third_fasteregister', xml, now);
  }

  private appEvent(app: MiniProgram, event: string, fields: Record<string, string | number>): PushRecord {
    const now = this.clock.now();
    const xml = buildXml({
      ToUserName: app.userName,
      FromUserName: SYSTEM_SENDER,
      CreateTime: now,
      MsgType: 'event',
      Event: event,
      ...fields,
    });
    return this.pusher.app(app.appid, app.userName, event, xml, now);
  }

  auditSuccess(app: MiniProgram): PushRecord {
    return this.appEvent(app, 'weapp_audit_success', { SuccTime: this.clock.now() });
  }

  auditFail(app: MiniProgram, reason: string, screenshot: string): PushRecord {
    return this.appEvent(app, 'weapp_audit_fail', {
      Reason: reason,
      FailTime: this.clock.now(),
      ScreenShot: screenshot,
    });
  }

  auditDelay(app: MiniProgram, reason: string): PushRecord {
    return this.appEvent(app, 'weapp_audit_delay', { Reason: reason, DelayTime: this.clock.now() });
  }

  nicknameAudit(app: MiniProgram, ret: 2 | 3, nickname: string, reason: string): PushRecord {
    return this.appEvent(app, 'wxa_nickname_audit', { ret, nickname, reason });
  }
}
