/** HTML of the launch page: Chinese first, English below. Everything dynamic is escaped. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222;line-height:1.6}
a.go{display:inline-block;margin:1.5rem 0;padding:.8rem 1.6rem;background:#07c160;color:#fff;border-radius:6px;text-decoration:none;font-size:1.1rem}
.en{color:#666;font-size:.9rem;border-top:1px solid #eee;margin-top:2rem;padding-top:1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export type Variant = 'pc' | 'mobile';

export function authorizeLinkPage(url: string, variant: Variant, label: string | undefined): string {
  const who = label === undefined ? '' : `<p>${escapeHtml(label)}</p>`;
  const zh =
    variant === 'pc'
      ? '点击下方按钮，用小程序管理员的微信扫码，确认授权给我们的第三方平台。'
      : '请在微信中打开本页，点击下方按钮，确认授权给我们的第三方平台。';
  const en =
    variant === 'pc'
      ? 'Click the button, then scan the QR code with the WeChat of the mini-program administrator to authorize our platform.'
      : 'Open this page inside WeChat, tap the button and confirm the authorization for our platform.';
  return page(
    '授权小程序 / Authorize your mini-program',
    `<h1>授权小程序</h1>${who}<p>${zh}</p><a class="go" id="authorize" href="${escapeHtml(url)}">前往授权 / Authorize</a>
<div class="en" lang="en"><p>${en}</p><p>The link is valid for a few minutes; reload this page for a new one.</p></div>`,
  );
}

export function messagePage(zhTitle: string, zh: string, en: string): string {
  return page(
    zhTitle,
    `<h1>${escapeHtml(zhTitle)}</h1><p>${escapeHtml(zh)}</p><div class="en" lang="en"><p>${escapeHtml(en)}</p></div>`,
  );
}
