import { WxError } from '../errors.js';
import type { Sim } from '../sim.js';
import { createRegisteredAccount } from './registered-account.js';

interface LegacyTask {
  name: string;
  code: string;
  code_type: number;
  legal_persona_wechat: string;
  legal_persona_name: string;
  component_phone: string;
  done: boolean;
}

/**
 * The retired enterprise flow of fastregisterweapp (06 F1, F2), served only with `fastRegistration.legacyRetired:
 * false`: the legal person's confirmation is simulated by the delay, then notify_third_fasteregister.
 */
export class LegacyRegistrations {
  private readonly tasks: LegacyTask[] = [];

  constructor(private readonly nextStatuses: number[]) {}

  find(name: string, wechat: string, legalName: string): LegacyTask | undefined {
    return this.tasks.find(
      (t) => t.name === name && t.legal_persona_wechat === wechat && t.legal_persona_name === legalName,
    );
  }

  create(sim: Sim, task: LegacyTask): void {
    if (this.tasks.some((t) => !t.done && (t.name === task.name || t.code === task.code))) throw new WxError(89249);
    this.tasks.push(task);
    sim.clock.after(sim.config.fastRegistration.delaySeconds, () => this.finish(sim, task));
  }

  private finish(sim: Sim, task: LegacyTask): void {
    task.done = true;
    const status = this.nextStatuses.shift() ?? sim.config.fastRegistration.defaultStatus;
    const { done: _done, ...info } = task;
    if (status !== 0) {
      sim.events.fastRegister({ appid: '', status, authCode: '', msg: 'fail', info });
      return;
    }
    const account = createRegisteredAccount(sim, {
      name: task.name,
      adminWechat: task.legal_persona_wechat,
      principalType: 1,
      registerType: 6,
    });
    sim.events.fastRegister({ appid: account.appid, status: 0, authCode: account.authCode, msg: 'OK', info });
    account.announce();
  }
}
