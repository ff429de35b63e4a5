// Can the desktop app start on this machine? The `electron` npm package keeps its binary's path in
// path.txt and, since Electron 42, fetches the binary on first use (node_modules/electron/index.js
// runs its install.js when path.txt is missing). This reads path.txt itself and says whether the
// binary is there, can be fetched (electron-fetch.ts), or why the desktop app cannot start at all.
// Pure: the file system and the environment arrive as parameters.
import { join } from 'node:path';

export interface DesktopCheckInput {
  /** The folder of the installed `electron` package, or null when it is not installed. */
  electronDir: string | null;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => string | null;
  exists: (path: string) => boolean;
}

export type DesktopCheck =
  | { ok: true; electronPath: string }
  /** `fetch`: the binary is missing and Electron's own installer may fetch it. */
  | { ok: false; reason: string; fetch: boolean };

export function checkDesktop(input: DesktopCheckInput): DesktopCheck {
  if (input.electronDir === null)
    return { ok: false, reason: 'the electron package is not installed', fetch: false };
  // Linux desktops announce their display server; without one Electron cannot open a window (and
  // fetching 100 MB of Electron for it would be pointless).
  if (input.platform === 'linux' && !input.env.DISPLAY && !input.env.WAYLAND_DISPLAY) {
    return {
      ok: false,
      reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
      fetch: false,
    };
  }
  const relative = input.readFile(join(input.electronDir, 'path.txt'))?.trim() ?? '';
  const override = input.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, relative || 'electron')
    : relative
      ? join(input.electronDir, 'dist', relative)
      : null;
  if (binary !== null && input.exists(binary)) return { ok: true, electronPath: binary };
  if (override) return { ok: false, reason: `there is no Electron binary at ${binary}`, fetch: false };
  // The variable that keeps `npm ci` from fetching Electron (CI sets it) keeps `npm start` from it too.
  if (input.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      ok: false,
      reason: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set',
      fetch: false,
    };
  }
  return { ok: false, reason: 'the Electron binary is not installed', fetch: true };
}

/** The one line `npm start` prints before falling back to the browser shell. */
export function fallbackLine(reason: string): string {
  return `The desktop app cannot start here: ${reason.replace(/[.\s]+$/, '')}. Starting the till in the browser instead.`;
}

/**
 * The desktop app's flags the browser shell also knows (--data-dir); the rest (--kiosk) mean
 * nothing in a browser. TILL_DATA_DIR is read by both shells from the environment.
 */
export function browserShellArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) out.push('--data-dir', arg.slice('--data-dir='.length));
    else if ((arg === '--data-dir' || arg === '--port') && argv[i + 1] !== undefined) {
      out.push(arg, argv[i + 1] ?? '');
      i++;
    }
  }
  return out;
}
