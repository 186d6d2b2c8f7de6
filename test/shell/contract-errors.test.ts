import { describe, expect, it } from 'vitest';
import { coded } from '@contract/codes';
import { toContractError } from '@contract/dispatch';
import { CodedError } from '@contract/result';
import { keychainUnavailable } from '../../src-main/core/platform/vault/vault-errors.js';
import { WeChatError } from '../../src-main/core/wechat/client/wechat-error.js';
import { TemplateLibraryError } from '../../src-main/core/release/templates/template-errors.js';

describe('errors crossing the contract', () => {
  it('keep their kind, exact reason and errcode, and no prose', () => {
    expect(toContractError(new CodedError('invalid_argument', coded('unknown_job', { id: 'j1' })))).toEqual({
      code: 'invalid_argument',
      reason: { code: 'unknown_job', params: { id: 'j1' } },
    });
    expect(toContractError(new TemplateLibraryError(coded('template_not_found', { templateId: 3 })))).toEqual({
      code: 'invalid_argument',
      reason: { code: 'template_not_found', params: { templateId: 3 } },
    });
    const api = new WeChatError({ kind: 'api', endpoint: 'commit', path: '/wxa/commit', errcode: 85013, errmsg: 'x' });
    expect(toContractError(api)).toEqual({
      code: 'wechat_error',
      errcode: 85013,
      reason: { code: 'wechat_rejected', params: { endpoint: 'commit' }, errcode: 85013 },
    });
    const relay = new WeChatError({
      kind: 'relay',
      endpoint: 'commit',
      path: '/wxa/commit',
      errcode: null,
      errmsg: 'proxy refused',
      httpStatus: 407,
    });
    expect(toContractError(relay)).toEqual({
      code: 'relay_unreachable',
      reason: { code: 'relay_tunnel_failed', params: { endpoint: 'commit' } },
    });
    expect(toContractError(keychainUnavailable('acme', 'no D-Bus'))).toEqual({
      code: 'keychain_unavailable',
      reason: { code: 'keychain_unavailable' },
    });
  });

  it('turns anything else into internal without its text (the text stays in the log)', () => {
    const error = toContractError(new Error('ENOSPC: no space left on device, write /home/u/profile'));
    expect(error).toEqual({ code: 'internal' });
    expect(toContractError('boom')).toEqual({ code: 'internal' });
  });
});
