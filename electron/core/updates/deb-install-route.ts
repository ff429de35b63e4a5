// How a deb-installed till gets its downloaded update onto the machine. electron-updater's deb
// support runs dpkg -i directly as root, or through pkexec (with --disable-internal-agent, so only a
// polkit rule that says yes without asking can make it pass on a till with nobody to type a
// password). Anywhere else the till does not try: it says, in the log and Settings → About, the
// exact apt command someone with the rights must type.

/** Where the shop puts the polkit rule that lets the till's user install its own updates (README). */
export const POLKIT_RULE_FILE = '/etc/polkit-1/rules.d/49-ottpay-till-updates.rules';

export type DebInstallRoute =
  | { kind: 'dpkg-as-root' }
  | { kind: 'pkexec' }
  | { kind: 'notice'; command: string };

export function debInstallRoute(o: {
  uid: number | null;
  pkexec: boolean;
  polkitRule: boolean;
  file: string;
}): DebInstallRoute {
  if (o.uid === 0) return { kind: 'dpkg-as-root' };
  if (o.pkexec && o.polkitRule) return { kind: 'pkexec' };
  return { kind: 'notice', command: `sudo apt install ${shellQuoted(o.file)}` };
}

export function debInstallNote(route: DebInstallRoute, version: string): string {
  switch (route.kind) {
    case 'dpkg-as-root':
      return `${version} installs with dpkg (the till runs as root) at the next idle moment`;
    case 'pkexec':
      return `${version} installs through pkexec (the shop's polkit rule) at the next idle moment`;
    case 'notice':
      return `${version} is downloaded and verified, but this till may not run the package manager: install it with: ${route.command}`;
  }
}

/** A path as one shell word (apt is typed by a person: spaces in the cache path must survive). */
function shellQuoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
