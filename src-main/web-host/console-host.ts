import { dispatch } from '../contract/dispatch';
import type { HandlerTable } from '../contract/dispatch';
import type { EmitEvent } from '../contract/handlers';
import type { InvokeChannel, InvokeMap } from '../contract/ipc';
import type { Result } from '../contract/result';
import type { Keychain } from '../core/platform/vault/keychain';
import { openConsole } from './open-console';
import { startWebHost } from './server';

export interface ConsoleHostOptions {
  profileDir: string;
  profile: string;
  keychain: Keychain;
  rendererDir: string;
  wechatBaseUrl?: string;
  port?: number;
  version?: string;
  keychainService?: string;
}

export interface ConsoleHost {
  origin: string;
  loginUrl(): string;
  /** In-process calls through the same validation and `Result` shape the browser gets (demo pre-wiring, tests). */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']): Promise<Result<InvokeMap[C]['result']>>;
  close(): Promise<void>;
}

/** The core behind the browser host; events emitted while the core starts are forwarded once the host listens. */
export async function startConsoleHost(options: ConsoleHostOptions): Promise<ConsoleHost> {
  const handlers: HandlerTable = {};
  const web = await startWebHost({
    handlers,
    rendererDir: options.rendererDir,
    ...(options.port ? { port: options.port } : {}),
  });
  const emit: EmitEvent = (channel, payload) => web.emit(channel, payload);
  try {
    const opened = await openConsole({
      profileDir: options.profileDir,
      profile: options.profile,
      keychain: options.keychain,
      emit,
      ...(options.keychainService === undefined ? {} : { keychainService: options.keychainService }),
      ...(options.wechatBaseUrl === undefined ? {} : { wechatBaseUrl: options.wechatBaseUrl }),
      appInfo: () => ({ name: 'wxfleet', version: options.version ?? '0.1.0', profile: options.profile }),
    });
    Object.assign(handlers, opened.handlers);
    return {
      origin: web.origin,
      loginUrl: web.loginUrl,
      invoke: (channel, ...args) => dispatch(handlers, channel, args),
      async close() {
        await web.close();
        await opened.close();
      },
    };
  } catch (error) {
    await web.close();
    throw error;
  }
}
