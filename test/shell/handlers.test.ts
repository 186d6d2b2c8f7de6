import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '@contract/ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const handlers = new Map<string, Listener>();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) },
}));

const { registerHandlers } = await import('../../src-main/shell/handlers');

const trusted = { sender: 'ours' } as unknown as IpcMainInvokeEvent;
const stranger = { sender: 'a frame we did not create' } as unknown as IpcMainInvokeEvent;

describe('shell IPC registration', () => {
  beforeEach(() => {
    handlers.clear();
    registerHandlers({
      isTrustedSender: (event) => event === trusted,
      appInfo: () => ({ name: 'wxfleet', version: '0.1.0', profile: 'demo' }),
    });
  });

  it('registers every contract channel', () => {
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers a trusted sender with a result', async () => {
    await expect(handlers.get('app:info')!(trusted)).resolves.toEqual({
      ok: true,
      value: { name: 'wxfleet', version: '0.1.0', profile: 'demo' },
    });
  });

  it('refuses an untrusted sender and malformed arguments before any side effect', async () => {
    await expect(handlers.get('app:info')!(stranger)).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    await expect(handlers.get('app:info')!(trusted, { evil: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
  });
});
