import { coded } from '../../../contract/codes.js';
import { CodedError } from '../../../contract/result.js';
import type { Agent } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** How WeChat calls leave the machine: through the relay's CONNECT tunnel (fixed, whitelisted IP) or directly. */
export type EgressConfig = { mode: 'relay'; relayUrl: string; deviceToken: string } | { mode: 'direct' };

export interface EgressAgents {
  httpAgent: Agent;
  httpsAgent: Agent;
  destroy(): void;
}

export function createEgressAgents(egress: EgressConfig): EgressAgents {
  if (egress.mode === 'direct') {
    const httpAgent = new HttpAgent({ keepAlive: true });
    const httpsAgent = new HttpsAgent({ keepAlive: true });
    return { httpAgent, httpsAgent, destroy: () => (httpAgent.destroy(), httpsAgent.destroy()) };
  }
  // The same agent serves both schemes: it always issues CONNECT, then speaks TLS only to https targets, so tests
  // can reach the simulator over plain http through the real tunnel.
  const agent = new HttpsProxyAgent(egress.relayUrl, {
    headers: { 'Proxy-Authorization': `Bearer ${egress.deviceToken}` },
    keepAlive: true,
  });
  return { httpAgent: agent, httpsAgent: agent, destroy: () => agent.destroy() };
}

/**
 * Relay egress unless the user chose direct; a relay without URL or device token is a configuration error, returned
 * (not thrown) so the transport can refuse each call with it until the settings are complete.
 */
export function egressFromSettings(
  settings: { egress: 'relay' | 'direct'; relayUrl: string },
  deviceToken: string | undefined,
): EgressConfig | Error {
  if (settings.egress === 'direct') return { mode: 'direct' };
  if (!settings.relayUrl || !deviceToken) {
    return new CodedError('not_configured', coded('relay_egress_not_configured'));
  }
  return { mode: 'relay', relayUrl: settings.relayUrl, deviceToken };
}
