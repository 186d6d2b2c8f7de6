import { defineAggregate } from '../aggregate/aggregate-def.js';
import type { Infer } from '../aggregate/schema.js';
import { s } from '../aggregate/schema.js';

/** Non-secret settings; the appsecret, Token, EncodingAESKey and device token live in the vault. */
export const settingsSchema = s.object({
  componentAppid: s.string(),
  relayUrl: s.string(),
  egress: s.literal(['relay', 'direct'] as const, 'relay'),
  locale: s.literal(['zh-CN', 'en'] as const, 'zh-CN'),
  theme: s.literal(['light', 'dark'] as const, 'light'),
  /** Overrides https://api.weixin.qq.com (the simulator in the demo profile). */
  apiBaseUrl: s.nullable(s.string()),
});

export type Settings = Infer<typeof settingsSchema>;

export const settingsAggregate = defineAggregate({
  name: 'settings',
  version: 2,
  schema: settingsSchema,
  migrations: [
    {
      // v1 had no theme.
      to: 2,
      up: (data) => ({ theme: 'light', ...(data as Record<string, unknown>) }),
    },
  ],
});
