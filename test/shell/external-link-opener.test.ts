import { describe, expect, it } from 'vitest';
import { createExternalLinkOpener } from '../../src-main/shell/external-link-opener';

function opener(relayUrl: string | null, failOpen = false) {
  const opened: string[] = [];
  const refused: string[] = [];
  const errors: unknown[] = [];
  const open = createExternalLinkOpener({
    relayUrl: async () => relayUrl,
    open: async (url) => {
      if (failOpen) throw new Error('no browser');
      opened.push(url);
    },
    onRefused: (origin) => refused.push(origin),
    onError: (error) => errors.push(error),
  });
  return { open, opened, refused, errors };
}

describe('external link opener', () => {
  it('opens WeChat and the relay from settings in the system browser', async () => {
    const { open, opened } = opener('https://relay.agency.example');
    await expect(open('https://mp.weixin.qq.com/')).resolves.toBe(true);
    await expect(open('https://relay.agency.example/authorize/inv-1')).resolves.toBe(true);
    expect(opened).toEqual(['https://mp.weixin.qq.com/', 'https://relay.agency.example/authorize/inv-1']);
  });

  it('refuses anything else and reports only its origin, never its query string', async () => {
    const { open, opened, refused } = opener('https://relay.agency.example');
    await expect(open('https://evil.example/steal?access_token=secret')).resolves.toBe(false);
    expect(opened).toEqual([]);
    expect(refused).toEqual(['https://evil.example']);
  });

  it('reports a browser that cannot be opened', async () => {
    const { open, errors } = opener(null, true);
    await expect(open('https://mp.weixin.qq.com/')).resolves.toBe(false);
    expect(errors).toEqual([new Error('no browser')]);
  });
});
