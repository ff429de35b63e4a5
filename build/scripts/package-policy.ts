// What `npm run package:check` demands of the packed Linux app beyond its contents (package-check.ts):
// the fuses in the packed binary, only the target's native prebuilds, the CSP header, and the deb's
// configuration in electron-builder.yml (package-check passes no option of these sections). Each returns
// problems as text; an empty list passes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireFromBuilder = createRequire(
  createRequire(import.meta.url).resolve('app-builder-lib/package.json'),
);

/** The fuse states the till ships with ('0' off, '1' on), by @electron/fuses' FuseV1Options index. */
export const EXPECTED_FUSES: ReadonlyArray<{ index: number; name: string; on: boolean }> = [
  { index: 0, name: 'RunAsNode', on: false },
  { index: 2, name: 'EnableNodeOptionsEnvironmentVariable', on: false },
  { index: 3, name: 'EnableNodeCliInspectArguments', on: false },
  { index: 4, name: 'EnableEmbeddedAsarIntegrityValidation', on: true },
  { index: 5, name: 'OnlyLoadAppFromAsar', on: true },
  { index: 7, name: 'GrantFileProtocolExtraPrivileges', on: false },
];

/**
 * Electron 45's fuse wire (its build/fuses/fuses.json5): @electron/fuses names the first 8; the 9th,
 * wasm_trap_handlers (Electron 42), keeps Electron's default. The stand-in binaries carry the same.
 */
export const ELECTRON_FUSE_COUNT = 9;

export async function fuseProblems(executable: string): Promise<string[]> {
  const { getCurrentFuseWire } = requireFromBuilder('@electron/fuses') as {
    getCurrentFuseWire(path: string): Promise<Record<number, number>>;
  };
  let wire: Record<number, number>;
  try {
    wire = await getCurrentFuseWire(executable);
  } catch (err) {
    return [`no fuse wire in the packed executable: ${err instanceof Error ? err.message : String(err)}`];
  }
  const ON = '1'.charCodeAt(0);
  const OFF = '0'.charCodeAt(0);
  const count = Object.keys(wire).filter((k) => /^\d+$/.test(k)).length;
  const problems =
    count === ELECTRON_FUSE_COUNT
      ? []
      : [`the packed binary's fuse wire has ${count} fuses, Electron 45's has ${ELECTRON_FUSE_COUNT}`];
  return problems.concat(
    EXPECTED_FUSES.flatMap(({ index, name, on }) =>
      wire[index] === (on ? ON : OFF)
        ? []
        : [`fuse ${name} is not ${on ? 'on' : 'off'} in the packed binary`],
    ),
  );
}

/** The native files each installer must carry, and nothing else: its own target's builds. */
export const TARGET_PREBUILDS = {
  // On Linux the glibc build, not the musl one.
  'linux-x64': [
    '/node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
    '/node_modules/better-sqlite3/prebuilds/linux-x64.node',
  ],
  'win32-x64': [
    '/node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
    '/node_modules/better-sqlite3/prebuilds/win32-x64.node',
  ],
} as const;

export function prebuildProblems(
  unpacked: readonly string[],
  target: keyof typeof TARGET_PREBUILDS = 'linux-x64',
): string[] {
  const expected: readonly string[] = TARGET_PREBUILDS[target];
  const natives = unpacked.filter((p) => p.endsWith('.node')).sort();
  const problems = natives
    .filter((p) => !expected.includes(p))
    .map((p) => `another target's native file packed (${target}): ${p}`);
  for (const p of expected)
    if (!natives.includes(p)) problems.push(`the target's native file is missing (${target}): ${p}`);
  return problems;
}

/** The CSP goes out as a header (frame-ancestors works only there); the meta copy must not pretend. */
export function cspProblems(
  mainBundle: string,
  pages: ReadonlyArray<{ path: string; html: string }>,
): string[] {
  const problems: string[] = [];
  if (!mainBundle.includes("frame-ancestors 'none'"))
    problems.push("the app:// CSP header lacks frame-ancestors 'none'");
  for (const page of pages) {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(page.html)?.[1];
    if (meta === undefined) problems.push(`${page.path}: no meta CSP`);
    else if (/frame-ancestors|report-uri|sandbox/.test(meta))
      problems.push(`${page.path}: the meta CSP holds a directive Chromium ignores there`);
  }
  return problems;
}

interface EffectiveConfig {
  files?: unknown;
  linux?: { target?: Array<string | { target: string }>; executableArgs?: string[]; files?: string[] };
  win?: { files?: string[] };
  deb?: { depends?: string[]; recommends?: string[]; appArmorProfile?: string; afterInstall?: string };
}

/**
 * electron-builder's default deb Depends (app-builder-lib 26, FpmTarget getDefaultDepends). Setting
 * `deb.depends` replaces that list instead of extending it, so ours repeats it; kept here rather than
 * read from electron-builder's private out/targets/FpmTarget.js, which moves in v27. The check
 * below fails when electron-builder's major version changes, to have it compared again.
 */
export const ELECTRON_BUILDER_DEB_DEPENDS = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
];
export const ELECTRON_BUILDER_DEB_DEPENDS_OF = 26;

