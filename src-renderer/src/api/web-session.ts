/** Why a browser-host page has no session, from the address the host sent it to (`/login` → `/?login=invalid`). */
export type LoginNeededReason = 'none' | 'invalid' | 'expired';

/**
 * In the browser host (no Electron preload), whether this browser is logged in; null when logged in or in Electron.
 * Asked once before the console mounts, so a browser without a session never calls the core and sees no refusals.
 */
export async function loginNeeded(location: Location = window.location): Promise<LoginNeededReason | null> {
  if (window.wxfleet !== undefined) return null;
  const res = await fetch(`${location.origin}/api/session`, { credentials: 'same-origin', cache: 'no-store' });
  if (res.ok) return null;
  const reason = new URLSearchParams(location.search).get('login');
  return reason === 'invalid' || reason === 'expired' ? reason : 'none';
}

/** A session that ended while the console was open: reload onto the login-needed page. */
export function sessionEnded(location: Location = window.location): void {
  location.replace(`${location.origin}/?login=expired`);
}
