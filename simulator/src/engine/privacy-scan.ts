import type { Experience, MiniProgram, PrivacyInterfaceStatus } from '../state/types.js';
import { PRIVACY_INTERFACES } from './privacy-apis.js';

export function interfaceStatus(app: MiniProgram, api: string): PrivacyInterfaceStatus {
  return app.privacyInterfaces.get(api)?.status ?? 1;
}

/** `without_auth_list` (05 E19): privacy interfaces the code uses that this app has not been granted (status ≠ 5). */
export function withoutAuth(app: MiniProgram, experience: Experience): string[] {
  return experience.privateApis.filter((api) => api in PRIVACY_INTERFACES && interfaceStatus(app, api) !== 5);
}
