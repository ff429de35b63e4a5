// Can the desktop app start on this machine? The `electron` npm package keeps its binary's path in
// path.txt and downloads the binary when asked for it while it is missing (node_modules/electron/
// index.js), so this reads path.txt itself: no download, no stack trace, just the reason. Pure: the
// file system and the environment arrive as parameters.
import { join } from 'node:path';

export interface DesktopCheckInput {
  /** The folder of the installed `electron` package, or null when it is not installed. */
  electronDir: string | null;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => string | null;
  exists: (path: string) => boolean;
}

export type DesktopCheck = { ok: true; electronPath: string } | { ok: false; reason: string };

export function checkDesktop(input: DesktopCheckInput): DesktopCheck {
  if (input.electronDir === null) return { ok: false, reason: 'the electron package is not installed' };
  const relative = input.readFile(join(input.electronDir, 'path.txt'))?.trim() ?? '';
  const override = input.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, relative || 'electron')
    : relative
      ? join(input.electronDir, 'dist', relative)
      : null;
  if (binary === null || !input.exists(binary)) {
    return { ok: false, reason: 'the Electron binary is not installed (its download failed or was skipped)' };
  }
  // Linux desktops announce their display server; without one Electron cannot open a window.
  if (input.platform === 'linux' && !input.env.DISPLAY && !input.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { ok: true, electronPath: binary };
}

/** The one line `npm start` prints before falling back to the browser shell. */
export function fallbackLine(reason: string): string {
  return `The desktop app cannot start here: ${reason}. Starting the till in the browser instead.`;
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
