import { coded } from '../../contract/codes.js';
import type { Coded, MessageCode } from '../../contract/codes.js';
import type { PlatformInput } from '../../contract/settings.js';

/** Thrown for input the user must correct; the reason names the field and holds no secret. */
export class SettingsInputError extends Error {
  override readonly name = 'SettingsInputError';
  readonly contractCode = 'invalid_argument' as const;
  readonly reason: Coded;
  constructor(code: MessageCode) {
    super(code);
    this.reason = coded(code);
  }
}

const APPID = /^wx[0-9a-f]{16}$/i;
const AES_KEY = /^[A-Za-z0-9]{43}$/;
const TOKEN = /^[A-Za-z0-9]{3,32}$/;

export function checkPlatform(input: PlatformInput): void {
  if (input.componentAppid !== undefined && !APPID.test(input.componentAppid.trim())) {
    throw new SettingsInputError('settings_component_appid');
  }
  if (input.appsecret !== undefined && input.appsecret.trim().length < 16) {
    throw new SettingsInputError('settings_appsecret_short');
  }
  if (input.token !== undefined && input.token !== '' && !TOKEN.test(input.token.trim())) {
    throw new SettingsInputError('settings_token');
  }
  for (const key of [input.encodingAESKey, input.previousEncodingAESKey]) {
    if (typeof key === 'string' && key !== '' && !AES_KEY.test(key.trim())) {
      throw new SettingsInputError('settings_aes_key');
    }
  }
}

/** An http(s) origin (with an optional path prefix), without a trailing slash; '' clears it. */
export function checkRelayUrl(raw: string): string {
  const url = raw.trim().replace(/\/+$/, '');
  if (url === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SettingsInputError('settings_relay_url_invalid');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SettingsInputError('settings_relay_url_https');
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new SettingsInputError('settings_relay_url_extra');
  }
  return url;
}
