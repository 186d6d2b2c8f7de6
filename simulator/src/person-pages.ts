import type { IncomingMessage, ServerResponse } from 'node:http';
import { finishVerifyTask } from './engine/icp-filing.js';
import type { Registrations } from './engine/registrations.js';
import { escape, page } from './html-page.js';
import { readBody } from './http/api-handler.js';
import type { Sim } from './sim.js';

/** Where the fast-registration `authorize_url` (06 F7, F8) and the ICP `verify_url` (08 H7) lead. */
export const FAST_REGISTER_PAGE = '/wxaopen/fastregister/confirm';
export const ICP_VERIFY_PAGE = '/wxaopen/icp/verify';
export const PERSON_PAGES = new Set([FAST_REGISTER_PAGE, ICP_VERIFY_PAGE]);

const BUTTONS =
  '<form method="post"><button name="answer" value="agree">同意并完成人脸与手机验证</button> ' +
  '<button name="answer" value="refuse" style="background:#999">拒绝</button></form>';

/**
 * The pages a person opens in WeChat: the legal person (or the personal user) agreeing to a registration, the
 * admin doing the filing face verification. Their exact flow is not documented; one answer stands for all steps.
 */
export class PersonPages {
  constructor(
    private readonly sim: Sim,
    private readonly registrations: Registrations,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const form = req.method === 'POST' ? new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8')) : null;
    if (path === FAST_REGISTER_PAGE) return this.registration(res, query, form);
    return this.icpVerify(res, query, form);
  }

  private registration(res: ServerResponse, query: URLSearchParams, form: URLSearchParams | null): void {
    const task = this.registrations.tasks.get(query.get('taskid') ?? '');
    if (task === undefined)
      return page(res, 404, '链接无效', '<p class="err">找不到这个注册任务，请向服务商索取新的链接。</p>');
    const who =
      task.kind === 'enterprise'
        ? `企业：${task.info['name'] ?? ''}（${task.info['code'] ?? ''}）`
        : `微信号：${task.info['wxuser'] ?? ''}`;
    if (form === null)
      return page(
        res,
        200,
        '快速注册小程序',
        `<p>第三方平台申请为以下主体注册小程序。</p><p>${escape(who)}</p>${BUTTONS}`,
      );
    const agree = form.get('answer') === 'agree';
    if (!this.registrations.confirm(this.sim, task, agree))
      return page(res, 200, '快速注册小程序', `<p class="err">这个注册任务已经处理过（状态 ${task.status}）。</p>`);
    return page(res, 200, '快速注册小程序', agree ? '<p>已提交，小程序创建后会通知服务商。</p>' : '<p>已拒绝。</p>');
  }

  private icpVerify(res: ServerResponse, query: URLSearchParams, form: URLSearchParams | null): void {
    const app = this.sim.accounts.apps.get(query.get('appid') ?? '');
    const taskId = query.get('task_id') ?? '';
    if (app === undefined || !app.icp.verifyTasks.has(taskId))
      return page(res, 404, '链接无效', '<p class="err">找不到这个核验任务。</p>');
    if (form === null)
      return page(res, 200, '小程序备案 · 管理员身份核验', `<p>${escape(app.nickName || app.appid)}</p>${BUTTONS}`);
    if (!finishVerifyTask(this.sim, app, taskId, form.get('answer') === 'agree'))
      return page(res, 200, '小程序备案 · 管理员身份核验', '<p class="err">这个核验任务已经结束。</p>');
    return page(res, 200, '小程序备案 · 管理员身份核验', '<p>核验已完成。</p>');
  }
}
