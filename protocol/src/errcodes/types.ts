export type RetryClass = 'transient' | 'token' | 'quota' | 'permission' | 'permanent';

export interface ErrcodeInfo {
  readonly code: number;
  /** Typical errmsg as WeChat sends it (before the ` rid: …` suffix); '' if unknown. */
  readonly errmsg: string;
  /** Plain Simplified Chinese explanation for agency staff. */
  readonly zh: string;
  readonly en: string;
  readonly fixZh: string;
  readonly fixEn: string;
  readonly retry: RetryClass;
}
