import type { ServerResponse } from 'node:http';

export const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:40px auto;color:#222}fieldset{margin:12px 0}
.err{color:#c00}button{background:#07c160;color:#fff;border:0;padding:10px 24px;border-radius:4px;font-size:16px}</style>
</head><body><h2>${escape(title)}</h2>${body}</body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}
