import type { AuthorizerRecord } from '../platform/store/authorizers-aggregate.js';
import type { AppliedPushEvent } from '../relay/client/index.js';

export type Attribution = { ok: true; appid: string | null } | { ok: false; detail: string };

export interface AttributionContext {
  componentAppid: string;
  authorizers: Record<string, AuthorizerRecord>;
}

/**
 * Which mini-program a push is about, from its signed and decrypted content; the URL's appid (unsigned: anyone can
 * post a captured push to another path) is only a cross-check, and a fallback for an account whose `gh_` id this
 * desktop has not read yet.
 */
export function attributePush(event: AppliedPushEvent, ctx: AttributionContext): Attribution {
  const { push } = event;
  const pathAppid = event.appid;
  if ('appId' in push && push.appId !== '' && ctx.componentAppid !== '' && push.appId !== ctx.componentAppid)
    return refused(`the push is for platform ${push.appId}, not ${ctx.componentAppid}`);
  if ('authorizerAppid' in push && push.authorizerAppid !== '') {
    if (pathAppid !== null && pathAppid !== push.authorizerAppid)
      return refused(`posted to ${pathAppid} but its content names ${push.authorizerAppid}`);
    return { ok: true, appid: push.authorizerAppid };
  }
  const userName = 'toUserName' in push ? push.toUserName : '';
  if (userName === '') return { ok: true, appid: pathAppid };
  const owner = Object.values(ctx.authorizers).find((a) => a.userName === userName);
  if (owner !== undefined) {
    if (pathAppid !== null && pathAppid !== owner.appid)
      return refused(`posted to ${pathAppid} but its content is for ${owner.appid} (${userName})`);
    return { ok: true, appid: owner.appid };
  }
  if (pathAppid === null) return { ok: true, appid: null };
  const known = ctx.authorizers[pathAppid]?.userName ?? '';
  if (known !== '') return refused(`posted to ${pathAppid} (${known}) but its content is for ${userName}`);
  return { ok: true, appid: pathAppid };
}

const refused = (detail: string): Attribution => ({ ok: false, detail });
