import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatStack, WeChatStackDeps } from './wechat-stack.js';
import { createWeChatStack } from './wechat-stack.js';
import type { Vault } from '../platform/vault/vault.js';
import type { EgressConfig } from './client/egress.js';
import { egressFromSettings } from './client/egress.js';
import type { HttpTransport } from './client/http-transport.js';

export type StackTuning = Partial<Pick<WeChatStackDeps, 'timeoutMs' | 'retry' | 'timing' | 'random'>>;
/** The core's observers, handed to every stack built so they outlive an egress change. */
export type StackHooks = Pick<WeChatStackDeps, 'watch' | 'onAuthorizationLost'>;

export interface StackHolderDeps {
  store: Store;
  vault: Vault;
  clock: Clock;
  logger: Logger;
  baseUrl: string | undefined;
  tuning?: StackTuning;
  hooks?: StackHooks;
}

export interface StackHolder {
  current(): WeChatStack;
  /** Rebuilds the stack when the egress (mode, relay URL, device token) changed; tokens stay in the vault. */
  refresh(): void;
  close(): void;
}

/** Every call fails with the configuration message until the relay egress is set up. */
const refusing = (error: Error): HttpTransport => ({
  send: () => Promise.reject(error),
  close: () => undefined,
});

export function createStackHolder(deps: StackHolderDeps): StackHolder {
  let key = '';
  let stack: WeChatStack | null = null;

  const build = (): WeChatStack => {
    const settings = deps.store.settings.data;
    const deviceToken = deps.vault.get('relay.deviceToken');
    let egress: EgressConfig;
    let transport: HttpTransport | undefined;
    try {
      egress = egressFromSettings(settings, deviceToken);
    } catch (error) {
      egress = { mode: 'relay', relayUrl: '', deviceToken: '' };
      transport = refusing(error as Error);
    }
    key = egress.mode === 'relay' ? `relay\u0000${egress.relayUrl}\u0000${egress.deviceToken}` : 'direct';
    return createWeChatStack({
      ...deps.tuning,
      ...deps.hooks,
      vault: deps.vault,
      store: deps.store,
      clock: deps.clock,
      logger: deps.logger,
      egress,
      ...(transport ? { transport } : {}),
      ...(deps.baseUrl === undefined ? {} : { baseUrl: deps.baseUrl }),
    });
  };

  const wanted = (): string => {
    const s = deps.store.settings.data;
    if (s.egress === 'direct') return 'direct';
    const token = deps.vault.get('relay.deviceToken') ?? '';
    return s.relayUrl && token ? `relay\u0000${s.relayUrl}\u0000${token}` : `relay\u0000\u0000`;
  };

  return {
    current() {
      stack ??= build();
      return stack;
    },
    refresh() {
      if (stack !== null && wanted() === key) return;
      stack?.close();
      stack = build();
      deps.logger.info('WeChat egress changed', { mode: deps.store.settings.data.egress });
    },
    close() {
      stack?.close();
      stack = null;
    },
  };
}
