// "Start with the computer". Windows: Electron's login item (app.setLoginItemSettings, the Run key of
// the user's registry). Linux: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/ottpay-till.desktop
// (~/.config when XDG_CONFIG_HOME is unset or not absolute: XDG Base Directory spec), which the till
// writes and removes itself; the desktop session starts it at login. Either way the till is started with
// `--autostarted` (full screen; it waits for the network and the scanner and says so on screen).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { PublicSettings } from '../../shared/domain.ts';

export const AUTOSTART_FILE = 'ottpay-till.desktop';
export const AUTOSTARTED_FLAG = '--autostarted';

export function autostartWanted(setting: PublicSettings['startWithComputer'], kiosk: boolean): boolean {
  return setting === 'on' || (setting === 'kiosk' && kiosk);
}

export function autostartDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const config = env.XDG_CONFIG_HOME;
  return join(config && isAbsolute(config) ? config : join(home, '.config'), 'autostart');
}

/** The command line that starts this till again as it runs now: executable, app folder (dev), flags. */
export function autostartCommand(opts: {
  execPath: string;
  /** The AppImage file when running from one (its execPath is a temporary mount). */
  appImage?: string | undefined;
  packaged: boolean;
  appPath: string;
  kiosk: boolean;
  dataDir: string | null;
  platform: NodeJS.Platform;
}): string[] {
  const command = [opts.appImage || opts.execPath];
  if (!opts.packaged) command.push(opts.appPath);
  if (opts.platform === 'linux') command.push('--ozone-platform=x11');
  command.push(AUTOSTARTED_FLAG);
  if (opts.kiosk) command.push('--kiosk');
  if (opts.dataDir) command.push('--data-dir', opts.dataDir);
  return command;
}

/**
 * One argument of a desktop entry's Exec key (Desktop Entry spec, "The Exec key"): quoted when it holds
 * a reserved character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes; `%` doubled.
 */
export function execArg(arg: string): string {
  const percent = arg.replaceAll('%', '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(percent) && percent !== '') return percent;
  return `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The entry's text. In a .desktop file a backslash in a string value is itself escaped (\\). */
export function desktopEntry(command: readonly string[]): string {
  const exec = command.map(execArg).join(' ').replaceAll('\\', '\\\\');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=OTTPay Till',
    'Comment=Starts the till when this computer starts (set in the till: Settings, Start with the computer)',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The parts of Electron's app this uses (Windows). */
export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

export type AutostartChange = 'written' | 'removed' | 'unchanged' | 'login-item';

/** Makes the computer start the till (or not). Writes only when something changes. */
export function applyAutostart(
  wanted: boolean,
  opts: {
    platform: NodeJS.Platform;
    command: readonly string[];
    app: LoginItemApp;
    env: Readonly<Record<string, string | undefined>>;
    home: string;
  },
): AutostartChange {
  if (opts.platform === 'win32') {
    // The Run key holds one command line: Electron joins the args as given ("take care to wrap paths in
    // quotes", docs/api/app.md setLoginItemSettings).
    const [path, ...rest] = opts.command;
    const args = rest.map((a) => (/[\s"]/.test(a) ? `"${a.replaceAll('"', '\\"')}"` : a));
    opts.app.setLoginItemSettings({ openAtLogin: wanted, path, args });
    return 'login-item';
  }
  if (opts.platform !== 'linux') return 'unchanged';
  const file = join(autostartDir(opts.env, opts.home), AUTOSTART_FILE);
  if (!wanted) {
    if (!existsSync(file)) return 'unchanged';
    rmSync(file, { force: true });
    return 'removed';
  }
  const text = desktopEntry(opts.command);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return 'unchanged';
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode: 0o644 });
  renameSync(tmp, file);
  return 'written';
}
