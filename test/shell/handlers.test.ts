import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { InvokeHandlers } from '@contract/handlers';
import { INVOKE_CHANNELS } from '@contract/ipc';
import type * as IpcRegistryModule from '../../src-main/shell/ipc-registry';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
type IpcRegistry = typeof IpcRegistryModule;
const handlers = new Map<string, Listener>();
const registered: string[] = [];

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) },
}));
// Spy on the one wrapper: every channel must go through it.
vi.mock('../../src-main/shell/ipc-registry', async (importOriginal) => {
  const original = await importOriginal<IpcRegistry>();
  return {
    ...original,
    registerHandler: (...args: Parameters<typeof original.registerHandler>) => {
      registered.push(args[0]);
      original.registerHandler(...args);
    },
  };
});

const { registerHandlers } = await import('../../src-main/shell/handlers');

const trusted = { sender: 'ours' } as unknown as IpcMainInvokeEvent;
const stranger = { sender: 'a frame we did not create' } as unknown as IpcMainInvokeEvent;

/** A core whose every handler records that it ran: refusals must happen before any of them. */
function recordingCore(calls: string[]): Partial<InvokeHandlers> {
  return Object.fromEntries(
    INVOKE_CHANNELS.filter((c) => c !== 'app:info').map((channel) => [
      channel,
      async () => {
        calls.push(channel);
        return 'ran';
      },
    ]),
  ) as Partial<InvokeHandlers>;
}

/** An argument list no channel accepts: wrong arity for the no-argument ones, a wrong type for the others. */
const MALFORMED: unknown[][] = [[{ evil: true }, 1, 2, 3], [Symbol('x')], [() => 0], [null, null, null]];

describe('shell IPC registration', () => {
  const calls: string[] = [];

  beforeEach(() => {
    handlers.clear();
    registered.length = 0;
    calls.length = 0;
    registerHandlers({
      isTrustedSender: (event) => event === trusted,
      appInfo: () => ({ name: 'wxfleet', version: '0.1.0', profile: 'acme' }),
      core: recordingCore(calls),
    });
  });

  it('registers every contract channel, each through the one wrapper', () => {
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...registered].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers a trusted sender with a result', async () => {
    await expect(handlers.get('app:info')!(trusted)).resolves.toEqual({
      ok: true,
      value: { name: 'wxfleet', version: '0.1.0', profile: 'acme' },
    });
    await expect(handlers.get('overview:get')!(trusted)).resolves.toEqual({ ok: true, value: 'ran' });
    await expect(handlers.get('authorizers:get')!(trusted, 'wx5f3c1a9b7d2e4f60')).resolves.toEqual({
      ok: true,
      value: 'ran',
    });
  });

  it.each(INVOKE_CHANNELS)(
    '%s refuses an untrusted sender and malformed arguments before any side effect',
    async (channel) => {
      const listener = handlers.get(channel)!;
      await expect(listener(stranger)).resolves.toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
      for (const args of MALFORMED) {
        await expect(listener(trusted, ...args)).resolves.toMatchObject({
          ok: false,
          error: { code: 'invalid_argument' },
        });
      }
      expect(calls).toEqual([]);
    },
  );

  it('turns a thrown WeChat error into wechat_error with its errcode', async () => {
    handlers.clear();
    registerHandlers({
      isTrustedSender: () => true,
      appInfo: () => ({ name: 'wxfleet', version: '0.1.0', profile: 'acme' }),
      core: {
        'audits:quota': async () => {
          throw Object.assign(new Error('x'), {
            name: 'WeChatError',
            kind: 'api',
            errcode: 85085,
            explanation: { zh: '审核额度用完', en: 'Audit quota used up' },
            fix: { zh: '下月再试', en: 'Wait for next month' },
          });
        },
      },
    });
    await expect(handlers.get('audits:quota')!(trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'wechat_error', errcode: 85085, reason: { code: 'wechat_rejected', errcode: 85085 } },
    });
    await expect(handlers.get('jobs:list')!(trusted)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_configured' },
    });
  });
});
