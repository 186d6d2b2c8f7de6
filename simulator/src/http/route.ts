import type { SimulatorConfig } from '../config.js';
import type { Sim } from '../sim.js';
import type { MiniProgram } from '../state/types.js';

export type JsonObject = Record<string, unknown>;

export type Caller = { kind: 'none' } | { kind: 'component' } | { kind: 'authorizer'; app: MiniProgram };

export interface RouteContext {
  sim: Sim;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body of a POST ({} for GET). */
  body: JsonObject;
  raw: Buffer;
  contentType: string;
  ip: string;
  rid: string;
  caller: Caller;
}

export type Reply = { json: JsonObject } | { binary: Buffer; contentType: string; headers?: Record<string, string> };

/**
 * `token`: which token class the endpoint takes. `either` = the caller's own token of either class.
 * `funcs`: permission sets the merchant must have granted (authorizer endpoints), any one suffices.
 * `body`: 'json' (default for POST), 'multipart' (uploadmedia).
 */
export interface Route {
  method: 'GET' | 'POST' | 'GET_OR_POST';
  path: string;
  token: 'none' | 'component' | 'authorizer' | 'either';
  funcs?: readonly number[];
  body?: 'json' | 'multipart';
  /** The errcode for a call without a token, where the reference leaves it open (default 41001). */
  missingTokenErrcode?: (config: SimulatorConfig) => number;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

export const ok = (fields: JsonObject = {}): Reply => ({ json: { errcode: 0, errmsg: 'ok', ...fields } });
