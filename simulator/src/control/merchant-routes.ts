import { completeAuthorization, revokeAuthorization } from '../engine/authorization.js';
import { randomToken } from '../ids.js';
import type { Sim } from '../sim.js';
import type { MerchantSeed, MiniProgramSeed } from '../state/accounts.js';
import { updateApp } from '../state/app-seed.js';
import { ControlError, appOf, need } from './control-kit.js';
import type { ControlTable, Json } from './control-kit.js';
import { snapshot } from './snapshot.js';

function checkSeeds(sim: Sim, seeds: MerchantSeed[]): void {
  for (const seed of seeds) {
    const valid =
      typeof seed?.name === 'string' &&
      Array.isArray(seed.apps) &&
      seed.apps.every((app) => typeof app?.nickName === 'string');
    if (!valid) throw new ControlError(400, 'each merchant needs a name and apps: [{ nickName }]');
    if (
      seed.apps.some(
        (app) => app.appid !== undefined && (!/^wx[0-9a-f]{16}$/.test(app.appid) || sim.accounts.apps.has(app.appid)),
      )
    )
      throw new ControlError(409, 'appid malformed or already taken');
  }
}

/** Merchants, their mini-programs and what the merchant does on WeChat's side (authorize, revoke, mp console). */
export function merchantRoutes(sim: Sim, ticketsPaused: () => boolean): ControlTable {
  const authorize = (body: Json) => {
    const app = appOf(sim, body);
    const funcIds = Array.isArray(body['funcIds']) ? (body['funcIds'] as number[]) : [17, 18, 19, 30];
    const preAuthCode =
      typeof body['preAuthCode'] === 'string' ? body['preAuthCode'] : sim.credentials.createPreAuthCode().code;
    const state = sim.credentials.preAuthCodeState(preAuthCode);
    if (state !== 'ok') throw new ControlError(409, `pre_auth_code is ${state}`);
    return completeAuthorization(sim, app, funcIds, preAuthCode);
  };
  return {
    'GET /state': () => snapshot(sim, { ticketsPaused: ticketsPaused() }),
    'POST /merchants': (body) => {
      const seeds = need(
        Array.isArray(body['merchants']) ? (body['merchants'] as MerchantSeed[]) : undefined,
        'merchants must be an array',
      );
      checkSeeds(sim, seeds);
      return { merchants: seeds.map((seed) => sim.accounts.addMerchant(seed)) };
    },
    'POST /merchant/authorize': authorize,
    'POST /merchant/update': authorize,
    'POST /merchant/revoke': (body) => ({ revoked: revokeAuthorization(sim, appOf(sim, body)) }),
    'POST /app/update': (body) => {
      const app = appOf(sim, body);
      const { appid: _appid, ...patch } = body as unknown as MiniProgramSeed;
      updateApp(app, patch);
      return { updated: app.appid };
    },
    'POST /jscode': (body) => {
      const app = appOf(sim, body);
      const openid = typeof body['openid'] === 'string' ? body['openid'] : `o${randomToken(20)}`;
      const unionid = typeof body['unionid'] === 'string' ? body['unionid'] : undefined;
      const jsCode = sim.jscodes.issue(app.appid, openid, unionid, sim.now() + sim.config.jscode.codeSeconds);
      return { js_code: jsCode, openid };
    },
  };
}
