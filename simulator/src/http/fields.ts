import { WxError } from '../errors.js';
import type { JsonObject, RouteContext } from './route.js';

/** A required string field; missing → `missing` errcode, wrong type → 47001. */
export function str(body: JsonObject, name: string, missing = 47001): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw new WxError(missing, `${name} missing`);
  if (typeof value !== 'string') throw new WxError(47001, `${name} must be a string`);
  return value;
}

export function optStr(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new WxError(47001, `${name} must be a string`);
  return value;
}

/** Ids are numbers in responses; WeChat also accepts numeric strings in requests (API.md conventions). */
export function idField(body: JsonObject, name: string, missing = 47001): number {
  const value = body[name];
  if (value === undefined || value === null || value === '') throw new WxError(missing, `${name} missing`);
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw new WxError(47001, `${name} must be a number`);
  return id;
}

export function optInt(body: JsonObject, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new WxError(47001, `${name} must be an integer`);
  return value;
}

export function optBool(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new WxError(47001, `${name} must be a boolean`);
  return value;
}

export function optStrings(body: JsonObject, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new WxError(47001, `${name} must be an array of strings`);
  return value as string[];
}

export function optObject(body: JsonObject, name: string): JsonObject | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new WxError(47001, `${name} must be an object`);
  return value as JsonObject;
}

/** `component_appid` in the body: 41018 when missing, 40013 when it is not this platform. */
export function checkComponentAppid(ctx: RouteContext, name = 'component_appid'): void {
  const appid = str(ctx.body, name, 41018);
  if (appid !== ctx.sim.config.platform.componentAppid) throw new WxError(40013);
}

/** The app an authorizer token belongs to; the route table guarantees the caller kind. */
export function callerApp(ctx: RouteContext) {
  if (ctx.caller.kind !== 'authorizer') throw new WxError(86000);
  return ctx.caller.app;
}
