import type { SimulatorConfig } from '../config.js';
import type { Registrations } from '../engine/registrations.js';
import type { Route } from '../http/route.js';
import { authorizerRoutes } from './authorizers.js';
import { basicInfoRoutes } from './basic-info.js';
import { categoryRoutes } from './categories.js';
import { codeRoutes } from './code.js';
import { domainRoutes } from './domains.js';
import { fastRegisterRoutes } from './fast-register.js';
import { icpRoutes } from './icp.js';
import { jscodeRoutes } from './jscode.js';
import { mediaRoutes } from './media.js';
import { platformDomainRoutes } from './platform-domains.js';
import { privacyInterfaceRoutes } from './privacy-interfaces.js';
import { privacyRoutes } from './privacy.js';
import { quotaRoutes } from './quota.js';
import { releaseRoutes } from './release.js';
import { templateRoutes } from './templates.js';
import { testerRoutes } from './testers.js';
import { tokenRoutes } from './tokens.js';

/** The api.weixin.qq.com table, path → route; one path has exactly one method rule. */
export function buildRoutes(config: SimulatorConfig, registrations: Registrations): Map<string, Route> {
  const table = new Map<string, Route>();
  const all = [
    ...tokenRoutes,
    ...authorizerRoutes(config.authorizerOptionNewPathToken),
    ...templateRoutes,
    ...codeRoutes,
    ...releaseRoutes,
    ...domainRoutes,
    ...platformDomainRoutes,
    ...testerRoutes,
    ...privacyRoutes,
    ...privacyInterfaceRoutes,
    ...mediaRoutes,
    ...basicInfoRoutes,
    ...categoryRoutes,
    ...icpRoutes,
    ...jscodeRoutes,
    ...fastRegisterRoutes(registrations),
    ...quotaRoutes(table),
  ];
  for (const route of all) {
    if (table.has(route.path)) throw new Error(`duplicate route ${route.path}`);
    const method = route.path === '/wxa/queryquota' && !config.queryquotaAcceptsPost ? 'GET' : route.method;
    table.set(route.path, { ...route, method });
  }
  return table;
}
