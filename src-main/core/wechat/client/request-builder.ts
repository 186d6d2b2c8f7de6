import type { EndpointSpec, WxMultipartFile } from '@wxfleet/protocol';
import type { HttpRequest } from './http-transport.js';

export type TokenParam = 'component_access_token' | 'access_token';

/** Legacy `/cgi-bin/component/*` endpoints take `component_access_token=`; everything else `access_token=`. */
export function tokenParamFor(path: string, tokenClass: EndpointSpec['token']): TokenParam {
  return tokenClass === 'component' && path.startsWith('/cgi-bin/component/')
    ? 'component_access_token'
    : 'access_token';
}

/** `ext_json` must reach WeChat as a JSON string, whatever a caller (or a raw call) passed. */
export function normalizeBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new TypeError('A WeChat request body must be an object.');
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if ('ext_json' in out && typeof out.ext_json !== 'string' && out.ext_json !== undefined) {
    out.ext_json = JSON.stringify(out.ext_json);
  }
  return out;
}

function isFile(value: unknown): value is WxMultipartFile {
  const v = value as Partial<WxMultipartFile> | null;
  return typeof v === 'object' && v !== null && v.data instanceof Uint8Array && typeof v.filename === 'string';
}

function toForm(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (isFile(value)) form.append(key, new Blob([value.data], { type: value.contentType }), value.filename);
    else if (value !== undefined) form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form;
}

export interface BuildInput {
  method: 'GET' | 'POST';
  path: string;
  tokenClass: EndpointSpec['token'];
  token: string | null;
  fixedQuery?: readonly string[];
  query?: Record<string, string>;
  body?: unknown;
  multipart?: boolean;
}

/** GET requests carry their fields in the query; POST requests always carry a body (`{}` when empty: 44002). */
export function buildRequest(input: BuildInput): HttpRequest {
  const params = new URLSearchParams();
  for (const pair of input.fixedQuery ?? []) {
    const [k, v = ''] = pair.split('=');
    if (k) params.append(k, v);
  }
  for (const [k, v] of Object.entries(input.query ?? {})) params.append(k, v);
  if (input.token !== null) params.append(tokenParamFor(input.path, input.tokenClass), input.token);
  if (input.method === 'GET') {
    for (const [k, v] of Object.entries(normalizeBody(input.body))) {
      if (v !== undefined && v !== null) params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
  }
  const qs = params.toString();
  const url = qs ? `${input.path}?${qs}` : input.path;
  if (input.method === 'GET') return { method: 'GET', url };
  const body = normalizeBody(input.body);
  return input.multipart ? { method: 'POST', url, form: toForm(body) } : { method: 'POST', url, json: body };
}
