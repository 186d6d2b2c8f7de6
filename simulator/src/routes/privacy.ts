import { WxError } from '../errors.js';
import { callerApp, optInt, optObject } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route } from '../http/route.js';
import type { OwnerSetting, PrivacySetting } from '../state/types.js';

const CODE = [18] as const;
const LABELS: Record<string, string> = {
  UserInfo: '用户信息（微信昵称、头像）',
  Location: '位置信息',
  Address: '地址',
  Invoice: '发票信息',
  RunData: '微信运动步数',
  Record: '麦克风',
  Album: '选中的照片或视频信息',
  Camera: '摄像头',
  PhoneNumber: '手机号码',
  Contact: '通讯录（仅写入）权限',
  DeviceInfo: '设备信息',
  EXIDNumber: '身份证号码',
  EXOrderInfo: '订单信息',
  EXUserPublishContent: '发布内容',
  EXUserFollowAcct: '所关注账号',
  EXUserOpLog: '操作日志',
  AlbumWriteOnly: '相册（仅写入）权限',
  LicensePlate: '车牌号',
  BlueTooth: '蓝牙',
  CalendarWriteOnly: '日历（仅写入）权限',
  Email: '邮箱',
  MessageFile: '选中的文件',
};

function ownerSetting(input: Record<string, unknown>, previous: OwnerSetting | undefined): OwnerSetting {
  const text = (name: string): string => {
    const value = input[name];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw new WxError(47001, `${name} must be a string`);
    return value;
  };
  const setting: OwnerSetting = {
    contact_phone: text('contact_phone'),
    contact_email: text('contact_email'),
    contact_qq: text('contact_qq'),
    contact_weixin: text('contact_weixin'),
    ext_file_media_id: text('ext_file_media_id'),
    notice_method: text('notice_method'),
    store_expire_timestamp: text('store_expire_timestamp'),
    store_region: typeof input['store_region'] === 'number' ? input['store_region'] : (previous?.store_region ?? 0),
  };
  if (!setting.contact_phone && !setting.contact_email && !setting.contact_qq && !setting.contact_weixin)
    throw new WxError(86069);
  if (!setting.notice_method) throw new WxError(86070);
  return setting;
}

function view(setting: PrivacySetting | null, privacyList: string[], codeExist: boolean) {
  return {
    code_exist: codeExist ? 1 : 0,
    privacy_list: privacyList,
    setting_list: setting?.setting_list ?? [],
    update_time: setting?.update_time ?? 0,
    owner_setting: setting?.owner_setting ?? {
      contact_phone: '',
      contact_email: '',
      contact_qq: '',
      contact_weixin: '',
      ext_file_media_id: '',
      notice_method: '',
      store_expire_timestamp: '',
      store_region: 0,
    },
    privacy_desc: {
      privacy_desc_list: Object.entries(LABELS).map(([privacy_key, privacy_desc]) => ({ privacy_key, privacy_desc })),
    },
    sdk_privacy_info_list: setting?.sdk_privacy_info_list ?? [],
  };
}

/** 05 E22 — under /cgi-bin/component/ but with the authorizer token. */
export const privacyRoutes: Route[] = [
  {
    method: 'POST',
    path: '/cgi-bin/component/getprivacysetting',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const ver = optInt(ctx.body, 'privacy_ver') ?? 2;
      if (ver !== 1 && ver !== 2) throw new WxError(47001, 'privacy_ver must be 1 or 2');
      const experience = app.code.experience;
      return ok(
        view(
          ver === 2 ? app.code.privacyDev : app.code.privacyLive,
          experience?.privacyKeys ?? [],
          experience !== null,
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/component/setprivacysetting',
    token: 'authorizer',
    funcs: CODE,
    handle(ctx) {
      const app = callerApp(ctx);
      const ver = optInt(ctx.body, 'privacy_ver') ?? 2;
      if (ver !== 1 && ver !== 2) throw new WxError(47001, 'privacy_ver must be 1 or 2');
      const owner = optObject(ctx.body, 'owner_setting');
      if (owner === undefined) throw new WxError(86069);
      const now = ctx.sim.now();
      if (ver === 1) {
        const live = app.code.privacyLive;
        if (live === null) throw new WxError(86074);
        if (ctx.body['setting_list'] !== undefined)
          throw new WxError(47001, 'setting_list is not allowed for privacy_ver 1');
        const next = ownerSetting(owner, live.owner_setting);
        if (next.ext_file_media_id !== live.owner_setting.ext_file_media_id) throw new WxError(86075);
        app.code.privacyLive = { ...live, owner_setting: next, update_time: now };
        return ok();
      }
      const list = ctx.body['setting_list'];
      if (!Array.isArray(list)) throw new WxError(47001, 'setting_list missing');
      const settingList = list.map((item: unknown) => {
        if (typeof item !== 'object' || item === null) throw new WxError(47001, 'bad setting_list item');
        const { privacy_key: key, privacy_text: text } = item as Record<string, unknown>;
        if (typeof key !== 'string' || typeof text !== 'string' || text === '')
          throw new WxError(47001, 'privacy_key and privacy_text required');
        return { privacy_key: key, privacy_text: text, privacy_label: LABELS[key] ?? key };
      });
      const sdk = ctx.body['sdk_privacy_info_list'];
      app.code.privacyDev = {
        owner_setting: ownerSetting(owner, app.code.privacyDev?.owner_setting),
        setting_list: settingList,
        sdk_privacy_info_list: Array.isArray(sdk) ? sdk : [],
        update_time: now,
      };
      return ok();
    },
  },
];
