/**
 * What the simulator saw and did, as the witness of crash tests: every call ever made (not only accepted ones, and
 * past the end of its call-log ring), and the WeChat-side effects per mini-program.
 */
export type Control = <T>(method: 'GET', path: string) => Promise<T>;

export interface CallTotal {
  path: string;
  account: string;
  calls: number;
  ok: number;
  errcodes: Record<string, number>;
}

/** Every call to `path`, per account (the authorizer's appid for authorizer calls). */
export async function callsPerAccount(control: Control, path: string): Promise<Map<string, CallTotal>> {
  const { totals } = await control<{ totals: CallTotal[] }>('GET', `/calls/totals?path=${encodeURIComponent(path)}`);
  return new Map(totals.map((t) => [t.account, t]));
}

export interface AppEffects {
  appid: string;
  auditsSubmitted: number;
  history: { user_version: string }[];
  latestAudit: { user_version: string } | null;
}

export async function appEffects(control: Control): Promise<Map<string, AppEffects>> {
  const state = await control<{ merchants: { apps: AppEffects[] }[] }>('GET', '/state');
  return new Map(state.merchants.flatMap((m) => m.apps).map((a) => [a.appid, a]));
}
