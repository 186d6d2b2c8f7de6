import type { InvitationView } from '../../../src-main/contract/fleet.js';
import type { World } from './core-world.js';

const unescapeHtml = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * Plays the merchant over HTTP: opens the relay launch page, follows its link with the launch page as Referer
 * (what a browser sends under strict-origin-when-cross-origin), picks the mini-program and permission sets on the
 * simulator's page, confirms, and follows the redirect back to the relay.
 */
export async function authorizeThroughInvitation(
  world: World,
  invitation: InvitationView,
  appid: string,
  funcIds: number[],
  variant: 'pc' | 'mobile' = 'pc',
): Promise<void> {
  const launchUrl = variant === 'pc' ? invitation.pcUrl : invitation.mobileUrl;
  const launch = await fetch(launchUrl);
  const html = await launch.text();
  if (launch.status !== 200) throw new Error(`launch page ${launch.status}: ${html.slice(0, 200)}`);
  const href = /id="authorize" href="([^"]+)"/.exec(html)?.[1];
  if (href === undefined) throw new Error('no authorization link on the launch page');
  const referer = `${new URL(launchUrl).origin}/`;
  const page = await (await fetch(unescapeHtml(href), { headers: { Referer: referer } })).text();
  const session = /name="session" value="([^"]+)"/.exec(page)?.[1];
  if (session === undefined) throw new Error(`authorization page refused: ${page.slice(0, 400)}`);
  const form = new URLSearchParams({ session, appid });
  for (const id of funcIds) form.append('func', String(id));
  const confirm = await fetch(`${world.sim.url}/cgi-bin/componentloginpage/confirm`, {
    method: 'POST',
    body: form.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Referer: world.sim.url },
    redirect: 'manual',
  });
  const location = confirm.headers.get('location');
  if (confirm.status !== 302 || location === null) throw new Error(`confirm failed: ${confirm.status}`);
  const done = await fetch(location);
  if (done.status !== 200) throw new Error(`redirect target answered ${done.status}`);
}
