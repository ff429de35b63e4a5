// Start-up switches of the desktop shell. Kiosk mode locks the till full screen (no window chrome, no
// leaving it by keyboard): `--kiosk` or OTTPAY_KIOSK=1. The data folder (journal, settings, secrets)
// is the OS's per-user app folder unless `--data-dir=PATH` (or `--data-dir PATH`, or TILL_DATA_DIR)
// names another, e.g. a separate disk or a folder the shop backs up. `--store-pg URL` and `--store-id ID`
// (either also as --flag=value) set the chain's central database for scripted installs.
// `--pos-api-port N`, `--pos-api-key KEY`, `--pos-api-host H` start the local POS API.
import { resolve } from 'node:path';

export interface ShellArgs {
  kiosk: boolean;
  /** Absolute, or null for the OS default (app.getPath('userData')). */
  dataDir: string | null;
  storePg: string | null;
  storeId: string | null;
  /** `--update-feed URL` or TILL_UPDATE_FEED: the update feed, over the setting (README "Updates"). */
  updateFeed: string | null;
  posApiPort: string | null;
  posApiKey: string | null;
  posApiHost: string | null;
  /** `--autostarted`: started by the login item / autostart entry (autostart.ts), with the computer. */
  autostarted: boolean;
}

/** `--name value` or `--name=value`; a following flag is not taken as the value. */
function flagValue(argv: readonly string[], name: string): string | null {
  const inline = argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  if (inline !== undefined) return inline;
  const at = argv.indexOf(name);
  const next = at >= 0 ? argv[at + 1] : undefined;
  return next !== undefined && !next.startsWith('--') ? next : null;
}

export function parseShellArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): ShellArgs {
  const at = argv.indexOf('--data-dir');
  const inline = argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  const given = inline ?? (at >= 0 ? argv[at + 1] : undefined) ?? env.TILL_DATA_DIR;
  const dataDir =
    given !== undefined && given.trim() !== '' && !given.startsWith('--') ? resolve(cwd, given) : null;
  return {
    kiosk: argv.includes('--kiosk') || env.OTTPAY_KIOSK === '1',
    dataDir,
    storePg: flagValue(argv, '--store-pg'),
    storeId: flagValue(argv, '--store-id'),
    updateFeed: flagValue(argv, '--update-feed') ?? (env.TILL_UPDATE_FEED?.trim() || null),
    posApiPort: flagValue(argv, '--pos-api-port'),
    posApiKey: flagValue(argv, '--pos-api-key'),
    posApiHost: flagValue(argv, '--pos-api-host'),
    autostarted: argv.includes('--autostarted'),
  };
}
