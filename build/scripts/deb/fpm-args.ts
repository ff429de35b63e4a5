// The fpm command line electron-builder 26 builds for a deb (app-builder-lib FpmTarget executeFpm and
// build), parsed into what the deb needs. Only those options are accepted: anything else means
// electron-builder changed, or a `deb.fpm` option was added to electron-builder.yml, and a package
// built without it would be silently wrong. fpm's own forms (`--opt=value`, other sources and
// targets, bare paths) are refused for the same reason. Pure.

export interface FpmDebRequest {
  force: boolean;
  depends: string[];
  recommends: string[];
  /** dpkg-deb's name for the compressor. */
  compression: 'xz' | 'gzip' | 'zstd' | 'none';
  architecture: string;
  afterInstall: string | null;
  afterRemove: string | null;
  description: string;
  version: string;
  iteration: string | null;
  package: string;
  name: string;
  maintainer: string | null;
  vendor: string | null;
  url: string | null;
  category: string | null;
  priority: string | null;
  license: string | null;
  /** `source=destination` pairs, in order; a source ending in `/` maps a folder's contents. */
  mappings: Array<{ source: string; destination: string }>;
}

export type FpmParse = { ok: true; request: FpmDebRequest } | { ok: false; error: string };

/** Options taking one value, once; each is one electron-builder passes for a deb. */
const SINGLE = [
  '--architecture',
  '--after-install',
  '--after-remove',
  '--description',
  '--version',
  '--iteration',
  '--package',
  '--name',
  '--maintainer',
  '--vendor',
  '--url',
  '--category',
  '--deb-priority',
  '--license',
  '--deb-compression',
  '--log',
] as const;
type Single = (typeof SINGLE)[number];

/** fpm's --deb-compression names → dpkg-deb's -Z names (bzip2 is one dpkg-deb cannot write). */
const COMPRESSION: Record<string, FpmDebRequest['compression']> = {
  xz: 'xz',
  gz: 'gzip',
  zst: 'zstd',
  none: 'none',
};

// A Debian relationship: alternatives `name (op version)` joined by `|` (Debian policy 7.1).
const ALTERNATIVE = String.raw`[a-z0-9][a-z0-9+.-]+(?::[a-z0-9-]+)?(?:\s*\((?:<<|<=|=|>=|>>)\s*[A-Za-z0-9.+~:-]+\))?`;
const RELATION = new RegExp(`^${ALTERNATIVE}(?:\\s*\\|\\s*${ALTERNATIVE})*$`);

export function parseFpmArgs(argv: readonly string[]): FpmParse {
  const single = new Map<Single, string>();
  const depends: string[] = [];
  const recommends: string[] = [];
  const mappings: FpmDebRequest['mappings'] = [];
  let source: string | null = null;
  let target: string | null = null;
  let force = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string | null => {
      const next = argv[i + 1];
      if (next === undefined) return null;
      i++;
      return next;
    };
    if (arg === '--force') force = true;
    else if (arg === '--debug') continue;
    else if (arg === '-s' || arg === '-t') {
      const v = value();
      if (v === null) return { ok: false, error: `${arg} needs a value` };
      if (arg === '-s') source = v;
      else target = v;
    } else if (arg === '-d' || arg === '--deb-recommends') {
      const v = value();
      if (v === null) return { ok: false, error: `${arg} needs a value` };
      if (!RELATION.test(v.trim())) return { ok: false, error: `not a Debian relationship: ${arg} ${v}` };
      (arg === '-d' ? depends : recommends).push(v.trim());
    } else if ((SINGLE as readonly string[]).includes(arg)) {
      const v = value();
      if (v === null) return { ok: false, error: `${arg} needs a value` };
      if (single.has(arg as Single)) return { ok: false, error: `${arg} given twice` };
      single.set(arg as Single, v);
    } else if (arg.startsWith('-')) {
      return { ok: false, error: `unsupported option ${arg}` };
    } else {
      const eq = arg.indexOf('=');
      if (eq <= 0 || arg.indexOf('=', eq + 1) !== -1 || eq === arg.length - 1)
        return { ok: false, error: `not a source=destination mapping: ${arg}` };
      const destination = arg.slice(eq + 1);
      if (!destination.startsWith('/'))
        return { ok: false, error: `the destination is not absolute: ${arg}` };
      mappings.push({ source: arg.slice(0, eq), destination });
    }
  }

  if (source !== 'dir') return { ok: false, error: `only -s dir is supported (got ${source ?? 'none'})` };
  if (target !== 'deb') return { ok: false, error: `only -t deb is supported (got ${target ?? 'none'})` };
  const log = single.get('--log');
  if (log !== undefined && log !== 'debug') return { ok: false, error: `unsupported --log ${log}` };
  const compressionName = single.get('--deb-compression') ?? 'xz';
  const compression = COMPRESSION[compressionName];
  if (compression === undefined)
    return {
      ok: false,
      error: `unsupported --deb-compression ${compressionName} (dpkg-deb writes xz, gz, zst, none)`,
    };
  for (const required of ['--name', '--version', '--package', '--architecture'] as const)
    if (!single.get(required)) return { ok: false, error: `${required} is required` };
  if (mappings.length === 0) return { ok: false, error: 'no source=destination mapping given' };

  const get = (k: Single) => single.get(k) ?? null;
  return {
    ok: true,
    request: {
      force,
      depends,
      recommends,
      compression,
      architecture: get('--architecture') ?? '',
      afterInstall: get('--after-install'),
      afterRemove: get('--after-remove'),
      description: get('--description') ?? '',
      version: get('--version') ?? '',
      iteration: get('--iteration'),
      package: get('--package') ?? '',
      name: get('--name') ?? '',
      maintainer: get('--maintainer'),
      vendor: get('--vendor'),
      url: get('--url'),
      category: get('--category'),
      priority: get('--deb-priority'),
      license: get('--license'),
      mappings,
    },
  };
}
