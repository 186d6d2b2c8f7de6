import { PRIVACY_LABELS as LABELS } from '../engine/privacy-apis.js';
import { WxError } from '../errors.js';
import { callerApp, optInt, optObject } from '../http/fields.js';
import { randomDigits } from '../ids.js';
import { multipartParts } from '../http/multipart.js';
import { ok } from '../http/route.js';
import type { Route } from '../http/route.js';
import type { MiniProgram, OwnerSetting, PrivacySetting } from '../state/types.js';

const CODE = [18] as const;

const EXT_FILE_LIMIT = 100 * 1024;

function ownerSetting(
  app: MiniProgram,
  input: Record<string, unknown>,
  previous: OwnerSetting | undefined,
): OwnerSetting {
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
  if (setting.ext_file_media_id !== '' && !app.code.privacyExtFiles.has(setting.ext_file_media_id))
    throw new WxError(86073);
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
        const next = ownerSetting(app, owner, live.owner_setting);
        if (next.ext_file_media_id !== live.owner_setting.ext_file_media_id) throw new WxError(86075);
        app.code.privacyLive = { ...live, owner_setting: next, update_time: now };
        return ok();
      }
      const list = ctx.body['setting_list'];
      if (!Array.isArray(list)) throw new WxError(47001, 'setting_list missing');
      // Empty or vague purpose texts are accepted here and rejected by the audit (05 E22).
      const settingList = list.map((item: unknown) => {
        if (typeof item !== 'object' || item === null) throw new WxError(47001, 'bad setting_list item');
        const { privacy_key: key, privacy_text: text } = item as Record<string, unknown>;
        if (typeof key !== 'string' || key === '' || typeof text !== 'string')
          throw new WxError(47001, 'privacy_key and privacy_text required');
        return { privacy_key: key, privacy_text: text, privacy_label: LABELS[key] ?? key };
      });
      const sdk = ctx.body['sdk_privacy_info_list'];
      app.code.privacyDev = {
        owner_setting: ownerSetting(app, owner, app.code.privacyDev?.owner_setting),
        setting_list: settingList,
        sdk_privacy_info_list: Array.isArray(sdk) ? sdk : [],
        update_time: now,
      };
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/cgi-bin/component/uploadprivacyextfile',
    token: 'authorizer',
    funcs: CODE,
    body: 'multipart',
    // 05 E25: a TXT file of at most 100 KB, for owner_setting.ext_file_media_id of the development guide.
    handle(ctx) {
      const app = callerApp(ctx);
      const file = multipartParts(ctx).get('file');
      if (file?.filename === undefined || file.data.length === 0) throw new WxError(41005);
      const text = file.data.toString('utf8');
      const isText = !text.includes('\uFFFD') && !text.includes('\u0000');
      if (file.data.length > EXT_FILE_LIMIT) throw new WxError(isText ? 40126 : 40006);
      if (!isText) throw new WxError(40005);
      const id = `2${randomDigits(18)}`;
      app.code.privacyExtFiles.add(id);
      return ok({ ext_file_media_id: id });
    },
  },
];
