import { randomToken } from '../ids.js';
import type { Sim } from '../sim.js';
import { LegacyRegistrations } from './legacy-registrations.js';
import { createRegisteredAccount } from './registered-account.js';

const DAY = 86400;

/** A registration task of the 2026 versions (06 F7 enterprise, F8 personal) or of the legacy personal body (F3). */
export interface RegistrationTask {
  taskid: string;
  kind: 'enterprise' | 'personal' | 'personal_legacy';
  /** The request, echoed in the result push's `<info>`. */
  info: Record<string, string>;
  status: number;
  authorizeUrl: string;
  timer: number | null;
  appid: string;
}

/** Status values differ between the enterprise (F7) and personal (F3/F8) enums. */
const STATUS = {
  enterprise: { created: 1, timedOut: 2, refused: 3, agreed: 4, done: 12 },
  personal: { created: 0, timedOut: 1, refused: 2, agreed: 3, done: 12 },
};
const statusesOf = (task: RegistrationTask) => (task.kind === 'enterprise' ? STATUS.enterprise : STATUS.personal);

/** Steps before the end (created, agreed, face, phone, submitted) of each enum. */
const IN_PROGRESS = {
  enterprise: new Set([1, 4, 5, 7, 8, 10]),
  personal: new Set([0, 3, 4, 6, 7, 9, 10]),
};
const inProgress = (task: RegistrationTask, status: number): boolean =>
  IN_PROGRESS[task.kind === 'enterprise' ? 'enterprise' : 'personal'].has(status);

/**
 * Registration tasks: the person behind `authorize_url` agrees or refuses, the account is created after
 * `fastRegistration.delaySeconds`, a result push goes out (layout a setting, 02 B18) with an `authorized` push.
 */
export class Registrations {
  readonly tasks = new Map<string, RegistrationTask>();
  /** Outcomes decided through the control API, used before the configured default. */
  readonly nextStatuses: number[] = [];
  readonly legacy = new LegacyRegistrations(this.nextStatuses);
  private readonly perWxuser = new Map<string, { day: number; count: number }>();

  create(sim: Sim, kind: RegistrationTask['kind'], info: Record<string, string>): RegistrationTask {
    const taskid = randomToken(12);
    const task: RegistrationTask = {
      taskid,
      kind,
      info,
      status: kind === 'enterprise' ? STATUS.enterprise.created : STATUS.personal.created,
      authorizeUrl: `${sim.baseUrl}/wxaopen/fastregister/confirm?taskid=${taskid}`,
      timer: null,
      appid: '',
    };
    this.tasks.set(taskid, task);
    task.timer = sim.clock.after(DAY, () => this.setStatus(sim, task, statusesOf(task).timedOut));
    return task;
  }

  /** 91030: a WeChat ID may be used 5 times a day (06 F8). */
  countWxuser(wxuser: string, day: number): boolean {
    const seen = this.perWxuser.get(wxuser);
    const entry = seen?.day === day ? seen : { day, count: 0 };
    if (entry.count >= 5) return false;
    entry.count++;
    this.perWxuser.set(wxuser, entry);
    return true;
  }

  /** The person's answer on the authorization page; the result follows after the configured delay. */
  confirm(sim: Sim, task: RegistrationTask, agree: boolean): boolean {
    const statuses = statusesOf(task);
    if (task.status !== statuses.created) return false;
    if (!agree) return this.setStatus(sim, task, statuses.refused);
    task.status = statuses.agreed;
    sim.clock.cancel(task.timer);
    task.timer = sim.clock.after(sim.config.fastRegistration.delaySeconds, () => {
      const decided = this.nextStatuses.shift() ?? sim.config.fastRegistration.defaultStatus;
      this.setStatus(sim, task, decided === 0 ? statuses.done : decided);
    });
    return true;
  }

  /** Moves the task; a final status creates the account (12) or reports the failure. */
  setStatus(sim: Sim, task: RegistrationTask, status: number): boolean {
    if (!inProgress(task, task.status)) return false;
    task.status = status;
    if (inProgress(task, status)) return true;
    const statuses = statusesOf(task);
    sim.clock.cancel(task.timer);
    task.timer = null;
    if (status === statuses.done) this.createAccount(sim, task);
    else this.push(sim, task, status, '', 'fail');
    return true;
  }

  private createAccount(sim: Sim, task: RegistrationTask): void {
    const account = createRegisteredAccount(sim, {
      name: task.info['name'] ?? task.info['wxuser'] ?? '',
      principalType: task.kind === 'enterprise' ? 1 : 0,
      registerType: task.kind === 'enterprise' ? 6 : 8,
    });
    task.appid = account.appid;
    this.push(sim, task, 0, account.authCode, 'OK');
    account.announce();
  }

  /** notify_third_fasteregister with the request echoed in `<info>` (02 B5; the 2026 layout is UNCONFIRMED, B18). */
  private push(sim: Sim, task: RegistrationTask, status: number, authCode: string, msg: string): void {
    const layout = sim.config.fastRegistration.resultPush;
    if (task.kind !== 'personal_legacy' && layout === 'none') return;
    const info =
      task.kind !== 'personal_legacy' && layout === 'with_taskid' ? { ...task.info, taskid: task.taskid } : task.info;
    sim.events.fastRegister({ appid: task.appid, status, authCode, msg, info });
  }
}
