import type { WeChatStack } from '../wechat/wechat-stack.js';

/** The experience-version QR code (get_qrcode, a JPEG) as a data: URL for the renderer. */
export async function experienceQr(wechat: WeChatStack, appid: string): Promise<string> {
  const image = await wechat.api.getQrcode(appid, {});
  return `data:${image.contentType || 'image/jpeg'};base64,${Buffer.from(image.data).toString('base64')}`;
}
