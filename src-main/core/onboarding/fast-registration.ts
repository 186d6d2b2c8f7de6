import QRCode from 'qrcode';
import { coded } from '../../contract/codes.js';
import { CodedError } from '../../contract/result.js';
import type { RegistrationInput, RegistrationView } from '../../contract/readiness.js';
import type { Clock } from '../platform/clock/clock.js';
import type { Logger } from '../platform/log/logger.js';
import type { Store } from '../platform/store/store.js';
import type { WeChatApi } from '../wechat/client/wechat-api.js';

type RegistrationApi = Pick<
  WeChatApi,
  | 'fastRegisterEnterpriseWeappCreate'
  | 'fastRegisterEnterpriseWeappQuery'
  | 'fastRegisterPersonalWeappCreate'
  | 'fastRegisterPersonalWeappQuery'
>;

export interface FastRegistration {
  list(): Promise<RegistrationView[]>;
  /** Creates the task (06 F7 enterprise, F8 personal); the person finishes behind the returned link. */
  start(input: RegistrationInput): Promise<RegistrationView>;
  /** Asks WeChat for the task's status again. */
  refresh(taskid: string): Promise<RegistrationView>;
}

/** Statuses after which nothing more happens: created (12), failures and the 1001–1008 limits. */
const FINAL = { enterprise: [2, 3, 6, 9, 11, 12, 13, 14], personal: [1, 2, 5, 8, 11, 12, 13, 14] } as const;

/**
 * A new merchant without a mini-program gets one through fast registration (new versions, 2026): the account
 * appears authorized to the platform once the person has agreed and WeChat created it (then its readiness starts
 * with everything missing: name, avatar, introduction, category, filing).
 */
export function createFastRegistration(deps: {
  api: RegistrationApi;
  store: Pick<Store, 'readiness'>;
  clock: Clock;
  logger: Logger;
}): FastRegistration {
  const { api, store, clock, logger } = deps;

  const view = async (taskid: string): Promise<RegistrationView> => {
    const r = store.readiness.data.registrations[taskid];
    if (r === undefined) throw new CodedError('invalid_argument', coded('unknown_registration', { taskid }));
    const kind = r.kind === 'personal' ? 'personal' : 'enterprise';
    return {
      taskid,
      kind,
      label: r.label,
      status: r.status,
      done: (FINAL[kind] as readonly number[]).includes(r.status),
      created: r.status === 12 || r.status === 13,
      authorizeUrl: r.authorizeUrl,
      authorizeQr: await QRCode.toDataURL(r.authorizeUrl, { margin: 1, width: 200 }),
      createdAt: new Date(r.createdAt).toISOString(),
    };
  };

  const save = async (
    taskid: string,
    kind: 'enterprise' | 'personal',
    label: string,
    res: { status: number; authorize_url: string },
  ) => {
    await store.readiness.update((d) => {
      const before = d.registrations[taskid];
      d.registrations[taskid] = {
        kind,
        label,
        status: res.status,
        authorizeUrl: res.authorize_url || (before?.authorizeUrl ?? ''),
        createdAt: before?.createdAt ?? clock.now(),
      };
    });
    return view(taskid);
  };

  return {
    async list() {
      const ids = Object.entries(store.readiness.data.registrations)
        .sort(([, a], [, b]) => b.createdAt - a.createdAt)
        .map(([id]) => id);
      return Promise.all(ids.map(view));
    },
    async start(input) {
      const phone = input.phone ? { component_phone: input.phone } : {};
      if (input.kind === 'enterprise') {
        const res = await api.fastRegisterEnterpriseWeappCreate({
          name: input.name,
          code: input.code,
          new_version: true,
          ...phone,
        });
        logger.info('fast registration started', { kind: 'enterprise', taskid: res.taskid });
        return save(res.taskid, 'enterprise', input.name, res);
      }
      const res = await api.fastRegisterPersonalWeappCreate({ wxuser: input.wxuser, new_version: true, ...phone });
      logger.info('fast registration started', { kind: 'personal', taskid: res.taskid });
      return save(res.taskid, 'personal', input.wxuser, res);
    },
    async refresh(taskid) {
      const r = store.readiness.data.registrations[taskid];
      if (r === undefined) throw new CodedError('invalid_argument', coded('unknown_registration', { taskid }));
      const res =
        r.kind === 'personal'
          ? await api.fastRegisterPersonalWeappQuery({ taskid, new_version: true })
          : await api.fastRegisterEnterpriseWeappQuery({ taskid, new_version: true });
      return save(taskid, r.kind === 'personal' ? 'personal' : 'enterprise', r.label, res);
    },
  };
}
