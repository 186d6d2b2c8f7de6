import { beforeEach, describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
let browserMissing = false;
vi.mock('electron', () => ({
  shell: {
    openExternal: async (url: string) => {
      if (browserMissing) throw new Error('no browser');
      opened.push(url);
    },
  },
}));
const { createExternalLinkOpener } = await import('../../src-main/shell/external-link-opener');

function opener(relayUrl: string | null) {
  const refused: string[] = [];
  const errors: unknown[] = [];
  const open = createExternalLinkOpener({
    relayUrl: async () => relayUrl,
    onRefused: (origin) => refused.push(origin),
    onError: (error) => errors.push(error),
  });
  return { open, refused, errors };
}

describe('external link opener', () => {
  beforeEach(() => {
    opened.length = 0;
    browserMissing = false;
  });

  it('opens WeChat and the relay from settings in the system browser', async () => {
    const { open } = opener('https://relay.agency.example');
    await expect(open('https://mp.weixin.qq.com/')).resolves.toBe(true);
    await expect(open('https://relay.agency.example/authorize/inv-1')).resolves.toBe(true);
    expect(opened).toEqual(['https://mp.weixin.qq.com/', 'https://relay.agency.example/authorize/inv-1']);
  });

  it('refuses anything else and reports only its origin, never its query string', async () => {
    const { open, refused } = opener('https://relay.agency.example');
    await expect(open('https://evil.example/steal?access_token=secret')).resolves.toBe(false);
    expect(opened).toEqual([]);
    expect(refused).toEqual(['https://evil.example']);
  });

  it('reports a browser that cannot be opened', async () => {
    browserMissing = true;
    const { open, errors } = opener(null);
    await expect(open('https://mp.weixin.qq.com/')).resolves.toBe(false);
    expect(errors).toEqual([new Error('no browser')]);
  });
});
