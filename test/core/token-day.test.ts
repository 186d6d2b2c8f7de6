import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/platform/clock/manual-clock.js';
import type { Harness } from './helpers/core-harness.js';
import { startHarness } from './helpers/core-harness.js';

let h: Harness | undefined;
afterEach(async () => h?.close());

it('24 simulated hours of steady use cost at most 13 component-token calls', async () => {
  const clock = new ManualClock();
  h = await startHarness({ clock, sim: { callLogSize: 10_000 } });
  const harness = h;
  const [appid = ''] = await harness.onboard(1);
  const stepS = 120;
  for (let elapsed = 0; elapsed < 24 * 3600; elapsed += stepS) {
    await harness.control('POST', '/clock/advance', { seconds: stepS });
    await clock.advance(stepS * 1000);
    const [domains, version] = await Promise.all([harness.api.getApiDomainIp(), harness.api.getVersionInfo(appid)]);
    expect(domains.errcode ?? 0).toBe(0);
    expect(version.errcode ?? 0).toBe(0);
  }
  const componentCalls = await harness.calls('/cgi-bin/component/api_component_token');
  const authorizerCalls = await harness.calls('/cgi-bin/component/api_authorizer_token');
  // A 2 h token refreshed 5–7 min early: 12 or 13 fetches a day, never more.
  expect(componentCalls.length).toBeLessThanOrEqual(13);
  expect(componentCalls.length).toBeGreaterThanOrEqual(12);
  expect(authorizerCalls.length).toBeLessThanOrEqual(13);
  expect(componentCalls.every((c) => c.errcode === 0)).toBe(true);
  // Every call was served with a live token: no 40001/42001 along the way.
  expect((await harness.calls()).filter((c) => c.errcode !== 0)).toEqual([]);
}, 120_000);
