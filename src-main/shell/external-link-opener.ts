import { shell } from 'electron';
import { isExternalUrlAllowed } from './external-links';

export interface ExternalLinkOpenerDeps {
  /** The relay's URL from settings, read at click time (it changes when staff save the relay settings). */
  relayUrl: () => Promise<string | null>;
  /** Told only the refused link's origin: a query string may carry something secret. */
  onRefused: (origin: string) => void;
  onError: (error: unknown) => void;
}

/** Opens a link in the system browser only when the external-link policy allows it; refusals are reported. */
export function createExternalLinkOpener({ relayUrl, onRefused, onError }: ExternalLinkOpenerDeps) {
  return async (url: string): Promise<boolean> => {
    try {
      if (!isExternalUrlAllowed(url, await relayUrl())) {
        onRefused(originOf(url));
        return false;
      }
      // The only place the app hands a URL to the system: after the policy above.
      await shell.openExternal(url);
      return true;
    } catch (error) {
      onError(error);
      return false;
    }
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}
