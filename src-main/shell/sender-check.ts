import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import type { RendererSource } from './renderer-source';

/**
 * IPC is answered only for our window's top frame while it shows our page: the same webContents, no parent frame,
 * and the frame's URL on the renderer's own origin (or, for the built files, exactly our index.html).
 */
export function createSenderCheck(
  window: { webContents: WebContents },
  source: RendererSource,
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    return (
      event.sender === window.webContents &&
      frame !== null &&
      frame.parent === null &&
      isRendererPage(frame.url, source)
    );
  };
}

export function isRendererPage(
  frameUrl: string,
  source: RendererSource,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (source.kind === 'url') return url.origin === new URL(source.url).origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  const path = fileURLToPath(url);
  // Windows paths compare without case (a drive letter may come back in either case).
  return platform === 'win32' ? path.toLowerCase() === source.path.toLowerCase() : path === source.path;
}
