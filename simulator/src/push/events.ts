import { buildXml } from '@wxfleet/protocol';
import type { SimClock } from '../clock.js';
import type { SimulatorConfig } from '../config.js';
import type { MiniProgram } from '../state/types.js';
import type { Pusher, PushRecord } from './pusher.js';

type Fields = Record<string, string | number>;

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

  /** notify_third_fasteregister (02 B5, B18) or, for a trial's verification, notify_third_fastverifybetaapp (B6). */
  fastRegister(
    fields: { appid: string; status: number; authCode: string; msg: string; info: Record<string, string | number> },
    kind: 'notify_third_fasteregister' | 'notify_third_fastverifybetaapp' = 'notify_third_fasteregister',
  ): PushRecord {
    const now = this.clock.now();
    const xml = buildXml({
      AppId: this.appId,
      CreateTime: now,
      InfoType: kind,
      appid: fields.appid,
      status: fields.status,
      auth_code: fields.authCode,
      msg: fields.msg,
      info: fields.info,
    });
    return this.pusher.component(kind, xml, now);
  }

  /**
   * ICP filing results (02 B15), element names per the reference's example. Documented as InfoType pushes of the
   * authorization-event URL; `icp.pushUrl: message` sends them to the app's message URL instead (UNCONFIRMED 26).
   */
  icp(app: MiniProgram, kind: 'notify_icpfiling_verify_result' | 'notify_apply_icpfiling_result', fields: Fields) {
    const now = this.clock.now();
    if (this.config.icp.pushUrl === 'message') {
      const xml = buildXml({ ToUserName: app.userName, CreateTime: now, InfoType: kind, ...fields });
      return this.pusher.app(app.appid, app.userName, kind, xml, now);
    }
    return this.pusher.component(
      kind,
      buildXml({ AppId: this.appId, CreateTime: now, InfoType: kind, ...fields }),
      now,
    );
  }

  private appEvent(app: MiniProgram, event: string, fields: Fields): PushRecord {
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

  categoryAudit(app: MiniProgram, first: number, second: number, ret: 2 | 3, reason: string): PushRecord {
    return this.appEvent(app, 'wxa_category_audit', { first: String(first), second: String(second), ret, reason });
  }

  /** 02 B17: the layout is UNCONFIRMED; these elements mirror get_privacy_interface's fields. */
  privacyApply(app: MiniProgram, fields: Fields): PushRecord {
    return this.appEvent(app, 'wxa_privacy_apply', fields);
  }
}
