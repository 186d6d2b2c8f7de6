import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/platform/clock/manual-clock.js';
import type { Harness } from './helpers/core-harness.js';
import { startHarness } from './helpers/core-harness.js';

const START_PUSH = '/cgi-bin/component/api_start_push_ticket';
const COMPONENT_TOKEN = '/cgi-bin/component/api_component_token';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('component_verify_ticket', () => {
  it('asks WeChat to push a ticket when none is stored, then uses it', async () => {
    h = await startHarness();
    await h.control('POST', '/pushes/pause', { tickets: true });
    await h.vault.delete('component.ticket');
    const before = (await h.calls(START_PUSH)).length;
    expect((await h.api.getApiDomainIp()).errcode ?? 0).toBe(0);
    expect((await h.calls(START_PUSH)).length - before).toBe(1);
    expect(await h.calls(COMPONENT_TOKEN)).toHaveLength(1);
  });

  it('keeps the latest ticket for 12 h and asks for a new one after that', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock });
    await h.control('POST', '/pushes/pause', { tickets: true });
    await h.api.getApiDomainIp();
    expect(h.tickets.current()).toBeDefined();
    const startPushes = (await h.calls(START_PUSH)).length;

    await h.control('POST', '/clock/advance', { seconds: 11 * 3600 });
    await clock.advance(11 * 3600_000);
    expect(h.tickets.current()).toBeDefined();
    await h.control('POST', '/clock/advance', { seconds: 3600 });
    await clock.advance(3600_000);
    expect(h.tickets.current()).toBeUndefined();
    expect(h.tickets.ageMs()).toBeGreaterThanOrEqual(12 * 3600_000);

    expect((await h.api.getApiDomainIp()).errcode ?? 0).toBe(0); // the component token expired long ago
    expect((await h.calls(START_PUSH)).length - startPushes).toBe(1);
    expect(h.tickets.ageMs()).toBe(0);
  });

  it('an older ticket never replaces a newer one', async () => {
    h = await startHarness();
    await h.tickets.put('ticket@@@new', 2_000_000_000_000);
    await h.tickets.put('ticket@@@old', 1_000);
    expect(h.vault.get('component.ticket')?.value).toBe('ticket@@@new');
  });

  it('a ticket replayed as it was does not undo WeChat rejecting it; the same value pushed anew does', async () => {
    h = await startHarness();
    await h.control('POST', '/pushes/pause', { tickets: true });
    const at = Date.now() + 1_000;
    await h.tickets.put('ticket@@@current', at);
    h.tickets.reject('ticket@@@current');
    await h.tickets.put('ticket@@@current', at);
    expect(h.tickets.current()).toBeUndefined();
    await h.tickets.put('ticket@@@current', at + 1_000);
    expect(h.tickets.current()?.value).toBe('ticket@@@current');
  });

  it('recovers from 61005 (ticket expired on WeChat side) with one new ticket', async () => {
    h = await startHarness();
    await h.control('POST', '/pushes/pause', { tickets: true });
    // WeChat's clock says the ticket is 13 h old; ours does not know yet.
    await h.control('POST', '/clock/advance', { seconds: 13 * 3600 });
    expect((await h.api.getApiDomainIp()).errcode ?? 0).toBe(0);
    const tokenCalls = await h.calls(COMPONENT_TOKEN);
    expect(tokenCalls.map((c) => c.errcode)).toEqual([61005, 0]);
  });

  it('a restart reuses the stored ticket and component token: no token call', async () => {
    h = await startHarness();
    await h.api.getApiDomainIp();
    const token = h.vault.get('component.accessToken')?.value;
    const again = await h.reopen();
    expect(await again.services.wechat.component.token()).toBe(token);
    expect(await h.calls(COMPONENT_TOKEN)).toHaveLength(1);
  });
});
