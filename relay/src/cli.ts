#!/usr/bin/env node
import { parseDataDir, parseServeConfig, UsageError } from './cli-config.js';
import { createLogger } from './logger.js';
import { startServer, stopOnSignals } from './server.js';
import { DeviceError } from './store/device-store.js';
import { openStore } from './store/relay-store.js';

const USAGE = `usage:
  wxfleet-relay serve --data-dir DIR --public-url https://relay.example.com --wechat-token TOKEN
                      [--port 8080] [--host 0.0.0.0] [--egress-allow api.weixin.qq.com:443] [--log-level info]
                      [--timestamp-tolerance-hours 6] [--launch-rate-per-ip 30] [--launch-rate-per-invite 20]
  wxfleet-relay device add NAME --data-dir DIR      prints the new device token once
  wxfleet-relay device list --data-dir DIR
  wxfleet-relay device revoke NAME --data-dir DIR
Every serve flag can also be set as WXFLEET_RELAY_<FLAG> (e.g. WXFLEET_RELAY_WECHAT_TOKEN).`;

async function serve(args: string[]): Promise<void> {
  const config = parseServeConfig(args, process.env);
  const logger = createLogger(config.logLevel);
  const relay = await startServer({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    wechatTokens: config.wechatTokens,
    logger,
    tunnel: { allow: config.egressAllow },
    ws: { pingIntervalMs: config.pingIntervalMs },
    push: { timestampToleranceMs: config.timestampToleranceMs },
    rateLimit: { perIp: config.launchPerIp, perInvite: config.launchPerInvite },
  });
  stopOnSignals(relay);
  process.stdout.write(`wxfleet-relay listening on ${relay.address}\n`);
  const host = new URL(config.publicUrl).host;
  process.stdout.write(
    [
      `WeChat open-platform settings for ${config.publicUrl}:`,
      `  授权事件接收URL    ${config.publicUrl}/wechat/component`,
      `  消息与事件接收URL  ${config.publicUrl}/wechat/app/$APPID$`,
      `  授权发起页域名     ${host}`,
      '',
    ].join('\n'),
  );
}

async function device(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { dataDir, positionals } = parseDataDir(rest, process.env);
  const store = openStore(dataDir);
  try {
    if (action === 'add') {
      const name = positionals[0];
      if (name === undefined)
        throw new UsageError('device add needs a NAME, e.g. wxfleet-relay device add office-pc --data-dir DIR');
      const token = store.devices.add(name);
      process.stdout.write(
        `device "${name}" added. Its token is shown once; paste it into the console's relay settings:\n${token}\n`,
      );
    } else if (action === 'list') {
      for (const d of store.devices.list()) {
        const state = d.revokedAt === null ? 'active' : `revoked ${new Date(d.revokedAt).toISOString()}`;
        const seen = d.lastSeenAt === null ? 'never' : new Date(d.lastSeenAt).toISOString();
        process.stdout.write(`${d.name}\t${state}\tcursor ${d.cursor}\tlast seen ${seen}\n`);
      }
    } else if (action === 'revoke') {
      const name = positionals[0];
      if (name === undefined) throw new UsageError('device revoke needs a NAME; see wxfleet-relay device list');
      if (!store.devices.revoke(name))
        throw new UsageError(`no active device named "${name}"; see wxfleet-relay device list`);
      process.stdout.write(`device "${name}" revoked; its connections close within seconds\n`);
    } else {
      throw new UsageError(`unknown device action "${action ?? ''}": use add, list or revoke`);
    }
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === 'serve') return serve(args);
  if (command === 'device') return device(args);
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  throw new UsageError(`unknown command "${command}"\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof DeviceError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`wxfleet-relay: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`wxfleet-relay: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
