import { join } from 'node:path';

const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface ProfilePaths {
  readonly profile: string;
  readonly dir: string;
  readonly secretsFile: string;
  readonly storeDir: string;
}

/** Each profile (each real platform, the demo's simulator world) lives in its own directory. */
export function profilePaths(root: string, profile: string): ProfilePaths {
  if (!PROFILE_NAME.test(profile)) throw new Error(`Invalid profile name "${profile}": use a-z, 0-9, "-" or "_".`);
  const dir = join(root, 'profiles', profile);
  return { profile, dir, secretsFile: join(dir, 'secrets.enc.json'), storeDir: join(dir, 'store') };
}
