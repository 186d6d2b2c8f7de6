import { coded } from '../../../contract/codes.js';
import type { Coded } from '../../../contract/codes.js';
import type { WeChatError } from './wechat-error.js';

/** What WeChat said, as the user's code. */
export function wechatReason(err: WeChatError): Coded {
  const endpoint = err.endpoint;
  if (err.kind === 'relay') return coded('relay_tunnel_failed', { endpoint }, err.errcode);
  if (err.errcode !== null) return coded('wechat_rejected', { endpoint }, err.errcode);
  if (err.httpStatus) return coded('wechat_http_status', { endpoint, status: err.httpStatus });
  return coded('wechat_unreachable', { endpoint });
}
