import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RendererSource } from '../../src-main/shell/renderer-source';
import { createSenderCheck, isRendererPage } from '../../src-main/shell/sender-check';

const indexHtml = '/opt/wxfleet/resources/app.asar/out/renderer/index.html';
const ourPage = `${pathToFileURL(indexHtml).href}#/settings`;
const built: RendererSource = { kind: 'file', path: indexHtml };
const dev: RendererSource = { kind: 'url', url: 'http://localhost:5173/' };

const webContents = { id: 1 } as unknown as WebContents;
const window = { webContents };
const topFrame = { parent: null };

function event(sender: unknown, frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('IPC sender check', () => {
  const isTrusted = createSenderCheck(window, built);

  it('accepts our window top frame showing our own page', () => {
    expect(isTrusted(event(webContents, { ...topFrame, url: ourPage }))).toBe(true);
  });

  it.each([
    ['another webContents', event({ id: 2 }, { ...topFrame, url: ourPage })],
    ['a subframe', event(webContents, { parent: { url: ourPage }, url: ourPage })],
    ['a frame that is gone', event(webContents, null)],
    ['a remote page in our window', event(webContents, { ...topFrame, url: 'https://evil.example/' })],
    ['another local file', event(webContents, { ...topFrame, url: 'file:///tmp/evil/index.html' })],
    ['a file on another host', event(webContents, { ...topFrame, url: `file://server${indexHtml}` })],
    ['about:blank', event(webContents, { ...topFrame, url: 'about:blank' })],
    ['no URL at all', event(webContents, { ...topFrame, url: '' })],
  ])('refuses %s', (_name, e) => {
    expect(isTrusted(e)).toBe(false);
  });

  it('compares origins when the page comes from the dev server', () => {
    const isTrustedDev = createSenderCheck(window, dev);
    expect(isTrustedDev(event(webContents, { ...topFrame, url: 'http://localhost:5173/#/jobs' }))).toBe(true);
    expect(isTrustedDev(event(webContents, { ...topFrame, url: 'http://localhost:5174/' }))).toBe(false);
    expect(isTrustedDev(event(webContents, { ...topFrame, url: ourPage }))).toBe(false);
  });
});

describe('renderer page path comparison', () => {
  it('ignores case only on Windows, whose file system does', () => {
    const source: RendererSource = { kind: 'file', path: '/Opt/WXFleet/out/renderer/index.html' };
    const frame = 'file:///opt/wxfleet/out/renderer/index.html#/jobs';
    expect(isRendererPage(frame, source, 'win32')).toBe(true);
    expect(isRendererPage(frame, source, 'linux')).toBe(false);
    expect(isRendererPage('file:///opt/wxfleet/out/renderer/other.html', source, 'win32')).toBe(false);
  });
});
