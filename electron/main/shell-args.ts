// Start-up switches of the desktop shell. Kiosk mode locks the till full screen (no window chrome, no
// leaving it by keyboard): `--kiosk` on the command line or OTTPAY_KIOSK=1.
export interface ShellArgs {
  kiosk: boolean;
}

export function parseShellArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ShellArgs {
  return { kiosk: argv.includes('--kiosk') || env.OTTPAY_KIOSK === '1' };
}
