import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { relayBundle, runCli } from './helpers/child-relay.js';
import { ticketKind } from './helpers/push-kinds.js';
import { TEST_TOKEN, WeChatPusher } from './helpers/pusher.js';
import { tempDir } from './helpers/relay-fixture.js';

beforeAll(() => {
  relayBundle();
});

describe('wxfleet-relay CLI', () => {
  it('device add prints the token once, alone on the last line, and stores only its hash', () => {
    const dir = tempDir();
    const added = runCli(['device', 'add', 'office-pc', '--data-dir', dir]);
    expect(added.status).toBe(0);
    const lines = added.stdout.trimEnd().split('\n');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^wxr_[A-Za-z0-9_-]{43}$/);
    expect(added.stdout.split(token).length).toBe(2);
    const files = ['relay.db', 'relay.db-wal'].map((f) => {
      try {
        return readFileSync(join(dir, f)).toString('latin1');
      } catch {
        return '';
      }
    });
    expect(files.join('')).not.toContain(token);
    expect(runCli(['device', 'add', 'office-pc', '--data-dir', dir]).stderr).toMatch(/already exists/);
  });

  it('device list and revoke, with env var data dir', () => {
    const dir = tempDir();
    runCli(['device', 'add', 'a', '--data-dir', dir]);
    runCli(['device', 'add', 'b'], { WXFLEET_RELAY_DATA_DIR: dir });
    expect(runCli(['device', 'revoke', 'a', '--data-dir', dir]).status).toBe(0);
    const list = runCli(['device', 'list', '--data-dir', dir]).stdout;
    expect(list).toMatch(/^a\trevoked /m);
    expect(list).toMatch(/^b\tactive\t/m);
    const again = runCli(['device', 'revoke', 'a', '--data-dir', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/no active device named "a"/);
    expect(runCli(['device', 'list']).stderr).toMatch(/--data-dir is missing/);
  });

  it('serve validates every setting with a message that says what to fix', () => {
    const result = runCli(
      ['serve', '--port', '99999', '--egress-allow', 'api.weixin.qq.com', '--wechat-token', 'a b'],
      { WXFLEET_RELAY_DATA_DIR: '' },
    );
    expect(result.status).toBe(2);
    for (const fragment of [
      '--port "99999"',
      '--data-dir is missing',
      '--public-url is missing',
      'is not 3-32 letters or digits',
      '--egress-allow "api.weixin.qq.com" is not host:port',
    ]) {
      expect(result.stderr).toContain(fragment);
    }
    expect(result.stderr).not.toContain('a b');
  });

  it('serve from environment variables prints its address, answers pushes and stops gracefully on SIGTERM', async () => {
    const dir = tempDir();
    const proc = spawn(process.execPath, [relayBundle(), 'serve'], {
      env: {
        ...process.env,
        WXFLEET_RELAY_PORT: '0',
        WXFLEET_RELAY_HOST: '127.0.0.1',
        WXFLEET_RELAY_DATA_DIR: dir,
        WXFLEET_RELAY_PUBLIC_URL: 'https://relay.example.com',
        WXFLEET_RELAY_WECHAT_TOKEN: `oldToken9,${TEST_TOKEN}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve) =>
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /wxfleet-relay listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m !== null) resolve(m[1]!);
      }),
    );
    const pusher = new WeChatPusher(url);
    const push = pusher.sign(ticketKind.inner(1718000000), 'component');
    expect((await pusher.deliver(push)).body).toBe('success');
    pusher.close();
    const exit = new Promise<number | null>((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
    // Logs are JSON lines on stdout: the request line must not carry the query string or the Token.
    expect(out).not.toContain(push.path.split('?')[1]!);
    expect(out).not.toContain(TEST_TOKEN);
  });
});
