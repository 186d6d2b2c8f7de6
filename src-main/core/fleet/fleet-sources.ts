import type { AuthorizerDetail, AuthorizerRow, VersionView } from '../../contract/fleet.js';

/** What the release side knows about a mini-program's versions: its online, trial and audited versions, and drift. */
export interface VersionFacts {
  online: VersionView | null;
  experience: VersionView | null;
  audit: AuthorizerRow['audit'];
  /** Not on the default template at its version. */
  drift: boolean;
  gray: AuthorizerRow['gray'];
  service: AuthorizerRow['service'];
}

/** Reads version facts of one mini-program from what wxfleet recorded (the version ledger and the audit book). */
export type VersionReader = (appid: string) => VersionFacts;

/** The mini-program's own settings as WeChat holds them now (domains, testers, privacy guide). */
export type WeChatSettings = Pick<AuthorizerDetail, 'domains' | 'webviewDomains' | 'testers' | 'privacyComplete'>;

export type WeChatSettingsReader = (appid: string) => Promise<WeChatSettings>;

/** The merchant's ext_json variables of the template the mini-program runs (or the default template). */
export type ExtVariablesReader = (appid: string) => Record<string, string>;
