import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AUTH_PAGE_PATHS, CONFIRM_PATH } from '../auth-page.js';
import type { AuthPages } from '../auth-page.js';
import type { ControlApi } from '../control/control-api.js';
import { avatarPng } from '../images.js';
import { PERSON_PAGES } from '../person-pages.js';
import type { PersonPages } from '../person-pages.js';
import type { Sim } from '../sim.js';
import { handleApi } from './api-handler.js';
import type { Route } from './route.js';

export interface Handlers {
  sim: Sim;
  routes: Map<string, Route>;
  pages: AuthPages;
  persons: PersonPages;
  control: ControlApi;
}

const avatars = new Map<string, Buffer>();

/** The avatar at `/mmopen/<appid>/<n>`: the image set with modifyheadimage, else a generated one. */
function avatar(sim: Sim, res: ServerResponse, path: string, appid: string): void {
  const basic = sim.accounts.apps.get(appid)?.basic;
  const set = basic?.headImage === path ? basic.headImageData : null;
  let image = set?.data ?? avatars.get(appid);
  if (image === undefined) {
    image = avatarPng(appid);
    avatars.set(appid, image);
  }
  res.writeHead(200, {
    'Content-Type': set?.contentType ?? 'image/png',
    'Content-Length': image.length,
    'Cache-Control': 'max-age=86400',
  });
  res.end(image);
}

async function route(h: Handlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const search = mark < 0 ? '' : url.slice(mark + 1);
  if (path.startsWith('/__sim/')) return h.control.handle(req, res, path, new URLSearchParams(search));
  if (AUTH_PAGE_PATHS.has(path) && req.method === 'GET') return h.pages.show(req, res, new URLSearchParams(search));
  if (path === CONFIRM_PATH && req.method === 'POST') return h.pages.confirm(req, res);
  if (PERSON_PAGES.has(path)) return h.persons.handle(req, res, path, new URLSearchParams(search));
  const head = /^\/mmopen\/(wx[0-9a-f]{16})\/\d+$/.exec(path);
  if (head && req.method === 'GET') return avatar(h.sim, res, path, head[1]!);
  return handleApi(h.sim, h.routes, req, res, path, search);
}

/** One node:http server for both hosts: api.weixin.qq.com paths, the authorization pages and /__sim/. */
export function createSimServer(h: Handlers): Server {
  const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
    route(h, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const text = JSON.stringify({
        errcode: -1,
        errmsg: `system error: ${error instanceof Error ? error.message : String(error)}`,
      });
      res.writeHead(500, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
    });
  });
  return server;
}
