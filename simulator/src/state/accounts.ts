import { newAppid, newGhId, randomHex, randomToken } from '../ids.js';
import { appFromSeed } from './app-seed.js';
import type { MerchantSeed, MiniProgramSeed } from './app-seed.js';
import type { Merchant, MiniProgram } from './types.js';

export type { MerchantSeed, MiniProgramSeed } from './app-seed.js';
export { DEFAULT_CATEGORY, emptyDomains } from './app-seed.js';

/** Merchants and their mini-programs; an app is "authorized" while it has an Authorization. */
export class Accounts {
  readonly merchants = new Map<string, Merchant>();
  readonly apps = new Map<string, MiniProgram>();
  private readonly byUserName = new Map<string, MiniProgram>();

  addMerchant(seed: MerchantSeed): Merchant {
    const merchant: Merchant = {
      id: `m_${randomHex(8)}`,
      name: seed.name,
      principalName: seed.principalName ?? seed.name,
      adminWechat: seed.adminWechat ?? `admin_${randomHex(6)}`,
      apps: [],
    };
    this.merchants.set(merchant.id, merchant);
    for (const app of seed.apps) this.addApp(merchant, app);
    return merchant;
  }

  addApp(merchant: Merchant, seed: MiniProgramSeed): MiniProgram {
    const appid = seed.appid ?? newAppid();
    if (this.apps.has(appid)) throw new Error(`appid ${appid} already exists`);
    const app = appFromSeed(seed, { appid, userName: newGhId(), merchant });
    this.apps.set(appid, app);
    this.byUserName.set(app.userName, app);
    merchant.apps.push(appid);
    return app;
  }

  /** Grants (or re-grants) the platform: a re-authorization always gets a new refresh token (01 A5). */
  authorize(app: MiniProgram, funcIds: number[], now: number): { changed: boolean; isNew: boolean } {
    const previous = app.authorization;
    const sorted = [...new Set(funcIds)].sort((a, b) => a - b);
    const changed = previous === null || previous.funcIds.join(',') !== sorted.join(',');
    app.authorization = {
      funcIds: sorted,
      refreshToken: `refreshtoken@@@${randomToken(32)}`,
      authTime: now,
      exchanged: false,
    };
    return { changed, isNew: previous === null };
  }

  revoke(app: MiniProgram): void {
    app.authorization = null;
  }

  authorized(): MiniProgram[] {
    return [...this.apps.values()].filter((app) => app.authorization !== null);
  }
}
