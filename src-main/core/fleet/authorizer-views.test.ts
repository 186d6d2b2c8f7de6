import { describe, expect, it } from 'vitest';
import type { AuthorizerRecord } from '../platform/store/authorizers-aggregate.js';
import type { AuthorizerViewDeps } from './authorizer-views.js';
import { createAuthorizerViews } from './authorizer-views.js';

const record = (appid: string, nickname: string): AuthorizerRecord => ({
  appid,
  nickname,
  userName: `gh_${appid}`,
  principal: 'P',
  funcInfo: [18],
  status: 'authorized',
  statusReason: null,
  authTime: null,
  updatedAt: 0,
});

function views() {
  const byAppid: Record<string, AuthorizerRecord> = {};
  const deps = {
    store: { authorizers: { data: { byAppid } }, authorizerExtras: { data: { byAppid: {} } } },
    emit: () => undefined,
    versions: () => ({ online: null, experience: null, audit: null, drift: false }),
    wechatSettings: async () => ({}),
    extVariables: () => ({}),
  } as unknown as AuthorizerViewDeps;
  return { byAppid, fleet: createAuthorizerViews(deps) };
}

describe('fleet list order', () => {
  it('stays by nickname then appid as mini-programs come, go, are renamed or change', () => {
    const { byAppid, fleet } = views();
    const names = (): string[] => fleet.list({}).map((r) => `${r.nickname}/${r.appid}`);
    byAppid.wx3 = record('wx3', 'Banana');
    byAppid.wx1 = record('wx1', 'Cherry');
    byAppid.wx2 = record('wx2', 'Apple');
    byAppid.wx0 = record('wx0', 'Apple');
    expect(names()).toEqual(['Apple/wx0', 'Apple/wx2', 'Banana/wx3', 'Cherry/wx1']);

    byAppid.wx1 = { ...byAppid.wx1!, nickname: 'Aardvark' };
    expect(names()).toEqual(['Aardvark/wx1', 'Apple/wx0', 'Apple/wx2', 'Banana/wx3']);

    byAppid.wx4 = record('wx4', 'Avocado');
    delete byAppid.wx0;
    expect(names()).toEqual(['Aardvark/wx1', 'Apple/wx2', 'Avocado/wx4', 'Banana/wx3']);

    // Replaced with the same name (a status change): same order, the new record's facts.
    delete byAppid.wx3;
    byAppid.wx9 = record('wx9', 'Zebra');
    byAppid.wx2 = { ...byAppid.wx2!, status: 'revoked' };
    expect(names()).toEqual(['Aardvark/wx1', 'Apple/wx2', 'Avocado/wx4', 'Zebra/wx9']);
    expect(fleet.list({}).find((r) => r.appid === 'wx2')?.status).toBe('revoked');
  });
});
