import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../contract/ipc.js';
import { memoryLogger } from '../platform/log/logger.js';
import { watchCrashes } from './crash-watch.js';
import { DEFAULT_PROFILE, hostConfig } from './host-config.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-config-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const withFile = async (content: unknown): Promise<string> => {
  const file = join(dir, 'config.json');
  await writeFile(file, JSON.stringify(content));
  return file;
};

describe('host config', () => {
  it('is a real profile unless told otherwise: keychain required, nothing moved aside, WeChat itself', async () => {
    const config = await hostConfig({ profileDir: dir, version: '1.2.3' });
    expect(config).toMatchObject({
      profile: DEFAULT_PROFILE,
      version: '1.2.3',
      demo: false,
      vault: { allowMemoryKey: false, startOverWhenUnreadable: false },
      wechat: { baseUrl: null },
      updates: true,
    });
  });

  it('takes the fields of a config file, checked against the real profile shape', async () => {
    const configFile = await withFile({
      demo: true,
      wechat: { baseUrl: 'http://127.0.0.1:9' },
      vault: { allowMemoryKey: true },
      release: { scanPollMs: 3000 },
      updates: false,
    });
    const config = await hostConfig({ profileDir: dir, version: '1', configFile });
    expect(config).toMatchObject({
      demo: true,
      wechat: { baseUrl: 'http://127.0.0.1:9', tuning: {} },
      vault: { allowMemoryKey: true, startOverWhenUnreadable: false, keychainService: 'wxfleet' },
      release: { scanPollMs: 3000 },
      updates: false,
    });
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['an unknown field', { profle: 'x' }, /unknown config field profle/],
    ['an unknown nested field', { vault: { allowMemoryKeys: true } }, /unknown config field vault.allowMemoryKeys/],
    ['a field of the wrong type', { updates: 'no' }, /updates must be a boolean/],
    ['a prototype key', JSON.parse('{"__proto__":{"demo":true}}'), /unknown config field __proto__/],
    ['not an object', [1, 2], /must be an object/],
  ];
  for (const [name, content, message] of refused) {
    it(`refuses ${name}`, async () => {
      const configFile = await withFile(content);
      await expect(hostConfig({ profileDir: dir, version: '1', configFile })).rejects.toThrow(message);
    });
  }
});

describe('crash watch', () => {
  it('logs what nothing caught and tells the user, until it stops watching', () => {
    const source = new EventEmitter();
    const logger = memoryLogger();
    const told: Array<[EventChannel, unknown]> = [];
    const stop = watchCrashes(source, logger, (channel, payload) => void told.push([channel, payload]));
    source.emit('unhandledRejection', new Error('disk full at /profile?access_token=SECRET'));
    source.emit('uncaughtException', new Error('bad state'));
    expect(logger.records.map((r) => [r.level, r.msg])).toEqual([
      ['error', 'unhandled rejection'],
      ['error', 'uncaught exception'],
    ]);
    expect(JSON.stringify(logger.records)).not.toContain('SECRET');
    // The window gets a code; the text (redacted) stays in the log.
    expect(JSON.stringify(told)).not.toContain('disk full');
    expect(told).toEqual([
      ['app:error', { code: 'internal', reason: { code: 'internal_failure' } }],
      ['app:error', { code: 'internal', reason: { code: 'internal_failure' } }],
    ]);
    stop();
    expect(source.listenerCount('unhandledRejection') + source.listenerCount('uncaughtException')).toBe(0);
  });
});
