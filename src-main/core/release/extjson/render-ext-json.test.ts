import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock/manual-clock.js';
import { openLedger } from '../ledger/ledger.js';
import type { Ledger } from '../ledger/ledger.js';
import { silentLogger } from '../../platform/log/logger.js';
import type { Store } from '../../platform/store/store.js';
import { openStore } from '../../platform/store/store.js';
import type { ExtJsonService } from './ext-json-service.js';
import { createExtJsonService } from './ext-json-service.js';
import { renderExtJson } from './render-ext-json.js';

const A = 'wx1111222233334444';
const B = 'wx5555666677778888';
const BASE = JSON.stringify({
  extEnable: true,
  extAppid: '{{appid}}',
  ext: { shopId: '{{shopId}}', apiBase: '{{apiBase}}', name: '{{nickname}}' },
  window: { navigationBarTitleText: '{{nickname}}', navigationBarBackgroundColor: '#ffffff' },
});

describe('ext_json', () => {
  let root: string;
  let store: Store;
  let ledger: Ledger;
  let svc: ExtJsonService;
  const clock = new ManualClock();
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'wxfleet-extjson-'));
    store = await openStore({ dir: join(root, 'store'), logger: silentLogger, clock });
    ledger = await openLedger({ dir: join(root, 'ledger'), logger: silentLogger, clock });
    await store.authorizers.update((d) => {
      for (const [appid, nickname] of [
        [A, 'Demo "Shop"'],
        [B, 'Other'],
      ] as const) {
        d.byAppid[appid] = {
          appid,
          nickname,
          userName: '',
          principal: '',
          funcInfo: [18],
          status: 'authorized',
          statusReason: null,
          authTime: null,
          updatedAt: 0,
        };
      }
    });
    svc = createExtJsonService({ store, ledger, clock });
    await svc.save({
      templateId: 9,
      base: BASE,
      merchants: {
        [A]: {
          variables: { shopId: '1001', apiBase: 'https://api.a.example' },
          override: '{"window":{"navigationBarBackgroundColor":"#000000"},"requiredPrivateInfos":["getLocation"]}',
        },
        [B]: { variables: { shopId: '2002' } },
      },
    });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('renders variables (quotes included) and deep-merges the override', () => {
    const r = renderExtJson({ store }, 9, A);
    expect(r.errors).toEqual([]);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(r.extJson)).toEqual({
      extEnable: true,
      extAppid: A,
      ext: { shopId: '1001', apiBase: 'https://api.a.example', name: 'Demo "Shop"' },
      window: { navigationBarTitleText: 'Demo "Shop"', navigationBarBackgroundColor: '#000000' },
      requiredPrivateInfos: ['getLocation'],
    });
  });

  it('names an unknown variable left unresolved', () => {
    expect(renderExtJson({ store }, 9, B).errors).toEqual(['unknown variable {{apiBase}} at $.ext.apiBase']);
  });

  it('reports a wrong extAppid, extEnable not true and an oversize text', async () => {
    await svc.save({
      templateId: 9,
      base: BASE,
      merchants: {
        [A]: {
          variables: { shopId: 'x'.repeat(300), apiBase: 'b' },
          override: `{"extAppid":"${B}","extEnable":false}`,
        },
      },
    });
    const r = renderExtJson({ store, extJsonLimits: { maxBytes: 200 } }, 9, A);
    expect(r.errors).toEqual([
      `extAppid is "${B}", not ${A}`,
      'extEnable must be true',
      expect.stringMatching(/^ext_json is \d+ bytes, over the limit of 200$/),
    ]);
    await svc.save({ templateId: 9, base: '{"ext":{}}', merchants: {} });
    expect(renderExtJson({ store }, 9, A).errors).toEqual([
      `extAppid is missing (it must be ${A})`,
      'extEnable must be true',
    ]);
  });

  it('refuses to save invalid JSON, and reports a stored override that is not an object', async () => {
    await expect(svc.save({ templateId: 9, base: '{"extEnable": true,', merchants: {} })).rejects.toMatchObject({
      reason: { code: 'json_invalid', params: { what: 'base' } },
    });
    await expect(
      svc.save({ templateId: 9, base: BASE, merchants: { [A]: { variables: {}, override: '[1]' } } }),
    ).rejects.toMatchObject({ reason: { code: 'json_not_object', params: { what: `override ${A}` } } });
    await store.extJson.update((d) => {
      const c = d.byTemplate['9'];
      if (c) c.merchants[A] = { variables: {}, override: '{oops' };
    });
    expect(renderExtJson({ store }, 9, A).errors[0]).toMatch(/^the override of wx1111222233334444 is not valid JSON/);
  });

  it('uses a minimal base for a template nobody configured', () => {
    const r = renderExtJson({ store }, 42, B);
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.extJson)).toEqual({ extEnable: true, extAppid: B, ext: {} });
  });

  it('previews with a line diff against the ext_json of the last commit in the ledger', async () => {
    const first = renderExtJson({ store }, 9, A);
    const [fresh] = svc.preview(9, [A]);
    expect(fresh?.diff[0]).toMatch(/^@@ -0,0 \+1,\d+ @@$/);
    expect(fresh?.diff.slice(1).every((l) => l.startsWith('+'))).toBe(true);
    await ledger.record({
      appid: A,
      kind: 'commit',
      templateId: 9,
      userVersion: '1.0.0',
      extJsonHash: null,
      extJson: first.extJson,
      auditId: null,
      reason: null,
      screenshots: [],
      jobId: null,
      detail: null,
    });
    expect(svc.current(A)).toBe(first.extJson);
    const config = svc.get(9);
    const a = config.merchants[A];
    if (a) a.variables['shopId'] = '1002';
    await svc.save(config);
    const [changed] = svc.preview(9, [A]);
    expect(changed?.errors).toEqual([]);
    expect(changed?.diff.filter((l) => /^[-+]/.test(l))).toEqual(['-    "shopId": "1001",', '+    "shopId": "1002",']);
    expect(changed?.diff[0]).toMatch(/^@@ /);
  });
});
