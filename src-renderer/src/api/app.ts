import type { AppInfo } from '@contract/ipc';

/** The renderer's only way to main for the app domain; components never touch `window.wxfleet`. */
export async function fetchAppInfo(): Promise<AppInfo | undefined> {
  const bridge = window.wxfleet;
  if (bridge === undefined) return undefined;
  const result = await bridge.invoke('app:info');
  return result.ok ? result.value : undefined;
}
