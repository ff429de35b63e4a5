// Chromium switches the Linux shell sets before 'ready'. safeStorage picks its Linux backend from the
// desktop it recognises and falls back to `basic_text` (a hard-coded key) in kiosk or minimal
// sessions it does not know, even with a keyring installed (Electron docs,
// safeStorage.getSelectedStorageBackend); the till then could not keep its sign key. Asking for
// libsecret by name uses the Secret Service (gnome-keyring, or KWallet's) wherever one runs.
// A `--password-store=…` the shop passes itself wins (Chromium reads switch values only after `=`).
//
// X11 rather than Wayland: since Electron 38 the app is a native Wayland client in a Wayland session,
// where a window cannot place itself (the full-screen customer display lands wherever the compositor
// puts it). The platform is picked before this code runs, so the deb's launcher passes
// `--ozone-platform=x11` (electron-builder.yml, linux.executableArgs); a till started any other way
// in a Wayland session (a terminal, an autostart script) relaunches itself with it once, when
// XWayland is there (DISPLAY). A shop that wants Wayland passes `--ozone-platform=wayland`.

export function linuxSwitches(
  argv: readonly string[],
  platform: NodeJS.Platform,
): Array<{ name: string; value: string }> {
  if (platform !== 'linux') return [];
  if (argv.some((a) => a.startsWith('--password-store='))) return [];
  return [{ name: 'password-store', value: 'gnome-libsecret' }];
}

/** The relaunch that puts the till on X11, or null when it already is (or cannot be). */
export function x11Relaunch(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): { args: string[]; execPath?: string } | null {
  if (platform !== 'linux') return null;
  if (argv.some((a) => a.startsWith('--ozone-platform='))) return null; // chosen already
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  if (!wayland || !env.DISPLAY) return null; // X11 already, or no XWayland to go to
  const args = [...argv.slice(1), '--ozone-platform=x11'];
  // An AppImage's binary lives in a mount that is gone once this instance exits: relaunch the file.
  return env.APPIMAGE ? { args, execPath: env.APPIMAGE } : { args };
}
