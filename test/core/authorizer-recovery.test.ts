import { afterEach, describe, expect, it } from 'vitest';
import { readCoded } from '../../src-main/core/platform/store/stored-text.js';
import { AuthorizerUnavailableError } from '../../src-main/core/wechat/tokens/token-errors.js';
import {
  authorizerAccessTokenName,
  authorizerRefreshTokenName,
} from '../../src-main/core/platform/vault/secret-names.js';
import type { Harness } from './helpers/core-harness.js';
import { startHarness } from './helpers/core-harness.js';

const AUTHORIZER_TOKEN = '/cgi-bin/component/api_authorizer_token';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('authorizer reconciliation and revocation', () => {
  it('recovers a refresh token lost from the store by reconciliation', async () => {
    h = await startHarness();
    const [a = '', b = ''] = await h.onboard(2);
    const original = h.vault.get(authorizerRefreshTokenName(a));
    await h.vault.delete(authorizerRefreshTokenName(a));
    await h.vault.delete(authorizerAccessTokenName(a));
    const report = await h.reconcile();
    expect(report.recovered).toEqual([a]);
    expect(report.revoked).toEqual([]);
    expect(h.vault.get(authorizerRefreshTokenName(a))).toBe(original);
    expect((await h.api.getVersionInfo(a)).errcode ?? 0).toBe(0);
    expect(h.vault.has(authorizerRefreshTokenName(b))).toBe(true);
  });

  it('recovers a lost refresh token on demand, with no visible error', async () => {
    h = await startHarness();
    const [a = ''] = await h.onboard(1);
    await h.vault.delete(authorizerRefreshTokenName(a));
    await h.vault.delete(authorizerAccessTokenName(a));
    expect((await h.api.getVersionInfo(a)).errcode ?? 0).toBe(0);
    expect(await h.calls('/cgi-bin/component/api_get_authorizer_list')).toHaveLength(1);
  });

  it('re-adds an authorizer the store lost entirely', async () => {
    h = await startHarness();
    const [a = ''] = await h.onboard(1);
    await h.store.authorizers.update((d) => {
      delete d.byAppid[a];
    });
    const report = await h.reconcile();
    expect(report.added).toEqual([a]);
    expect(h.store.authorizers.data.byAppid[a]?.status).toBe('authorized');
  });

  it('marks a revoked merchant and does not retry it', async () => {
    h = await startHarness();
    const [a = '', b = ''] = await h.onboard(2);
    await h.api.getVersionInfo(a);
    await h.control('POST', '/merchant/revoke', { appid: a });

    const err = await h.api.getVersionInfo(a).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthorizerUnavailableError);
    expect((err as AuthorizerUnavailableError).problem).toBe('NEEDS_REAUTH');
    expect(h.store.authorizers.data.byAppid[a]?.status).toBe('needs_reauth');
    expect(readCoded(h.store.authorizers.data.byAppid[a]?.statusReason ?? '')).toEqual({
      code: 'status_lost_errcode',
      errcode: 61023,
    });

    const before = (await h.calls()).length;
    for (let i = 0; i < 5; i++)
      await expect(h.api.getVersionInfo(a)).rejects.toBeInstanceOf(AuthorizerUnavailableError);
    expect((await h.calls()).length).toBe(before); // nothing reached WeChat
    expect((await h.calls(AUTHORIZER_TOKEN)).filter((c) => c.errcode === 61023)).toHaveLength(1);

    // The other merchant is unaffected.
    expect((await h.api.getVersionInfo(b)).errcode ?? 0).toBe(0);
  });

  it('notices a silent revocation through reconciliation', async () => {
    h = await startHarness();
    const [a = '', b = ''] = await h.onboard(2);
    await h.control('POST', '/merchant/revoke', { appid: b });
    const report = await h.reconcile();
    expect(report.revoked).toEqual([b]);
    expect(h.store.authorizers.data.byAppid[b]?.status).toBe('revoked');
    expect(h.store.authorizers.data.byAppid[a]?.status).toBe('authorized');
    const before = (await h.calls()).length;
    await expect(h.api.getVersionInfo(b)).rejects.toMatchObject({ problem: 'REVOKED' });
    expect((await h.calls()).length).toBe(before);
  });

  it('recovers a merchant that authorized again when the exchange result was lost', async () => {
    h = await startHarness();
    const [a = ''] = await h.onboard(1);
    await h.control('POST', '/merchant/revoke', { appid: a });
    await h.reconcile();
    expect(h.store.authorizers.data.byAppid[a]?.status).toBe('revoked');
    const { authCode } = await h.control<{ authCode: string }>('POST', '/merchant/authorize', { appid: a });
    // Until the code is exchanged WeChat lists no refresh token: nothing to recover yet.
    expect((await h.reconcile()).withoutRefreshToken).toEqual([a]);
    // The exchange happens, but the process dies before storing its result.
    await h.api.apiQueryAuth({ component_appid: h.platform.componentAppid, authorization_code: authCode });
    const report = await h.reconcile();
    expect(report.reauthorized).toEqual([a]);
    expect(h.store.authorizers.data.byAppid[a]?.status).toBe('authorized');
    expect((await h.api.getVersionInfo(a)).errcode ?? 0).toBe(0);
  });
});
