// The desktop app's command line from `npm start -- …`. In a Wayland session the app would relaunch
// itself on X11 (linux-switches.ts x11Relaunch): the relaunched till is no child of `npm start`, so
// Ctrl+C and the launcher's signals no longer reach it. Passing the switch from here, on the same
// condition, makes the first process the till.
import { x11Relaunch } from '../main/linux-switches.ts';

export function desktopArgs(
  appDir: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): string[] {
  const args = [appDir, ...argv];
  return x11Relaunch(['electron', ...args], env, platform) === null
    ? args
    : [...args, '--ozone-platform=x11'];
}
