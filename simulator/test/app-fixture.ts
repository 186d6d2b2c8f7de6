import { authorizeApp, startTestSim, unauthorizedApp } from './helpers.js';
import type { HttpResult, Session, TestSim } from './helpers.js';

/** A demo simulator with one freshly authorized, ready mini-program (山野手作) and calls bound to its token. */
export interface AppFixture {
  sim: TestSim;
  session: Session;
  appid: string;
  post(path: string, body: unknown): Promise<HttpResult>;
  get(path: string, extra?: string): Promise<HttpResult>;
  advance(seconds: number): Promise<unknown>;
  /** Changes the app as its merchant would on mp.weixin.qq.com. */
  update(patch: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

export const GUIDE = {
  owner_setting: { contact_email: 'ops@example.com', notice_method: '弹窗提示' },
  setting_list: [{ privacy_key: 'UserInfo', privacy_text: '用于登录后展示头像和昵称' }],
};

/** Template 1 of the demo seed is the ordering build using getLocation and chooseAddress; 2 uses no privacy API. */
export const ORDERING = 1;
export const BOOKING = 2;

export const commitBody = (templateId: number, ext: Record<string, unknown> = {}) => ({
  template_id: templateId,
  ext_json: JSON.stringify({ extAppid: 'wx1', ext: { shopId: '1' }, ...ext }),
  user_version: '3.0.0',
  user_desc: 'build',
});

export async function startAppFixture(
  config: Parameters<typeof startTestSim>[0] = {},
  funcIds = [17, 18, 19, 30, 156],
): Promise<AppFixture> {
  const sim = await startTestSim({ privacyScanSeconds: 5, audit: { durationSeconds: 60 }, ...config });
  const session = await authorizeApp(sim, await unauthorizedApp(sim), funcIds);
  const q = `access_token=${session.authorizerToken}`;
  return {
    sim,
    session,
    appid: session.appid,
    post: (path, body) => sim.api(path, q, { body }),
    get: (path, extra = '') => sim.api(path, `${q}${extra}`),
    advance: (seconds) => sim.control('POST', '/clock/advance', { seconds }),
    update: (patch) => sim.control('POST', '/app/update', { appid: session.appid, ...patch }),
    close: () => sim.close(),
  };
}

/** commit → wait for the privacy scan → submit_audit; returns the submit answer. */
export async function commitAndSubmit(
  f: AppFixture,
  templateId: number,
  ext: Record<string, unknown> = {},
  submit: Record<string, unknown> = {},
): Promise<HttpResult> {
  const committed = await f.post('/wxa/commit', commitBody(templateId, ext));
  if (committed.json['errcode'] !== 0) throw new Error(`commit: ${committed.text}`);
  await f.advance(6);
  return f.post('/wxa/submit_audit', submit);
}
