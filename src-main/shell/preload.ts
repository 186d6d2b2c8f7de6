import { contextBridge, ipcRenderer } from 'electron';
import { isEventChannel, isInvokeChannel } from '@contract/ipc';
import type { Bridge } from '@contract/bridge';

const bridge: Bridge = {
  invoke: (channel, ...args) => {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, ...args);
  },
  on: (channel, listener) => {
    if (!isEventChannel(channel)) throw new Error(`unknown channel ${String(channel)}`);
    const wrapped = (_event: unknown, payload: Parameters<typeof listener>[0]): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('wxfleet', bridge);
