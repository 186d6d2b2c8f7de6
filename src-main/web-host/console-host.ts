import { dispatch } from '../contract/dispatch';
import type { InvokeChannel, InvokeMap } from '../contract/ipc';
import type { Result } from '../contract/result';
import type { AppConfig } from '../core/app/app-config';
import type { App } from '../core/app/create-app';
import { createApp } from '../core/app/create-app';
import type { CrashSource } from '../core/app/crash-watch';
import { profilePaths } from '../core/platform/fs/profile-paths';
import type { Keychain } from '../core/platform/vault/keychain';
import type { LoginLinkControl } from './login-link-control';
import { loginLinkSocketPath, startLoginLinkControl } from './login-link-control';
import type { RunningWebHost } from './server';
import { startWebHost } from './server';
import type { WebSessionOptions } from './session';

export interface ConsoleHostOptions {
  config: AppConfig;
  keychain: Keychain;
  rendererDir: string;
  port?: number;
  /** `process` when this host is the process (the CLI, the demo). */
  crashes?: CrashSource;
  session?: WebSessionOptions;
}

export interface ConsoleHost {
  origin: string;
  loginUrl(): string;
  /** In-process calls through the same validation and `Result` shape the browser gets (demo pre-wiring, tests). */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']): Promise<Result<InvokeMap[C]['result']>>;
  readonly app: App;
  close(): Promise<void>;
}

/** The app behind the browser host: the host adds only HTTP, the WebSocket for events and the login link. */
export async function startConsoleHost(options: ConsoleHostOptions): Promise<ConsoleHost> {
  let web: RunningWebHost | null = null;
  let control: LoginLinkControl | null = null;
  const app = await createApp(options.config, {
    keychain: options.keychain,
    // Nothing is emitted before `start`, which runs once the host listens.
    emit: (channel, payload) => web?.emit(channel, payload),
    ...(options.crashes ? { crashes: options.crashes } : {}),
  });
  try {
    web = await startWebHost({
      handlers: app.handlers,
      rendererDir: options.rendererDir,
      ...(options.port ? { port: options.port } : {}),
      ...(options.session ? { session: options.session } : {}),
    });
    control = await startControl(app, web);
    await app.start();
  } catch (error) {
    await control?.close();
    await web?.close();
    await app.stop();
    throw error;
  }
  const running = web;
  return {
    origin: running.origin,
    loginUrl: running.loginUrl,
    invoke: (channel, ...args) => dispatch(app.handlers, channel, args),
    app,
    async close() {
      await control?.close();
      await running.close();
      await app.stop();
    },
  };
}

/** `wxfleet login-link` asks this host for a new link; without it (another host serves the profile) the host still runs. */
async function startControl(app: App, web: RunningWebHost): Promise<LoginLinkControl | null> {
  const path = loginLinkSocketPath(profilePaths(app.config.profileDir, app.config.profile).dir);
  try {
    return await startLoginLinkControl(path, () => web.loginUrl());
  } catch (error) {
    app.services.logger.warn('login links cannot be handed out on request', { error });
    return null;
  }
}
