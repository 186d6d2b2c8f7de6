#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startSimulator } from './index.js';
import type { SimulatorConfigInput } from './index.js';

const USAGE = `usage: wxfleet-sim [--port N] [--host ADDR] [--config FILE] [--seed demo|none] [--control-key KEY] [--json]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      config: { type: 'string' },
      seed: { type: 'string', default: 'demo' },
      'control-key': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535\n${USAGE}`);
  if (values.seed !== 'demo' && values.seed !== 'none') throw new Error(`--seed must be demo or none\n${USAGE}`);
  let config: SimulatorConfigInput = {};
  if (values.config !== undefined) {
    const text = await readFile(values.config, 'utf8');
    try {
      config = JSON.parse(text) as SimulatorConfigInput;
    } catch (error) {
      throw new Error(`${values.config}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const sim = await startSimulator({
    port,
    host: values.host,
    config,
    seed: values.seed,
    ...(values['control-key'] ? { controlKey: values['control-key'] } : {}),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: sim.url, controlKey: sim.controlKey, platform: sim.platform })}\n`);
  } else {
    console.log(`wxfleet WeChat simulator listening on ${sim.url}`);
    console.log(`control key (X-Sim-Key): ${sim.controlKey}`);
    console.log(`component_appid: ${sim.platform.componentAppid}`);
  }
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`wxfleet-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
