// Chromium switches the Linux shell sets before 'ready'. safeStorage picks its Linux backend from the
// desktop it recognises and falls back to `basic_text` (a hard-coded key) in kiosk or minimal
// sessions it does not know, even with a keyring installed (Electron docs,
// safeStorage.getSelectedStorageBackend); the till then could not keep its sign key. Asking for
// libsecret by name uses the Secret Service (gnome-keyring, or KWallet's) wherever one runs.
// A `--password-store=…` the shop passes itself wins (Chromium reads switch values only after `=`).
// (X11 rather than Wayland is chosen in electron-builder.yml's linux.executableArgs: the platform is
// picked before this code runs.)

export function linuxSwitches(
  argv: readonly string[],
  platform: NodeJS.Platform,
): Array<{ name: string; value: string }> {
  if (platform !== 'linux') return [];
  if (argv.some((a) => a.startsWith('--password-store='))) return [];
  return [{ name: 'password-store', value: 'gnome-libsecret' }];
}
