// What `npm run package:check` demands of the packed Linux app beyond its contents (package-check.ts):
// the fuses in the packed binary, only the target's native prebuilds, the CSP header, and the deb's
// configuration in electron-builder.yml (package-check passes no option of these sections). Each returns
// problems as text; an empty list passes.
import { existsSync, readFileSync } from 'node:fs';
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
  return EXPECTED_FUSES.flatMap(({ index, name, on }) =>
    wire[index] === (on ? ON : OFF) ? [] : [`fuse ${name} is not ${on ? 'on' : 'off'} in the packed binary`],
  );
}

/** Native files of the two native modules: exactly the Linux x64 glibc builds, nothing else. */
export function prebuildProblems(unpacked: readonly string[]): string[] {
  const expected = [
    '/node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
    '/node_modules/better-sqlite3/prebuilds/linux-x64.node',
  ];
  const natives = unpacked.filter((p) => p.endsWith('.node')).sort();
  const problems = natives
    .filter((p) => !expected.includes(p))
    .map((p) => `another target's native file packed: ${p}`);
  for (const p of expected)
    if (!natives.includes(p)) problems.push(`the target's native file is missing: ${p}`);
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
  linux?: { target?: Array<string | { target: string }>; executableArgs?: string[] };
  deb?: { depends?: string[]; recommends?: string[]; appArmorProfile?: string; afterInstall?: string };
}

export function readBuilderConfig(root: string): EffectiveConfig {
  const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as EffectiveConfig;
}

/** The deb as it would be built: target order, X11, dependencies, keyring, AppArmor profile. */
export function linuxConfigProblems(config: EffectiveConfig, root: string): string[] {
  const problems: string[] = [];
  const targets = (config.linux?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
  if (targets[0] !== 'deb') problems.push(`the deb is not the first Linux target (${targets.join(', ')})`);
  const args = config.linux?.executableArgs ?? [];
  if (!args.includes('--ozone-platform=x11'))
    problems.push('linux.executableArgs lacks --ozone-platform=x11');
  if (args.some((a) => /no-sandbox|disable-setuid-sandbox/.test(a)))
    problems.push('the Chromium sandbox is turned off');

  const fpm = requireFromBuilder('./out/targets/FpmTarget.js') as {
    default: { prototype: { getDefaultDepends(target: string): string[] } };
  };
  const defaults = fpm.default.prototype.getDefaultDepends.call(null, 'deb');
  const depends = config.deb?.depends ?? [];
  for (const d of [...defaults, 'libc6 (>= 2.34)']) {
    if (!depends.includes(d)) problems.push(`deb.depends lacks ${d}`);
  }
  if (!(config.deb?.recommends ?? []).includes('gnome-keyring'))
    problems.push('deb.recommends lacks gnome-keyring');

  const profilePath = config.deb?.appArmorProfile;
  if (!profilePath || !existsSync(join(root, profilePath)))
    problems.push('deb.appArmorProfile names no file');
  else {
    const profile = readFileSync(join(root, profilePath), 'utf8');
    if (!/^\s*userns,/m.test(profile)) problems.push('the AppArmor profile does not allow userns');
    // electron-builder fills in these placeholders (its own dollar-brace syntax, not a JS template).
    const placeholder = (name: string) => `$\{${name}}`;
    const attachment = `"/opt/${placeholder('sanitizedProductName')}/${placeholder('executable')}"`;
    if (!profile.includes(attachment))
      problems.push('the AppArmor profile does not attach to the installed binary');
  }
  // Our profile is installed by electron-builder's own after-install script (none of ours replaces it).
  if (config.deb?.afterInstall)
    problems.push('a custom deb.afterInstall: check it installs the AppArmor profile');
  const template = readFileSync(
    join(dirname(requireFromBuilder.resolve('./package.json')), 'templates', 'linux', 'after-install.tpl'),
    'utf8',
  );
  if (!template.includes('resources/apparmor-profile') || !template.includes('apparmor_parser --replace'))
    problems.push("electron-builder's after-install no longer installs the AppArmor profile");
  return problems;
}
