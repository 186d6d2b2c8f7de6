import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererSource } from '../../src-main/shell/renderer-source';

const rendererDir = '/opt/wxfleet/resources/app.asar/out/renderer';
const built = { kind: 'file', path: join(rendererDir, 'index.html') };

describe('renderer source', () => {
  it('uses the electron-vite dev server only when not packaged and only on this machine', () => {
    const dev = 'http://localhost:5173/';
    expect(resolveRendererSource({ isPackaged: false, devServerUrl: dev, rendererDir })).toEqual({
      kind: 'url',
      url: dev,
    });
    expect(resolveRendererSource({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173', rendererDir })).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:5173',
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(resolveRendererSource({ isPackaged: true, devServerUrl: 'http://localhost:5173/', rendererDir })).toEqual(
      built,
    );
  });

  it.each(['https://evil.example/', 'http://192.0.2.7:5173/', 'file:///tmp/other.html', 'nonsense'])(
    'ignores a dev server URL that is not on loopback HTTP: %s',
    (devServerUrl) => {
      expect(resolveRendererSource({ isPackaged: false, devServerUrl, rendererDir })).toEqual(built);
    },
  );

  it('loads the built files when no dev server is set', () => {
    expect(resolveRendererSource({ isPackaged: false, devServerUrl: undefined, rendererDir })).toEqual(built);
  });
});