/** ALSA under its Ubuntu 24.04 (64-bit time_t) name or the older one; the prebuild's runtimes. */
export const UBUNTU_2404_DEB_DEPENDS = [
  'libasound2t64 | libasound2',
  'libc6 (>= 2.34)',
  'libstdc++6 (>= 11)',
];

export function readBuilderConfig(root: string): EffectiveConfig {
  const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as EffectiveConfig;
}

/** One of electron-builder's Linux templates (shipped in its package, outside its compiled code). */
export function builderTemplate(name: string): string {
  return join(dirname(requireFromBuilder.resolve('./package.json')), 'templates', 'linux', name);
}

/** The deb as it would be built: target order, X11, dependencies, keyring, AppArmor profile. */
export function linuxConfigProblems(config: EffectiveConfig, _root?: string): string[] {
  const problems: string[] = [];
  const targets = (config.linux?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
  if (targets[0] !== 'deb') problems.push(`the deb is not the first Linux target (${targets.join(', ')})`);
  const args = config.linux?.executableArgs ?? [];
  if (!args.includes('--ozone-platform=x11'))
    problems.push('linux.executableArgs lacks --ozone-platform=x11');
  if (args.some((a) => /no-sandbox|disable-setuid-sandbox/.test(a)))
    problems.push('the Chromium sandbox is turned off');

  const builderMajor = Number(
    (requireFromBuilder('./package.json') as { version: string }).version.split('.')[0],
  );
  if (builderMajor !== ELECTRON_BUILDER_DEB_DEPENDS_OF)
    problems.push(
      `electron-builder ${builderMajor}: compare its default deb Depends with ELECTRON_BUILDER_DEB_DEPENDS (package-policy.ts), then update ELECTRON_BUILDER_DEB_DEPENDS_OF`,
    );
  const depends = config.deb?.depends ?? [];
  for (const d of [...ELECTRON_BUILDER_DEB_DEPENDS, ...UBUNTU_2404_DEB_DEPENDS]) {
    if (!depends.includes(d)) problems.push(`deb.depends lacks ${d}`);
  }
  if (!(config.deb?.recommends ?? []).includes('gnome-keyring'))
    problems.push('deb.recommends lacks gnome-keyring');

  // One AppArmor profile: electron-builder's own template (templates/linux/apparmor-profile.tpl),
  // which its after-install script installs; a copy of ours would only drift from it.
  if (config.deb?.appArmorProfile)
    problems.push(
      "deb.appArmorProfile is set: the deb's AppArmor profile is electron-builder's own template",
    );
  const profile = readFileSync(builderTemplate('apparmor-profile.tpl'), 'utf8');
  if (!/^\s*userns,/m.test(profile))
    problems.push("electron-builder's AppArmor profile does not allow userns");
  // electron-builder fills in these placeholders (its own dollar-brace syntax, not a JS template).
  const placeholder = (name: string) => `$\{${name}}`;
  if (!profile.includes(`"/opt/${placeholder('sanitizedProductName')}/${placeholder('executable')}"`))
    problems.push("electron-builder's AppArmor profile does not attach to the installed binary");
  // Our profile is installed by electron-builder's own after-install script (none of ours replaces it).
  if (config.deb?.afterInstall)
    problems.push('a custom deb.afterInstall: check it installs the AppArmor profile');
  const template = readFileSync(builderTemplate('after-install.tpl'), 'utf8');
  if (!template.includes('resources/apparmor-profile') || !template.includes('apparmor_parser --replace'))
    problems.push("electron-builder's after-install no longer installs the AppArmor profile");
  return problems;
}

/**
 * Each target's `files`: no top-level list (a platform list beside it is a second set copying
 * everything), no `${platform}` (the build host's, not the target's), the same list for both
 * targets apart from the prebuild lines, and each excluding every prebuild but its own.
 */
export function filesConfigProblems(config: EffectiveConfig): string[] {
  const problems: string[] = [];
  if (config.files !== undefined) problems.push('a top-level `files` list: list files per target');
  const lists = { 'linux-x64': config.linux?.files ?? [], 'win32-x64': config.win?.files ?? [] };
  const common = (l: string[]) => l.filter((p) => !p.includes('/prebuilds/'));
  if (JSON.stringify(common(lists['linux-x64'])) !== JSON.stringify(common(lists['win32-x64'])))
    problems.push('linux.files and win.files differ in more than their prebuilds');
  for (const [target, list] of Object.entries(lists)) {
    if (list.length === 0) problems.push(`no files list for ${target}`);
    const hostMacro = `$\{platform}`; // electron-builder's macro, not a JS template
    if (list.some((p) => p.includes(hostMacro))) problems.push(`${target} files use ${hostMacro}`);
    for (const mod of ['better-sqlite3/prebuilds/!(', '@serialport/bindings-cpp/prebuilds/!('])
      if (!list.some((p) => p.includes(`${mod}${target})`)))
        problems.push(`${target} files do not keep only the ${target} prebuilds of ${mod.split('/')[0]}`);
  }
  return problems;
}
