import { join } from 'node:path';
import { isLoopbackHost } from './external-links';

/** Where the window's page comes from: the built files, or during development the electron-vite dev server. */
export type RendererSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export interface RendererSourceInput {
  isPackaged: boolean;
  /** `ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  rendererDir: string;
}

/**
 * A packaged app always loads its own files: the window holds the full bridge, so an environment variable must never
 * point it at another page. Unpackaged, the dev server is used only when it is on this machine.
 */
export function resolveRendererSource({ isPackaged, devServerUrl, rendererDir }: RendererSourceInput): RendererSource {
  if (!isPackaged && devServerUrl !== undefined && isLoopbackDevServer(devServerUrl))
    return { kind: 'url', url: devServerUrl };
  return { kind: 'file', path: join(rendererDir, 'index.html') };
}

function isLoopbackDevServer(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}
