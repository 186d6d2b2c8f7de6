/** A token with its lifetime; times are milliseconds of the injected clock. */
export interface ExpiringSecret {
  readonly value: string;
  readonly obtainedAt: number;
  readonly expiresAt: number;
}

export interface TicketSecret {
  readonly value: string;
  /** When the push carrying it was received (or its CreateTime), ms. */
  readonly receivedAt: number;
}

/** Every secret the console holds, with the shape of its value. */
export interface SecretValues {
  'component.appsecret': string;
  /** The message-verification Token configured on the open platform (not an access token). */
  'component.token': string;
  'component.encodingAesKey': string;
  'component.encodingAesKeyPrevious': string;
  'component.ticket': TicketSecret;
  'component.accessToken': ExpiringSecret;
  'relay.deviceToken': string;
  [name: `authorizer.${string}.accessToken`]: ExpiringSecret;
  [name: `authorizer.${string}.refreshToken`]: string;
}

export type SecretName = keyof SecretValues & string;
export type SecretValue<K extends SecretName> = SecretValues[K];

const APPID = /^[A-Za-z0-9_-]{1,64}$/;

function checkAppid(appid: string): string {
  if (!APPID.test(appid)) throw new Error('Invalid authorizer appid.');
  return appid;
}

export const authorizerAccessTokenName = (appid: string): `authorizer.${string}.accessToken` =>
  `authorizer.${checkAppid(appid)}.accessToken`;

export const authorizerRefreshTokenName = (appid: string): `authorizer.${string}.refreshToken` =>
  `authorizer.${checkAppid(appid)}.refreshToken`;
