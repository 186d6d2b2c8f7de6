import { newAppid, newGhId, randomHex, randomToken } from '../ids.js';
import type { Category, CodeState, DomainLists, Merchant, MiniProgram } from './types.js';

export function emptyDomains(): DomainLists {
  return { requestdomain: [], wsrequestdomain: [], uploaddomain: [], downloaddomain: [], udpdomain: [], tcpdomain: [] };
}

export function newCodeState(): CodeState {
  return {
    experience: null,
    audits: [],
    online: null,
    onlineIsRevert: false,
    history: [],
    nextAppVersion: 1,
    gray: null,
    visitStatus: 1,
    undo: { day: '', dayCount: 0, month: '', monthCount: 0 },
    testers: new Map(),
    domains: emptyDomains(),
    directDomains: emptyDomains(),
    webviewDomains: [],
    domainChanges: { month: '', count: 0 },
    privacyDev: null,
    privacyLive: null,
    supportVersion: '2.25.3',
  };
}

export interface MiniProgramSeed {
  appid?: string;
  nickName: string;
  signature?: string;
  categories?: Category[];
  serviceType?: number;
  verifyType?: number;
  registerType?: number;
}

export interface MerchantSeed {
  name: string;
  principalName?: string;
  adminWechat?: string;
  apps: MiniProgramSeed[];
}

export const DEFAULT_CATEGORY: Category = {
  first_class: '工具',
  second_class: '效率',
  third_class: '',
  first_id: 287,
  second_id: 612,
  third_id: 0,
};

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
    const app: MiniProgram = {
      appid,
      userName: newGhId(),
      merchantId: merchant.id,
      nickName: seed.nickName,
      signature: seed.signature ?? `${seed.nickName}的官方小程序`,
      principalName: merchant.principalName,
      categories: seed.categories ?? [DEFAULT_CATEGORY],
      serviceType: seed.serviceType ?? 0,
      verifyType: seed.verifyType ?? 0,
      registerType: seed.registerType ?? 0,
      authorization: null,
      options: { location_report: '0', voice_recognize: '0', customer_service: '0' },
      code: newCodeState(),
      nicknameAudits: new Map(),
    };
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
