import { dayKey } from '../clock.js';
import type { Registrations, RegistrationTask } from '../engine/registrations.js';
import { WxError } from '../errors.js';
import { callerApp, optStr, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { JsonObject, Reply, Route, RouteContext } from '../http/route.js';

const CODE_LENGTH: Record<number, RegExp> = { 1: /^[0-9A-Z]{18}$/, 2: /^[0-9A-Z]{8}-[0-9A-Z]$/, 3: /^\d{15}$/ };
const CREDIT_CODE = CODE_LENGTH[1]!;
const WECHAT_ID = /^[A-Za-z][-_A-Za-z0-9]{5,19}$/;

/** What a retired call answers (06: retired 2026-04-30; the answer itself is not in the reference). */
function retiredUnlessServed(ctx: RouteContext): void {
  if (ctx.sim.config.fastRegistration.legacyRetired)
    throw new WxError(ctx.sim.config.fastRegistration.retiredErrcode, 'api retired');
}

const taskView = (task: RegistrationTask) =>
  ok({ taskid: task.taskid, authorize_url: task.authorizeUrl, status: task.status });

function queryTask(ctx: RouteContext, registrations: Registrations, kind: RegistrationTask['kind'][]) {
  const task = registrations.tasks.get(str(ctx.body, 'taskid', 86030));
  if (task === undefined || !kind.includes(task.kind)) throw new WxError(89250);
  return taskView(task);
}

function legacyCreate(ctx: RouteContext, registrations: Registrations) {
  const field = (name: string): string => str(ctx.body, name, 89253);
  const name = field('name');
  const code = field('code');
  const codeType = ctx.body['code_type'];
  const wechat = field('legal_persona_wechat');
  const legalName = field('legal_persona_name');
  if (codeType === undefined) throw new WxError(89253);
  const pattern = typeof codeType === 'number' ? CODE_LENGTH[codeType] : undefined;
  if (pattern === undefined) throw new WxError(89248);
  if (!pattern.test(code)) throw new WxError(89255);
  if (!WECHAT_ID.test(wechat)) throw new WxError(86004);
  registrations.legacy.create(ctx.sim, {
    name,
    code,
    code_type: codeType as number,
    legal_persona_wechat: wechat,
    legal_persona_name: legalName,
    component_phone: optStr(ctx.body, 'component_phone') ?? '',
    done: false,
  });
  return { json: { errcode: 0, errmsg: 'OK' } };
}

function legacySearch(ctx: RouteContext, registrations: Registrations) {
  const field = (name: string): string => str(ctx.body, name, 89253);
  const task = registrations.legacy.find(field('name'), field('legal_persona_wechat'), field('legal_persona_name'));
  if (task === undefined) throw new WxError(89250);
  if (!task.done) throw new WxError(89251);
  return ok();
}

/** 06 F7: `new_version: true` with name + credit code; the openid body only when configured (UNCONFIRMED 27). */
function enterpriseCreate(ctx: RouteContext, registrations: Registrations) {
  const { body } = ctx;
  const name = str(body, 'name', 86030);
  const code = str(body, 'code', 86030);
  const info: Record<string, string> = { name, code, component_phone: optStr(body, 'component_phone') ?? '' };
  if (body['new_version'] !== true) {
    if (!ctx.sim.config.fastRegistration.enterpriseOpenidBody) throw new WxError(86030, 'new_version missing');
    const codeType = body['code_type'];
    const pattern = typeof codeType === 'number' ? CODE_LENGTH[codeType] : undefined;
    if (pattern === undefined) throw new WxError(86030, 'code_type missing');
    if (!pattern.test(code)) throw new WxError(89255);
    info['legal_persona_openid'] = str(body, 'legal_persona_openid', 86030);
    info['legal_persona_name'] = str(body, 'legal_persona_name', 86030);
  } else if (!CREDIT_CODE.test(code)) throw new WxError(89255);
  return taskView(registrations.create(ctx.sim, 'enterprise', info));
}

/** 06 F8: `{ wxuser, component_phone, new_version: true }`; the F3 body with `idname` is retired. */
function personalCreate(ctx: RouteContext, registrations: Registrations) {
  const { body } = ctx;
  const legacy = body['new_version'] !== true;
  if (legacy) retiredUnlessServed(ctx);
  const wxuser = str(body, 'wxuser', 86030);
  if (!WECHAT_ID.test(wxuser)) throw new WxError(legacy ? 86004 : 86032);
  const info: Record<string, string> = { wxuser, component_phone: optStr(body, 'component_phone') ?? '' };
  if (legacy) info['idname'] = str(body, 'idname', 86030);
  if (!registrations.countWxuser(wxuser, Number(dayKey(ctx.sim.now()).replaceAll('-', '')))) throw new WxError(91030);
  return taskView(registrations.create(ctx.sim, legacy ? 'personal_legacy' : 'personal', info));
}

/** 06 F9 (new body) and F4's verify_info (still accepted unless configured otherwise: its retirement is UNCONFIRMED). */
function verifyBeta(ctx: RouteContext) {
  const app = callerApp(ctx);
  const { sim } = ctx;
  const verify = ctx.body['verify_info'];
  if (typeof verify !== 'object' || verify === null || Array.isArray(verify)) throw new WxError(86030);
  const info = verify as JsonObject;
  const newVersion = ctx.body['new_version'] === true;
  if (!newVersion && !sim.config.fastRegistration.verifyBetaOldBody) throw new WxError(86030, 'new_version missing');
  const name = str(info, 'enterprise_name', 86030);
  const code = str(info, 'code', 86030);
  if (!newVersion) for (const key of ['legal_persona_wechat', 'legal_persona_name']) str(info, key, 86030);
  if (!CREDIT_CODE.test(code)) throw new WxError(89255);
  sim.clock.after(sim.config.fastRegistration.delaySeconds, () => {
    app.principalName = name;
    app.serviceType = 0;
    const echo = { name, code, component_phone: optStr(info, 'component_phone') ?? '' };
    sim.events.fastRegister(
      { appid: app.appid, status: 0, authCode: '', msg: 'OK', info: echo },
      'notify_third_fastverifybetaapp',
    );
  });
  return ok();
}

/** 06 F1–F3, F7–F9: one path per flow, the action in the query. */
export function fastRegisterRoutes(registrations: Registrations): Route[] {
  const byAction =
    (create: (ctx: RouteContext) => Reply, query: (ctx: RouteContext) => Reply, queryName = 'query') =>
    (ctx: RouteContext) => {
      const action = ctx.query.get('action');
      if (action === 'create') return create(ctx);
      if (action === queryName) return query(ctx);
      throw new WxError(40097, `action must be create or ${queryName}`);
    };
  return [
    {
      method: 'POST',
      path: '/cgi-bin/component/fastregisterweapp',
      token: 'component',
      handle(ctx) {
        retiredUnlessServed(ctx);
        return byAction(
          (c) => legacyCreate(c, registrations),
          (c) => legacySearch(c, registrations),
          'search',
        )(ctx);
      },
    },
    {
      method: 'POST',
      path: '/wxa/component/fastregisterenterpriseweapp',
      token: 'component',
      handle: byAction(
        (c) => enterpriseCreate(c, registrations),
        (c) => queryTask(c, registrations, ['enterprise']),
      ),
    },
    {
      method: 'POST',
      path: '/wxa/component/fastregisterpersonalweapp',
      token: 'component',
      handle: byAction(
        (c) => personalCreate(c, registrations),
        (c) => {
          if (c.body['new_version'] !== true) retiredUnlessServed(c);
          return queryTask(c, registrations, ['personal', 'personal_legacy']);
        },
      ),
    },
    { method: 'POST', path: '/wxa/verifybetaweapp', token: 'authorizer', funcs: [81], handle: verifyBeta },
  ];
}
