import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LevelWithSilent } from 'pino';
import { DEFAULT_EGRESS_ALLOW } from './settings.js';

export class UsageError extends Error {}

export interface ServeConfig {
  host: string;
  port: number;
  dataDir: string;
  publicUrl: string;
  wechatTokens: string[];
  egressAllow: string[];
  logLevel: LevelWithSilent;
  pingIntervalMs: number;
  timestampToleranceMs: number;
  launchPerIp: number;
  launchPerInvite: number;
}

type Env = Record<string, string | undefined>;

const TOKEN = /^[A-Za-z0-9]{3,32}$/;
const HOST_PORT = /^([a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\]):([0-9]{1,5})$/;
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function parseDataDir(args: string[], env: Env): { dataDir: string; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' } },
    allowPositionals: true,
  });
  const dataDir = values['data-dir'] ?? env['WXFLEET_RELAY_DATA_DIR'];
  if (dataDir === undefined || dataDir === '')
    throw new UsageError('--data-dir is missing: pass --data-dir /var/lib/wxfleet-relay or set WXFLEET_RELAY_DATA_DIR');
  return { dataDir: resolve(dataDir), positionals };
}

/** Reads `serve` flags, falling back to WXFLEET_RELAY_* variables, and says exactly what to fix. */
export function parseServeConfig(args: string[], env: Env): ServeConfig {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'public-url': { type: 'string' },
      'wechat-token': { type: 'string', multiple: true },
      'egress-allow': { type: 'string', multiple: true },
      'log-level': { type: 'string' },
      'ping-interval-ms': { type: 'string' },
      'timestamp-tolerance-hours': { type: 'string' },
      'launch-rate-per-ip': { type: 'string' },
      'launch-rate-per-invite': { type: 'string' },
    },
    allowPositionals: false,
  });
  const problems: string[] = [];

  const portText = values.port ?? env['WXFLEET_RELAY_PORT'] ?? '8080';
  const port = Number(portText);
  if (!/^[0-9]{1,5}$/.test(portText) || port > 65535)
    problems.push(`--port "${portText}" is not a port: use 0-65535 (0 picks a free one)`);

  const host = values.host ?? env['WXFLEET_RELAY_HOST'] ?? '0.0.0.0';
  if (isIP(host) === 0 && !/^[A-Za-z0-9.-]{1,253}$/.test(host))
    problems.push(`--host "${host}" is not an address: use e.g. 0.0.0.0 or 127.0.0.1`);

  const dataDir = values['data-dir'] ?? env['WXFLEET_RELAY_DATA_DIR'] ?? '';
  if (dataDir === '')
    problems.push(
      '--data-dir is missing: pass a directory for the database, e.g. --data-dir /var/lib/wxfleet-relay (or WXFLEET_RELAY_DATA_DIR)',
    );

  const publicUrl = values['public-url'] ?? env['WXFLEET_RELAY_PUBLIC_URL'] ?? '';
  if (publicUrl === '')
    problems.push(
      '--public-url is missing: pass the https origin WeChat reaches, e.g. --public-url https://relay.example.com (or WXFLEET_RELAY_PUBLIC_URL)',
    );
  else {
    try {
      const url = new URL(publicUrl);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
      if (url.pathname !== '/' || url.search !== '')
        problems.push(`--public-url "${publicUrl}" must be an origin only, without a path or query`);
    } catch {
      problems.push(`--public-url "${publicUrl}" is not a URL: use e.g. https://relay.example.com`);
    }
  }

  const wechatTokens = values['wechat-token'] ?? list(env['WXFLEET_RELAY_WECHAT_TOKEN']);
  if (wechatTokens.length === 0)
    problems.push(
      '--wechat-token is missing: pass the 消息校验Token from the open-platform console (or WXFLEET_RELAY_WECHAT_TOKEN)',
    );
  if (wechatTokens.length > 2)
    problems.push(
      '--wechat-token given more than twice: pass the current Token, and the old one only while changing it',
    );
  for (const token of wechatTokens) {
    if (!TOKEN.test(token))
      problems.push(
        'a --wechat-token is not 3-32 letters or digits: copy the Token exactly as set in the open-platform console',
      );
  }

  const egressAllow = (values['egress-allow'] ?? [env['WXFLEET_RELAY_EGRESS_ALLOW'] ?? DEFAULT_EGRESS_ALLOW.join(',')])
    .flatMap(list)
    .map((s) => s.toLowerCase());
  for (const entry of egressAllow) {
    const match = HOST_PORT.exec(entry);
    if (match === null || Number(match[2]) < 1 || Number(match[2]) > 65535)
      problems.push(`--egress-allow "${entry}" is not host:port, e.g. api.weixin.qq.com:443`);
  }

  const logLevel = values['log-level'] ?? env['WXFLEET_RELAY_LOG_LEVEL'] ?? 'info';
  if (!LEVELS.includes(logLevel)) problems.push(`--log-level "${logLevel}" is not one of ${LEVELS.join(', ')}`);

  const pingText = values['ping-interval-ms'] ?? env['WXFLEET_RELAY_PING_INTERVAL_MS'] ?? '10000';
  const pingIntervalMs = Number(pingText);
  if (!Number.isInteger(pingIntervalMs) || pingIntervalMs < 50 || pingIntervalMs > 600_000)
    problems.push(`--ping-interval-ms "${pingText}" must be an integer between 50 and 600000`);

  const toleranceText = values['timestamp-tolerance-hours'] ?? env['WXFLEET_RELAY_TIMESTAMP_TOLERANCE_HOURS'] ?? '6';
  const toleranceHours = Number(toleranceText);
  if (!Number.isFinite(toleranceHours) || toleranceHours < 0.1 || toleranceHours > 720)
    problems.push(`--timestamp-tolerance-hours "${toleranceText}" must be a number of hours between 0.1 and 720`);

  const rate = (flag: 'launch-rate-per-ip' | 'launch-rate-per-invite', variable: string, fallback: string): number => {
    const text = values[flag] ?? env[variable] ?? fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 100_000)
      problems.push(`--${flag} "${text}" must be a whole number of requests per minute between 1 and 100000`);
    return n;
  };
  const launchPerIp = rate('launch-rate-per-ip', 'WXFLEET_RELAY_LAUNCH_RATE_PER_IP', '30');
  const launchPerInvite = rate('launch-rate-per-invite', 'WXFLEET_RELAY_LAUNCH_RATE_PER_INVITE', '20');

  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return {
    host,
    port,
    dataDir: resolve(dataDir),
    publicUrl: publicUrl.replace(/\/$/, ''),
    wechatTokens,
    egressAllow,
    logLevel: logLevel as LevelWithSilent,
    pingIntervalMs,
    timestampToleranceMs: Math.round(toleranceHours * 3600_000),
    launchPerIp,
    launchPerInvite,
  };
}
