/**
 * Plugs the release pipeline (templates, ext_json, ledger, audits, versions, jobs) into the core through
 * `extraHandlers`. The ledger is opened before the core because `extraHandlers` is synchronous.
 */
import { join } from 'node:path';
import type { InvokeHandlers } from '../contract/handlers';
import type { Clock } from '../core/platform/clock/clock';
import type { CoreContext } from '../core/app/core-context';
import { profilePaths } from '../core/platform/fs/profile-paths';
import { renderExtJson } from '../core/release/extjson/render-ext-json';
import { createReleaseHandlers } from '../core/app/release-handlers';
import { startRelease } from '../core/app/start-release';
import type { ReleaseRuntime } from '../core/app/start-release';
import type { Ledger } from '../core/release/ledger/ledger';
import { openLedger } from '../core/release/ledger/ledger';
import type { Logger } from '../core/platform/log/logger';
import type { ReleaseDeps } from '../core/release/release-deps';
import type { ReleaseSettings } from '../core/release/release-settings';
import { createReleaseLibrary, createTemplateHandlers } from '../core/app/template-handlers';
import type { WeChatApi } from '../core/wechat/client/wechat-api';
import { decorateWithVersions } from './version-decorators';

export interface ReleaseExtension {
  handlers: (ctx: CoreContext) => Partial<InvokeHandlers>;
  stop(): Promise<void>;
}

/** The WeChat stack is rebuilt when egress settings change, so every call reads the current one. */
function currentApi(ctx: CoreContext): WeChatApi {
  return new Proxy({} as WeChatApi, {
    get: (_target, name) => {
      const api = ctx.wechat.api as unknown as Record<PropertyKey, unknown>;
      const member = api[name];
      return typeof member === 'function' ? member.bind(api) : member;
    },
  });
}

export async function openReleaseExtension(options: {
  profileDir: string;
  profile: string;
  clock: Clock;
  logger: Logger;
  settings?: Partial<ReleaseSettings>;
}): Promise<ReleaseExtension> {
  const paths = profilePaths(options.profileDir, options.profile);
  const ledger: Ledger = await openLedger({
    dir: join(paths.storeDir, 'ledger'),
    logger: options.logger,
    clock: options.clock,
  });
  let runtime: ReleaseRuntime | null = null;

  return {
    handlers(ctx) {
      const api = currentApi(ctx);
      const library = createReleaseLibrary({
        store: ctx.store,
        api,
        ledger,
        clock: ctx.clock,
        logger: ctx.logger,
        emit: ctx.emit,
      });
      const deps: ReleaseDeps = {
        store: ctx.store,
        api,
        ledger,
        renderExtJson: (templateId, appid) => renderExtJson({ store: ctx.store }, templateId, appid),
        pushBus: ctx.pushBus,
        clock: ctx.clock,
        logger: ctx.logger,
        emit: ctx.emit,
        ...(options.settings === undefined ? {} : { settings: options.settings }),
      };
      const handlers = {
        ...createTemplateHandlers(
          { store: ctx.store, api, ledger, clock: ctx.clock, logger: ctx.logger, emit: ctx.emit },
          library,
        ),
        ...createReleaseHandlers(deps),
      };
      decorateWithVersions(ctx, ledger, library.templates);
      runtime = startRelease(deps);
      return handlers;
    },
    async stop() {
      await runtime?.stop();
    },
  };
}
