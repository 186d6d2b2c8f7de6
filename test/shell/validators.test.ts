import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '@contract/ipc';
import { dispatch } from '@contract/dispatch';
import { VALIDATORS, validateArgs } from '@contract/validators';

const APPID = 'wx1234567890abcdef';
const spec = { templateId: 3, appids: [APPID], userVersion: '1.0.0', userDesc: '', canary: 0, autoRelease: false };

describe('argument validators', () => {
  it('has one validator per contract channel', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('accepts what the contract describes', () => {
    expect(validateArgs('app:info', [])).toBe(true);
    expect(validateArgs('authorizers:list', [{ search: '面', status: 'authorized', drift: true }])).toBe(true);
    expect(validateArgs('authorizers:sync', [null])).toBe(true);
    expect(validateArgs('settings:savePlatform', [{ previousEncodingAESKey: null }])).toBe(true);
    expect(validateArgs('jobs:startDeploy', [spec])).toBe(true);
    expect(validateArgs('jobs:startDeploy', [{ ...spec, auditBudget: 10, stopTheLine: 0.2 }])).toBe(true);
    expect(validateArgs('versions:setVisit', [APPID, 'close'])).toBe(true);
  });

  it('refuses extra arguments, unknown keys, wrong types and out-of-range values', () => {
    expect(validateArgs('app:info', [1])).toBe(false);
    expect(validateArgs('authorizers:get', [APPID, 'extra'])).toBe(false);
    expect(validateArgs('authorizers:get', ['../../etc/passwd'])).toBe(false);
    expect(validateArgs('authorizers:list', [{ status: 'anything' }])).toBe(false);
    expect(validateArgs('authorizers:list', [{ __proto__: { polluted: true }, search: 'x' }])).toBe(false);
    expect(validateArgs('settings:savePlatform', [{ appsecret: 'x', admin: true }])).toBe(false);
    expect(validateArgs('settings:savePlatform', [{ encodingAESKey: 'short' }])).toBe(false);
    expect(validateArgs('jobs:startDeploy', [{ ...spec, appids: [] }])).toBe(false);
    expect(validateArgs('jobs:startDeploy', [{ ...spec, canary: -1 }])).toBe(false);
    expect(validateArgs('jobs:startDeploy', [{ ...spec, templateId: '3' }])).toBe(false);
    expect(validateArgs('versions:grayRelease', [APPID, 101])).toBe(false);
    expect(validateArgs('versions:setVisit', [APPID, 'delete'])).toBe(false);
    expect(validateArgs('jobs:get', [{ toString: () => 'x' }])).toBe(false);
  });

  it('refuses constructor and __proto__ keys at any depth, and objects that are not plain data', () => {
    const config = (variables: unknown) => ({ templateId: 1, base: '{}', merchants: { [APPID]: { variables } } });
    expect(validateArgs('extjson:save', [config({ city: '上海' })])).toBe(true);
    expect(validateArgs('extjson:save', [config(JSON.parse('{"__proto__":"x"}'))])).toBe(false);
    expect(validateArgs('extjson:save', [config({ constructor: 'x' })])).toBe(false);
    expect(validateArgs('settings:savePlatform', [JSON.parse('{"constructor":{}}')])).toBe(false);
    expect(validateArgs('authorizers:list', [JSON.parse('{"__proto__":{"polluted":true}}')])).toBe(false);
    expect(validateArgs('authorizers:list', [new (class Filter {})()])).toBe(false);
    expect(validateArgs('authorizers:list', [Object.create(null)])).toBe(true);
  });

  it('turns refused arguments into invalid_argument with the channel, never calling the handler', async () => {
    let called = false;
    const handlers = { 'authorizers:list': async () => ((called = true), []) };
    const result = await dispatch(handlers, 'authorizers:list', [JSON.parse('{"constructor":1}')]);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_argument', reason: { code: 'bad_arguments', params: { channel: 'authorizers:list' } } },
    });
    expect(called).toBe(false);
  });
});
