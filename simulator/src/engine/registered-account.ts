import type { Sim } from '../sim.js';

const DEFAULT_FUNCS = [17, 18, 19, 30];

export interface RegisteredAccount {
  appid: string;
  authCode: string;
  /** The new account is authorized to the platform: an `authorized` push too (06 intro, 02 B5), when configured. */
  announce(): void;
}

/**
 * The mini program a fast registration creates (06): a merchant of its own, authorized to the platform, with no
 * name, avatar, introduction, category or ICP filing yet, and unverified.
 */
export function createRegisteredAccount(
  sim: Sim,
  who: { name: string; adminWechat?: string; principalType: number; registerType: number },
): RegisteredAccount {
  const merchant = sim.accounts.addMerchant({
    name: who.name,
    principalName: who.name,
    ...(who.adminWechat === undefined ? {} : { adminWechat: who.adminWechat }),
    apps: [],
  });
  const app = sim.accounts.addApp(merchant, {
    nickName: '',
    signature: '',
    headImage: false,
    categories: [],
    icpStatus: 1024,
    principalType: who.principalType,
    verifyType: -1,
    registerType: who.registerType,
  });
  sim.accounts.authorize(app, DEFAULT_FUNCS, sim.now());
  const code = sim.credentials.createAuthCode(app.appid, '');
  return {
    appid: app.appid,
    authCode: code.code,
    announce() {
      if (sim.config.fastRegistration.alsoPushAuthorized)
        sim.events.authorized('authorized', app.appid, code.code, code.expiresAt, '');
    },
  };
}
