/**
 * Envelope shared by every JSON response. Errors always carry `errcode` (and an errmsg ending in `rid: …`);
 * success may omit `errcode` or send 0, so "absent" means success (01 intro).
 */
export interface WxBaseResponse {
  errcode?: number;
  errmsg?: string;
}

/** Response of endpoints that return nothing but the envelope. */
export type WxOkResponse = WxBaseResponse;

/**
 * `template_id`, `draft_id`, `auditid`: numbers in responses, but WeChat also accepts numeric strings in requests
 * (official examples do both; API.md global conventions). Clients should send numbers.
 */
export type WxId = number | string;

/** Request without fields. For GET: no query parameters. For POST the body is still the JSON `{}`. */
export type WxEmptyRequest = Record<string, never>;

/**
 * Success body of `get_qrcode` / `get_material`: raw image bytes. Failures come back as JSON
 * (`WxBaseResponse`), so a client has to branch on `Content-Type` (05 E4).
 */
export interface WxBinaryResponse {
  contentType: string;
  data: Uint8Array;
}

/** One file part of a `multipart/form-data` body (`/wxa/uploadmedia`, field `media`). */
export interface WxMultipartFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}
