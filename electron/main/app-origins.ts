// The renderers are served from app://<role>/…: one exact origin per window role, so main can tell
// from a frame's URL alone which page it is, and the two pages never share an origin.
import type { Role } from '../../shared/contract.ts';

export const APP_SCHEME = 'app';

export const ROLE_HOSTS: Readonly<Record<Role, string>> = { till: 'till', customer: 'customer' };

/** The page each window loads. The Vite build writes dist/renderer/<role>/index.html. */
export function pageUrl(role: Role): string {
  return `${APP_SCHEME}://${ROLE_HOSTS[role]}/${role}/index.html`;
}

/** The role whose exact origin `url` has, or null (other scheme, host, port, credentials, junk). */
export function roleOfUrl(url: string | null | undefined): Role | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.port !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return null;
  }
  for (const role of Object.keys(ROLE_HOSTS) as Role[]) {
    if (parsed.hostname === ROLE_HOSTS[role]) return role;
  }
  return null;
}
