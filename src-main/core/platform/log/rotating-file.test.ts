import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { openProfileLog } from './profile-log.js';
import { logFiles, openRotatingFile } from './rotating-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxfleet-log-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('rotating log file', () => {
  it('rotates by size and keeps at most maxFiles files, newest first', async () => {
    const file = openRotatingFile({ dir, name: 'wxfleet.log', maxFileBytes: 100, maxFiles: 3 });
    for (let i = 0; i < 20; i++) file.write(`${String(i).padStart(2, '0')} ${'x'.repeat(36)}\n`); // 40 bytes a line
    file.close();
    expect((await readdir(dir)).sort()).toEqual(['wxfleet.1.log', 'wxfleet.2.log', 'wxfleet.log']);
    const [current, previous] = logFiles({ dir, name: 'wxfleet.log', maxFiles: 3 });
    expect(await readFile(current ?? '', 'utf8')).toMatch(/^18 .*\n19 /);
    expect(await readFile(previous ?? '', 'utf8')).toMatch(/^16 .*\n17 /);
    for (const name of await readdir(dir)) {
      expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(100);
      expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);
    }
  });

  it('drops writes after close instead of failing a late background task', () => {
    const file = openRotatingFile({ dir, name: 'wxfleet.log', maxFileBytes: 100, maxFiles: 2 });
    file.close();
    expect(() => file.write('late\n')).not.toThrow();
    expect(() => file.close()).not.toThrow();
  });
});

describe('profile log', () => {
  it('writes redacted pino JSON lines at the configured level', async () => {
    const log = openProfileLog({ dir, level: 'info', maxFileBytes: 1 << 20, maxFiles: 2 });
    const logger = createLogger(log.sink);
    logger.debug('not written');
    logger.info('called', { url: '/cgi-bin/x?access_token=SECRET123&a=1', appsecret: 'APPSECRET456' });
    logger.error('failed', { error: new Error('boom') });
    log.close();
    const lines = (await readFile(log.path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([
      ['info', 'called'],
      ['error', 'failed'],
    ]);
    expect(lines[0]).toMatchObject({ url: '/cgi-bin/x?access_token=***&a=1', appsecret: '***' });
    expect(lines[1]).toMatchObject({ error: { name: 'Error', message: 'boom' } });
    expect(typeof lines[0]?.['time']).toBe('string');
  });
});
