import { coded } from '../../contract/codes.js';
import type { Coded } from '../../contract/codes.js';
import { readCoded, storeCoded } from '../platform/store/stored-text.js';

export const missingCodePermission = (appid: string): Coded => coded('attention_missing_code_permission', { appid });

/** Stored as the authorizer's status reason (see stored-text). */
export const revokedReason = storeCoded(coded('status_revoked_by_merchant'));

/** For a mini-program whose refresh token is dead (61023) or whose admin changed the password (42007). */
export function needsReauth(name: string, statusReason: string | null): Coded {
  const why = statusReason === null ? null : readCoded(statusReason);
  return coded('attention_needs_reauth', { name }, why?.errcode);
}
