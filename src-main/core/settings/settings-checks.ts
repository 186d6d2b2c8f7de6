import type { PlatformInput } from '../../contract/settings.js';

/** Thrown for input the user must correct; the message names the field and holds no secret. */
export class SettingsInputError extends Error {
  override readonly name = 'SettingsInputError';
}

const APPID = /^wx[0-9a-f]{16}$/i;
const AES_KEY = /^[A-Za-z0-9]{43}$/;
const TOKEN = /^[A-Za-z0-9]{3,32}$/;

export function checkPlatform(input: PlatformInput): void {
  if (input.componentAppid !== undefined && !APPID.test(input.componentAppid.trim())) {
    throw new SettingsInputError('The component appid must be "wx" followed by 16 hexadecimal characters.');
  }
  if (input.appsecret !== undefined && input.appsecret.trim().length < 16) {
    throw new SettingsInputError('The appsecret looks too short; copy it again from the open platform.');
  }
  if (input.token !== undefined && input.token !== '' && !TOKEN.test(input.token.trim())) {
    throw new SettingsInputError('The message Token must be 3 to 32 letters or digits.');
  }
  for (const key of [input.encodingAESKey, input.previousEncodingAESKey]) {
    if (typeof key === 'string' && key !== '' && !AES_KEY.test(key.trim())) {
      throw new SettingsInputError('An EncodingAESKey is exactly 43 letters or digits.');
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
    throw new SettingsInputError('The relay URL is not a valid URL (e.g. https://relay.example.com).');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SettingsInputError('The relay URL must start with https://.');
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new SettingsInputError('The relay URL must not carry a query, a fragment or credentials.');
  }
  return url;
}
