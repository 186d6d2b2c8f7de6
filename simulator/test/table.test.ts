import { ENDPOINTS } from '@wxfleet/protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig } from '../src/config.js';
import { Registrations } from '../src/engine/registrations.js';
import { buildRoutes } from '../src/routes/index.js';
import { authorizeApp, startTestSim, unauthorizedApp } from './helpers.js';
import type { Session, TestSim } from './helpers.js';

const routes = buildRoutes(defaultConfig(), new Registrations());
/** Catalogue entries the simulator does not serve: trial creation and the reuse-OA flow (06 F4, F5). */
const NOT_SERVED = new Set(['/wxa/component/fastregisterbetaweapp', '/cgi-bin/account/fastregister']);

describe('the route table matches the protocol ENDPOINTS table', () => {
  for (const [name, spec] of Object.entries(ENDPOINTS)) {
    if ('browser' in spec && spec.browser) continue;
    test(`${name} ${spec.method} ${spec.path}`, () => {
      if (NOT_SERVED.has(spec.path)) {
        expect(routes.has(spec.path)).toBe(false);
        return;
      }
      const route = routes.get(spec.path);
      expect(route, spec.path).toBeDefined();
      expect(route!.method === spec.method || (route!.method === 'GET_OR_POST' && spec.method === 'GET')).toBe(true);
      const owner = 'ownerToken' in spec && spec.ownerToken;
      if (owner) expect(route!.token).toBe('either');
      else if (spec.path.endsWith('/get_authorizer_option') || spec.path.endsWith('/set_authorizer_option'))
        expect(route!.token).toBe('either');
      else expect(route!.token).toBe(spec.token);
    });
  }
});

let sim: TestSim;
let session: Session;
beforeAll(async () => {
  sim = await startTestSim({ quota: { dailyLimit: 1_000_000 } });
  // Every permission set a served endpoint needs, so the checks below reach the body and token rules.
  session = await authorizeApp(sim, await unauthorizedApp(sim), [17, 18, 19, 30, 81, 156]);
});
afterAll(async () => {
  await sim.close();
});

function tokenQuery(token: string): string {
  if (token === 'component') return `component_access_token=${session.componentToken}`;
  if (token === 'none') return '';
  return `access_token=${session.authorizerToken}`;
}

describe('every endpoint: wrong method, empty body, rid', () => {
  test('GET-only endpoints answer 43001 to POST; POST-only answer 43002 to GET', async () => {
    for (const route of routes.values()) {
      if (route.method === 'GET_OR_POST') continue;
      const wrong = route.method === 'GET' ? 'POST' : 'GET';
      const result = await sim.api(route.path, tokenQuery(route.token), {
        method: wrong,
        ...(wrong === 'POST' ? { body: {} } : {}),
      });
      expect(result.json['errcode'], `${wrong} ${route.path}`).toBe(route.method === 'GET' ? 43001 : 43002);
      expect(result.json['errmsg']).toMatch(/ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    }
  });

  test('JSON POST endpoints answer 44002 to an empty body and 47001 to broken JSON', async () => {
    for (const route of routes.values()) {
      if (route.method !== 'POST' || route.body === 'multipart') continue;
      const query = tokenQuery(route.token);
      const empty = await sim.api(route.path, query, { method: 'POST' });
      expect(empty.json['errcode'], route.path).toBe(44002);
      const broken = await sim.api(route.path, query, { body: '{"a":' });
      expect(broken.json['errcode'], route.path).toBe(47001);
    }
  });

  test('a component token on an authorizer endpoint and an authorizer token on a component endpoint are refused', async () => {
    for (const route of routes.values()) {
      if (route.token !== 'component' && route.token !== 'authorizer') continue;
      const query =
        route.token === 'component'
          ? `access_token=${session.authorizerToken}`
          : `access_token=${session.componentToken}`;
      const method = route.method === 'GET' ? 'GET' : 'POST';
      const result = await sim.api(route.path, query, method === 'POST' ? { body: {} } : {});
      expect(result.json['errcode'], route.path).toBe(route.token === 'component' ? 61014 : 40001);
    }
  });

  test('an unknown path is a JSON error, not a crash', async () => {
    const result = await sim.api('/wxa/no_such_api', `access_token=${session.authorizerToken}`);
    expect(result.status).toBe(404);
    expect(result.json['errcode']).toBe(48001);
  });
});
