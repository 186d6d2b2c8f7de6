import { WxError } from '../errors.js';
import { optStr, str } from '../http/fields.js';
import { ok } from '../http/route.js';
import type { Route, RouteContext } from '../http/route.js';
import type { Sim } from '../sim.js';

interface Task {
  name: string;
  code: string;
  code_type: number;
  legal_persona_wechat: string;
  legal_persona_name: string;
  component_phone: string;
  done: boolean;
}

const CODE_LENGTH: Record<number, RegExp> = { 1: /^[0-9A-Z]{18}$/, 2: /^[0-9A-Z]{8}-[0-9A-Z]$/, 3: /^\d{15}$/ };
const WECHAT_ID = /^[A-Za-z][-_A-Za-z0-9]{5,19}$/;
const DEFAULT_FUNCS = [17, 18, 19, 30];

/** Enterprise fast registration (06 F1, F2): tasks, their outcome after a delay, and the notify_third_fasteregister push. */
export class Registrations {
  private readonly tasks: Task[] = [];
  /** Outcomes decided through the control API, used before the configured default. */
  readonly nextStatuses: number[] = [];

  find(name: string, wechat: string, legalName: string): Task | undefined {
    return this.tasks.find(
      (t) => t.name === name && t.legal_persona_wechat === wechat && t.legal_persona_name === legalName,
    );
  }

  create(sim: Sim, task: Task): void {
    if (this.tasks.some((t) => !t.done && (t.name === task.name || t.code === task.code))) throw new WxError(89249);
    this.tasks.push(task);
    sim.clock.after(sim.config.fastRegistration.delaySeconds, () => this.finish(sim, task));
  }

  private finish(sim: Sim, task: Task): void {
    task.done = true;
    const status = this.nextStatuses.shift() ?? sim.config.fastRegistration.defaultStatus;
    const info = {
      name: task.name,
      code: task.code,
      code_type: task.code_type,
      legal_persona_wechat: task.legal_persona_wechat,
      legal_persona_name: task.legal_persona_name,
      component_phone: task.component_phone,
    };
    if (status !== 0) {
      sim.events.fastRegister({ appid: '', status, authCode: '', msg: 'fail', info });
      return;
    }
    const merchant = sim.accounts.addMerchant({
      name: task.name,
      principalName: task.name,
      adminWechat: task.legal_persona_wechat,
      apps: [],
    });
    const app = sim.accounts.addApp(merchant, {
      nickName: '',
      signature: '',
      verifyType: -1,
      registerType: 6,
      categories: [],
    });
    sim.accounts.authorize(app, DEFAULT_FUNCS, sim.now());
    const code = sim.credentials.createAuthCode(app.appid, '');
    sim.events.fastRegister({ appid: app.appid, status: 0, authCode: code.code, msg: 'OK', info });
    if (sim.config.fastRegistration.alsoPushAuthorized)
      sim.events.authorized('authorized', app.appid, code.code, code.expiresAt, '');
  }
}

function create(ctx: RouteContext, registrations: Registrations) {
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
  registrations.create(ctx.sim, {
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

function search(ctx: RouteContext, registrations: Registrations) {
  const field = (name: string): string => str(ctx.body, name, 89253);
  const task = registrations.find(field('name'), field('legal_persona_wechat'), field('legal_persona_name'));
  if (task === undefined) throw new WxError(89250);
  if (!task.done) throw new WxError(89251);
  return ok();
}

/** `/cgi-bin/component/fastregisterweapp?action=create|search` — one path, the action in the query. */
export function fastRegisterRoutes(registrations: Registrations): Route[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/component/fastregisterweapp',
      token: 'component',
      handle(ctx) {
        const action = ctx.query.get('action');
        if (action === 'create') return create(ctx, registrations);
        if (action === 'search') return search(ctx, registrations);
        throw new WxError(40097, 'action must be create or search');
      },
    },
  ];
}
