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
});

export type Settings = Infer<typeof settingsSchema>;

export const settingsAggregate = defineAggregate({
  name: 'settings',
  version: 3,
  schema: settingsSchema,
  migrations: [
    {
      // v1 had no theme.
      to: 2,
      up: (data) => ({ theme: 'light', ...(data as Record<string, unknown>) }),
    },
    {
      // v2 kept the WeChat base URL here; it is now a field of the runtime config the host builds.
      to: 3,
      up: (data) => {
        const { apiBaseUrl: _dropped, ...rest } = data as Record<string, unknown>;
        return rest;
      },
    },
  ],
});
