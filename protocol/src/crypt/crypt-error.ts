/** Why a push could not be authenticated or decrypted. `demoCode` is the WXBizMsgCrypt demo number (03 C8). */
export type WxCryptErrorCode =
  'bad_key' | 'bad_signature' | 'bad_base64' | 'bad_length' | 'bad_padding' | 'appid_mismatch';

const DEMO_CODES: Record<WxCryptErrorCode, number> = {
  bad_key: -40004,
  bad_signature: -40001,
  bad_base64: -40010,
  bad_length: -40008,
  bad_padding: -40008,
  appid_mismatch: -40005,
};

export class WxCryptError extends Error {
  readonly code: WxCryptErrorCode;
  readonly demoCode: number;

  constructor(code: WxCryptErrorCode, message: string) {
    super(message);
    this.name = 'WxCryptError';
    this.code = code;
    this.demoCode = DEMO_CODES[code];
  }
}
